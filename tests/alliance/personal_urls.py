"""Public-looking pages that make their answer personal, to test what the page cache keeps."""

import itertools

from django.conf.urls.i18n import i18n_patterns
from django.contrib import messages
from django.http import HttpResponse
from django.urls import path

renders = itertools.count(1)


def remembers_in_session(request):
    request.session["seen"] = True
    return HttpResponse(f"render {next(renders)}")


def leaves_a_message(request):
    messages.info(request, "Your request has been received.")
    return HttpResponse(f"render {next(renders)}")


urlpatterns = i18n_patterns(
    path("session/", remembers_in_session),
    path("message/", leaves_a_message),
)
