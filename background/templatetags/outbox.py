from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("admin/background/_emails_link.html", takes_context=True)
def emails_to(context, address):
    """A link, in a person's record, to the outgoing e-mails sent to their address."""
    user = context["request"].user
    if not address or not user.has_perm("background.view_outgoingemail"):
        return {}
    changelist = reverse("admin:background_outgoingemail_changelist")
    return {"url": f"{changelist}?{urlencode({'q': address})}"}
