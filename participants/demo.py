"""Contact persons of two members, so that a developer can try the participants' space: ask for a
link for participant@example.org at /participants/ and open it from the e-mail the worker prints.
Their names are invented (members/demo.py)."""

from members.demo import invented_person
from members.models import Member

from .models import ContactPerson

DEMO_EMAIL = "participant@example.org"


def load():
    members = list(Member.objects.approved().order_by("name")[:2])
    people = [
        (DEMO_EMAIL, "Roma inclusion officer"),
        ("listed.participant@example.org", "Adviser to the mayor on equality"),
    ]
    for number, (member, (email, role)) in enumerate(zip(members, people, strict=False)):
        name, _gender = invented_person(member.country.code, 500 + number)
        contact, created = ContactPerson.objects.get_or_create(
            member=member,
            email=email,
            defaults={"name": name, "role": role, "listed": True},
        )
        # Earlier demos named them "Sample …": brought up to date, the rest left as it is.
        if not created and contact.name.startswith("Sample"):
            contact.name, contact.role = name, role
            contact.save()
    return {"contact persons": ContactPerson.objects.count()}
