"""The secretariat's contact for the demo, so the contact page shows what staff fill in: the
Alliance's Task Force at the Congress, with an invented address at example.org."""

from .models import SecretariatContact


def load():
    SecretariatContact.objects.update_or_create(
        email="alliance@example.org",
        defaults={
            "name": "Alliance Task Force",
            "role_en": "Congress secretariat, Roma and Travellers",
            "role_fr": "Secrétariat du Congrès, Roms et Gens du voyage",
        },
    )
    return {"secretariat contacts": SecretariatContact.objects.count()}
