"""Sample members for the demo."""

from .models import Member


def load():
    return {"members": Member.objects.approved().count()}
