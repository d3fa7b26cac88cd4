import os

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
# This process serves web requests: their queries run under DATABASE_STATEMENT_TIMEOUT.
os.environ["ALLIANCE_WEB_PROCESS"] = "1"

application = get_asgi_application()

from django.conf import settings  # noqa: E402 - read once Django is set up

try:
    settings.SECRET_KEY  # noqa: B018 - Django refuses an empty key when it is read
except ImproperlyConfigured as error:
    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).") from error
