"""A sample secretariat contact, so the contact page shows what staff fill in."""

from .models import SecretariatContact


def load():
    SecretariatContact.objects.update_or_create(
        email="alliance@example.org",
        defaults={
            "name": "Alliance Task Force",
            "role_en": "Congress secretariat (sample contact of the demonstration)",
            "role_fr": "Secrétariat du Congrès (contact d’exemple de la démonstration)",
        },
    )
    return {"secretariat contacts": SecretariatContact.objects.count()}
