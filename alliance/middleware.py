import logging

from django.db import OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer a static 503 page, never a traceback, while the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response


class AdminNoCacheMiddleware:
    """Staff pages hold personal data: no shared cache or browser history may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")):
            patch_cache_control(response, private=True, no_store=True)
        return response
