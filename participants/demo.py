"""Sample contact persons, so that a developer can try the participants' space: ask for a link
for participant@example.org at /participants/ and open it from the e-mail the worker prints."""

from members.models import Member

from .models import ContactPerson

DEMO_EMAIL = "participant@example.org"


def load():
    members = list(Member.objects.approved().order_by("name")[:2])
    people = [
        (DEMO_EMAIL, "Sample Contact Person", "Roma inclusion officer (sample)"),
        ("listed.participant@example.org", "Sample Listed Participant", "Mayor’s office (sample)"),
    ]
    for member, (email, name, role) in zip(members, people, strict=False):
        ContactPerson.objects.get_or_create(
            member=member,
            email=email,
            defaults={"name": name, "role": role, "listed": True},
        )
    return {"contact persons": ContactPerson.objects.count()}
