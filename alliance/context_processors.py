from django.conf import settings
from django.templatetags.static import static
from django.utils.functional import SimpleLazyObject

from core.cache import data_version


def partner_logo(logo):
    """A PARTNER_LOGOS entry with its image's address resolved (a static path or a site path)."""
    image = logo["image"]
    return {
        "name": logo["name"],
        "url": logo.get("url", ""),
        "src": image if image.startswith("/") else static(image),
        "width": logo.get("width"),
        "height": logo.get("height"),
    }


def site(request):
    """Links every page shows in its header and footer, and the data version the cards of the
    lists are kept under (`{% cache … DATA_VERSION %}` in templates/includes/_*_summary.html):
    read only by a page that shows a card."""
    return {
        "DATA_VERSION": SimpleLazyObject(data_version),
        "FACEBOOK_URL": settings.FACEBOOK_URL,
        "TWITTER_URL": settings.TWITTER_URL,
        "PARTNER_LOGOS": [partner_logo(logo) for logo in settings.PARTNER_LOGOS],
    }
