"""A sample secretariat contact, so the contact page shows what staff fill in."""

from .models import SecretariatContact


def load():
    SecretariatContact.objects.get_or_create(
        name="Sample contact (demo)",
        defaults={
            "role_en": "Alliance Task Force, Congress secretariat (sample)",
            "role_fr": "Task Force de l’Alliance, secrétariat du Congrès (exemple)",
            "email": "alliance@example.org",
        },
    )
    return {"secretariat contacts": SecretariatContact.objects.count()}
