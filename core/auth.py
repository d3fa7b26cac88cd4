"""Staff login protection: django-axes' lockout, applied to every login made through a request."""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.contrib import admin
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out account or address before ModelBackend checks the password.

    A login without a request (the shell, a management command, the test client's login())
    comes from no address and cannot be brute-forced over the web, so it is not counted.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login sees: the admin's look, how long to wait, status 429."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "cooloff_hours": math.ceil(cool_off.total_seconds() / 3600) if cool_off else 0,
    }
    return render(request, "admin/locked_out.html", context, status=429)
