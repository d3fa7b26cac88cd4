import logging

from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import patch_cache_control

from .logs import new_request_id, request_id

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer a static 503 page, never a traceback, while the database cannot be reached or
    when a query runs past the statement timeout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        # SQLSTATE 57014, query_canceled: the web processes' statement timeout (settings.py).
        cause = exception.__cause__
        timed_out = "57014" in (getattr(cause, "pgcode", None), getattr(cause, "sqlstate", None))
        if timed_out:
            logger.error("A query of %s ran past the statement timeout", request.path)
        else:
            logger.error("Database unavailable while serving %s: %s", request.path, exception)
        response = HttpResponse(
            loader.render_to_string("503.html", {"timed_out": timed_out}), status=503
        )
        response["Retry-After"] = "30"
        return response


class AdminNoCacheMiddleware:
    """Staff pages hold personal data: no shared cache or browser history may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNullCharacterMiddleware:
    """Answer 400 to a query string holding a NUL character.

    No address of the site needs one, and PostgreSQL refuses NUL in a text parameter with an
    error (a 500) wherever a filter or search would pass it to a query. Forms need no such
    guard: Django's text fields already refuse NUL with a validation error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in text for key, values in request.GET.lists() for text in (key, *values)):
            return render(request, "invalid_request.html", status=400)
        return self.get_response(request)


class RequestIdMiddleware:
    """Give each request an id: in every log line written while serving it (core.logs), in
    its error report, and in the response's X-Request-ID header, for staff to find them.

    A proxy's X-Request-ID is kept when it looks like an id; anything else (too long, a
    newline that would forge a log line) is replaced by a new one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = new_request_id(request.headers.get("X-Request-ID"))
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response
