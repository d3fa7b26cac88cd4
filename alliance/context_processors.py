from django.conf import settings
from django.templatetags.static import static


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
    """Links every page shows in its header and footer."""
    return {
        "FACEBOOK_URL": settings.FACEBOOK_URL,
        "TWITTER_URL": settings.TWITTER_URL,
        "PARTNER_LOGOS": [partner_logo(logo) for logo in settings.PARTNER_LOGOS],
    }
