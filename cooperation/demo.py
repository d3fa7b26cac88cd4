"""NGOs of the demo: three accepted proposals the about page names (they agreed to be listed)
and one waiting for staff in the admin. The organisations and their contact persons are
invented; their addresses are at example.org. Loading twice changes nothing."""

import datetime

from django.utils import timezone

from members.demo import invented_person
from members.models import Member
from practices.models import Theme

from .models import Proposal

# (organisation, country, status, days before the first loading, themes, members, language,
# proposal)
PROPOSALS = [
    ("Romano Čhavo Youth Network", "SK", Proposal.Status.ACCEPTED, 410, ["women-and-youth", "education"], ["kosice", "presov"], "en",
     "Our youth workers run homework clubs in six settlements of eastern Slovakia. We propose to share our experience of mentoring by older pupils with the Alliance’s members, and to take part in its meetings on school mediation."),
    ("Association Chemins de Voyage", "FR", Proposal.Status.ACCEPTED, 265, ["housing", "mediation-and-services"], ["nantes", "bretagne"], "fr",
     "Notre association accompagne des familles du voyage dans leurs démarches de logement et de scolarisation. Nous proposons de présenter aux membres de l’Alliance notre travail avec les collectivités sur les terrains familiaux."),
    ("Centre for Roma Health Mediation", "RO", Proposal.Status.ACCEPTED, 120, ["health", "mediation-and-services"], ["cluj-napoca", "timisoara"], "en",
     "We train health mediators for municipalities and would like to offer the Alliance’s members our training modules and the lessons of ten years of work with family doctors."),
    ("Roma Women’s Voice Plovdiv", "BG", Proposal.Status.PENDING, 3, ["political-participation", "women-and-youth"], ["plovdiv"], "en",
     "We support Roma women who want to stand in local elections and propose a joint seminar with the Alliance’s Bulgarian members before the next local elections."),
]  # fmt: skip


def load():
    now = timezone.now()
    for number, (name, country, status, days, themes, members, language, text) in enumerate(
        PROPOSALS
    ):
        contact_name, _gender = invented_person(country, 700 + number)
        requested = now - datetime.timedelta(days=days)
        accepted = status == Proposal.Status.ACCEPTED
        proposal, created = Proposal.objects.get_or_create(
            name=name,
            defaults={
                "country": country,
                "status": status,
                "proposal": text,
                "roma_led": number % 2 == 0,
                "list_publicly": accepted,
                "requested_at": requested,
                "decided_at": requested + datetime.timedelta(days=18) if accepted else None,
                "contact_name": contact_name,
                "contact_role": "Coordinator" if language == "en" else "Coordinatrice",
                "contact_email": f"contact{number + 1}@ngo.example.org",
                "language": language,
            },
        )
        if created:
            proposal.themes.set(Theme.objects.filter(slug__in=themes))
            proposal.members.set(Member.objects.approved().filter(slug__in=members))
    return {
        "proposals": Proposal.objects.count(),
        "listed NGOs": Proposal.objects.listed().count(),
    }
