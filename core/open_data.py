"""What every open data file answers with, whichever app makes it."""

import functools

from django.conf import settings
from django.views.decorators.http import require_safe


def data_file(view):
    """An open data file: GET, or HEAD for its headers alone; readable from any origin; its
    licence named in a `Link: <…>; rel="license"` header (DATA_LICENSE_URL)."""

    @require_safe
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Link"] = f'<{settings.DATA_LICENSE_URL}>; rel="license"'
        return response

    return wrapped
