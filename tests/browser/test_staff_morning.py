"""A Congress staff member's morning in the admin, played in Chromium, counted.

Log in; from the admin's home approve 3 join requests and reject 1 with a reason; verify 5
confirmed signatures from their own pages; import a sheet of 30 paper signatures written as
staff write them (French country names, dd/mm/yyyy dates, office labels), fix the 2 wrong rows
the error list names, import again; publish a bilingual article; import a sheet of 3 members
whose dates are written the three ways the import page documents (28/03/2017, 28.03.2017,
2017-03-28), one of a town the map knows; answer a contact message from its page; read the
latest decisions on the admin's home. The outcomes are checked on the public pages and in the
e-mails sent; the number of page loads and form submissions the morning took is printed (run
with -s to see it)."""

import csv
import datetime
import re

import openpyxl
import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from contact.models import ContactMessage
from declarations.models import Signature
from members.models import Member
from news.models import Article
from tests.factories import make_member, make_signature

from .conftest import log_into_admin

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-strong-staff-password-1842"
REQUESTS = ["Oulu", "Tartu", "Graz", "Brno"]
HEADINGS = [
    "Nom complet",
    "Mandat exercé",
    "Collectivité",
    "Pays",
    "Signée le",
    "Statut",
    "Accepte la publication de son nom",
]
COUNTRIES = ["Hongrie", "Roumanie", "Slovaquie", "Espagne", "Grèce", "Bulgarie"]
OFFICES = ["Maire", "Conseiller municipal", "maire adjoint", "Mayor", "conseiller régional"]


# Members joined on paper, their dates written the three ways the import page documents; Eger is
# among the map's places.
MEMBER_SHEET = [
    ["Name", "Kind", "Country", "Status", "Member since"],
    ["Eger", "city", "Hungary", "approved", "28/03/2017"],
    ["Kecskemét", "city", "HU", "approved", "28.03.2017"],
    ["Sopron", "city", "Hongrie", "approved", "2017-03-28"],
]


class Counter:
    """Page loads (documents the browser navigates to) and form submissions (their POSTs)."""

    def __init__(self, page):
        self.loads = self.submissions = 0
        page.on("request", self.seen)

    def seen(self, request):
        if request.resource_type == "document":
            self.loads += 1
            if request.method == "POST":
                self.submissions += 1


def paper_sheet(path, wrong=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    for n in range(30):
        country = COUNTRIES[n % len(COUNTRIES)]
        signed_on = f"{(n % 27) + 1:02d}/03/2017"
        if wrong and n == 7:
            country = "Atlantide"
        if wrong and n == 19:
            signed_on = "31/02/2017"
        office = OFFICES[n % len(OFFICES)]
        sheet.append(
            [f"Élu sur papier {n}", office, f"Commune {n}", country, signed_on, "vérifiée", "oui"]
        )
    book.save(path)
    return path


def member_sheet(path):
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(MEMBER_SHEET)
    return path


@pytest.fixture
def morning(demo, django_user_model):
    django_user_model.objects.create_superuser(
        "secretariat", "s@example.org", PASSWORD, first_name="Ana", last_name="Costa"
    )
    ContactMessage.objects.create(
        name="Jana Novák",
        email="jana.novak@example.org",
        subject=ContactMessage.Subject.PRESS,
        message="Pouvez-vous nous envoyer le dossier de presse de la session ?",
        language="fr",
    )
    for name in REQUESTS:
        make_member(
            name=name,
            country="FI",
            status=Member.Status.PENDING,
            requested_at=timezone.now(),
            contact_email=f"contact@{name.lower()}.example.org",
        )
    for n in range(5):
        make_signature(
            full_name=f"Confirmed Signatory {n}",
            status=Signature.Status.PENDING,
            email_confirmed_at=timezone.now(),
        )
    mail.outbox.clear()


def test_a_staff_morning_in_the_admin(page, morning, tmp_path):
    counter = Counter(page)
    log_into_admin(page, "secretariat", PASSWORD)
    page.get_by_role("heading", name="Today’s work").wait_for()

    # Join requests: from the count on the home page, decide each and open the next.
    queue = list(Member.objects.pending().order_by("requested_at", "pk")[:4])
    page.get_by_role("link", name="Join requests waiting for a decision").click()
    page.get_by_role("link", name=queue[0].name, exact=True).click()
    for _ in range(3):
        page.get_by_role("button", name="Approve this request, then the next").click()
    expect(page.locator("#id_name")).to_have_value(queue[3].name)
    page.get_by_role("button", name="Reject…").click()
    page.get_by_label("Reason").fill("The town is not in a member state of the Council of Europe.")
    page.get_by_role("button", name=re.compile("^Reject")).click()
    page.locator(".messagelist .success").wait_for()

    # Signatures confirmed and waiting: verify each from its own page.
    page.goto("/admin/")
    page.get_by_role("link", name="Signatures confirmed and waiting for verification").click()
    page.get_by_role("link", name="Confirmed Signatory 0").click()
    for _ in range(5):
        page.get_by_role("button", name="Verify, then the next").click()
    page.get_by_text("Nothing else waits for a decision.").wait_for()

    # The paper sheet: two wrong rows, named in the error list; fixed, then imported.
    page.goto("/admin/declarations/signature/import/")
    page.locator("input[type=file]").set_input_files(str(paper_sheet(tmp_path / "session.xlsx")))
    page.locator("select[name=format]").select_option(label="xlsx")
    page.get_by_role("button", name="Check the file").click()
    page.locator(".import-errors li").first.wait_for()
    errors = page.locator(".import-errors li").all_inner_texts()
    assert len(errors) == 2, errors
    assert errors[0].startswith("Row 9, column Country: “Atlantide”")
    assert errors[1].startswith("Row 21, column Signed on: The date “31/02/2017” does not exist")
    page.locator("input[type=file]").set_input_files(
        str(paper_sheet(tmp_path / "session-fixed.xlsx", wrong=False))
    )
    page.locator("select[name=format]").select_option(label="xlsx")
    page.get_by_role("button", name="Check the file").click()
    page.get_by_text("30 new, 0 changed").wait_for()
    page.get_by_role("button", name="Confirm import").click()
    page.locator(".messagelist .success").wait_for()

    # A bilingual article, published at once.
    page.goto("/admin/news/article/add/")
    page.locator("#id_title_en").fill("Paper signatures from the Congress session")
    page.locator("#id_title_fr").fill("Signatures sur papier de la session du Congrès")
    page.locator("#id_lead_en").fill("Thirty elected representatives signed on paper.")
    page.locator("#id_lead_fr").fill("Trente élus ont signé sur papier.")
    page.locator("#id_body_en").fill("They signed the Declaration against anti-Gypsyism.")
    page.locator("#id_body_fr").fill("Ils ont signé la Déclaration contre l’antitsiganisme.")
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("button", name="Publish now").click()
    page.locator(".messagelist .success").wait_for()

    # Members who joined on paper: three ways of writing a date, a town the map knows.
    page.goto("/admin/members/member/import/")
    page.locator("input[type=file]").set_input_files(str(member_sheet(tmp_path / "members.csv")))
    page.locator("select[name=format]").select_option(label="csv")
    page.get_by_role("button", name="Check the file").click()
    page.get_by_text("3 new, 0 changed").wait_for()
    expect(page.locator(".import-errors li")).to_have_count(0)
    page.get_by_role("button", name="Confirm import").click()
    page.locator(".messagelist .success").wait_for()

    # A contact message, answered from its page in the sender's language.
    page.goto("/admin/")
    page.get_by_role("link", name="Contact messages not handled").click()
    page.get_by_role("row", name=re.compile("Jana Novák")).get_by_role("link").first.click()
    page.get_by_role("button", name="Answer…").click()
    page.get_by_label("Answer").fill("Bonjour, le dossier de presse est en ligne sur le site.")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator(".messagelist .success")).to_contain_text("1 answer sent.")

    # The latest decisions, on the admin's home.
    page.get_by_role("link", name="Home").first.click()
    decisions = page.locator("#latest-decisions li").all_inner_texts()

    print(f"\nStaff morning: {counter.loads} page loads, {counter.submissions} form submissions")

    # What the public and the people concerned notice.
    for member in queue:
        member.refresh_from_db()
    assert [member.status for member in queue] == ["approved"] * 3 + ["rejected"]
    assert (
        Signature.objects.filter(full_name__startswith="Confirmed", status="verified").count() == 5
    )
    assert (
        Signature.objects.filter(full_name__startswith="Élu sur papier", status="verified").count()
        == 30
    )
    assert Signature.objects.get(full_name="Élu sur papier 0").country.code == "HU"
    recipients = {address for message in mail.outbox for address in message.to}
    assert {member.contact_email for member in queue if member.contact_email} <= recipients
    page.goto(queue[0].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(queue[0].public_name)
    page.goto("/en/declaration/?q=papier+12")
    expect(page.get_by_text("Élu sur papier 12")).to_be_visible()
    assert decisions[0].startswith("Message answered: Jana Novák")
    assert "by Ana Costa" in decisions[0]
    assert any(d.startswith(f"Join request rejected: {queue[3].name}\n") for d in decisions)
    assert any(d.startswith(f"Join request approved: {queue[2].name}\n") for d in decisions)
    assert not any("secretariat" in decision for decision in decisions)  # named, not an account
    [answer] = [message for message in mail.outbox if message.to == ["jana.novak@example.org"]]
    assert "le dossier de presse est en ligne" in answer.body
    assert "Pouvez-vous nous envoyer le dossier de presse" in answer.body
    joined = dict(Member.objects.filter(name__in=["Eger", "Kecskemét", "Sopron"]).values_list(
        "name", "joined_on"))  # fmt: skip
    assert set(joined.values()) == {datetime.date(2017, 3, 28)} and len(joined) == 3
    page.goto("/en/members/map/")
    eger = page.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Eger", exact=True)
    )
    expect(eger).to_contain_text("city")
    expect(eger).not_to_contain_text("not on the map")
    article = Article.objects.get(title_en="Paper signatures from the Congress session")
    page.goto(article.get_absolute_url().replace("/en/", "/fr/"))
    expect(
        page.get_by_role("heading", name="Signatures sur papier de la session du Congrès")
    ).to_be_visible()
