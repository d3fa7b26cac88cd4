"""The pictures kept in the private storage: the images of articles, practices and events
(and their renditions), and the logos members propose. Each is sent to whom may read its row,
by the rule its pages use (core.files.access with the model's `published()`)."""

import re

from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.views.decorators.http import require_safe

from core import files
from core.images import rendition_name, rendition_widths
from events.models import Event
from news.models import Article
from participants.auth import participant_of
from participants.models import ProfileChangeRequest
from practices.models import Practice

# The folder a picture is stored in (its field's upload_to) → whose it is, what the public
# may see, what a signed-in participant may see besides (given the participant): the articles
# kept for participants, and their own member's practices and proposed logos.
OWNERS = {
    "news": (
        Article,
        "image",
        Article.objects.published,
        lambda participant: Article.objects.for_participants(),
    ),
    "practices": (
        Practice,
        "image",
        Practice.objects.published,
        lambda participant: Practice.objects.filter(members=participant.member),
    ),
    "events": (Event, "image", Event.objects.published, None),
    "proposed-logos": (
        ProfileChangeRequest,
        "logo",
        ProfileChangeRequest.objects.none,
        lambda participant: ProfileChangeRequest.objects.filter(member=participant.member),
    ),
}
RENDITION = re.compile(r"(?P<stem>.+)\.(?P<width>\d+)w\.webp")


@require_safe
def picture(request, name):
    """A stored picture or one of its renditions (core.images), or 404."""
    owner = OWNERS.get(name.split("/", 1)[0])
    if owner is None:
        raise Http404
    model, field, public, participants = owner
    rendition = RENDITION.fullmatch(name)
    if rendition:
        # A rendition is named after its original: "news/2026/x9Tq.480w.webp" is a copy of
        # "news/2026/x9Tq.<its extension>".
        found = model._default_manager.filter(
            **{f"{field}__startswith": rendition["stem"] + "."}
        ).first()
        if found is None or int(rendition["width"]) not in rendition_widths(
            getattr(found, f"{field}_width", None)
        ):
            raise Http404
        if rendition_name(getattr(found, field).name, int(rendition["width"])) != name:
            raise Http404
    else:
        found = model._default_manager.filter(**{field: name}).first()
        if found is None:
            raise Http404
    participant = participant_of(request) if participants is not None else None
    signed_in = participant is not None and participant.contact is not None
    allowed = files.access(
        request,
        found,
        public(),
        participants=participants(participant) if signed_in else None,
        participant=signed_in,
    )
    stored = getattr(found, field)
    if rendition:
        stored = FieldFile(found, stored.field, name)
    return files.serve_private(request, stored, "picture", allowed=allowed)
