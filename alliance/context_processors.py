from django.conf import settings


def site(request):
    """Links every page shows in its header and footer."""
    return {
        "FACEBOOK_URL": settings.FACEBOOK_URL,
        "TWITTER_URL": settings.TWITTER_URL,
    }
