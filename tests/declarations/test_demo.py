import pytest
from django.core.management import call_command

from declarations import demo
from declarations.models import Signature
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_demo_loads_a_hundred_verified_fictional_signatures_and_a_few_pending():
    demo.load()

    assert Signature.objects.public().count() == 100
    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == 5
    assert Signature.objects.public().values("country").distinct().count() >= 20
    assert all(
        s.email.endswith("@example.org") and "fictional" in s.staff_note
        for s in Signature.objects.all()
    )


def test_demo_spreads_signatures_over_the_sample_members_countries():
    members = [
        make_member(name=f"Sample city {n}", country=c) for n, c in enumerate(["AT", "BE", "HR"])
    ]

    demo.load()

    assert set(Signature.objects.values_list("country", flat=True)) == {"AT", "BE", "HR"}
    linked = Signature.objects.filter(member__in=members)
    assert 20 <= linked.count() <= 50
    assert all(s.authority_name == s.member.name for s in linked.select_related("member"))


def test_loading_the_demo_twice_changes_nothing():
    demo.load()
    first = list(Signature.objects.order_by("pk").values())

    demo.load()

    assert list(Signature.objects.order_by("pk").values()) == first


def test_home_counter_reads_the_demo_signatures(client):
    call_command("load_demo")

    content = client.get("/en/").content.decode()

    assert "<strong>100</strong> elected representatives" in content
