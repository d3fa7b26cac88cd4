"""The themes the Alliance's meetings exchanged practices on, to start the list staff edit."""

from django.db import migrations

THEMES = [
    ("education", "Education", "Éducation"),
    ("housing", "Housing", "Logement"),
    ("employment", "Employment", "Emploi"),
    ("health", "Health", "Santé"),
    ("political-participation", "Political participation", "Participation politique"),
    (
        "fighting-anti-gypsyism",
        "Fighting anti-Gypsyism and raising awareness",
        "Lutte contre l’antitsiganisme et sensibilisation",
    ),
    ("women-and-youth", "Roma women and youth", "Femmes et jeunes roms"),
    (
        "mediation-and-services",
        "Mediation and access to services",
        "Médiation et accès aux services",
    ),
    ("data-and-monitoring", "Data and monitoring", "Données et suivi"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    for position, (slug, name_en, name_fr) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr, "position": position},
        )


def remove_themes(apps, schema_editor):
    apps.get_model("practices", "Theme").objects.filter(slug__in=[t[0] for t in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_themes")]

    operations = [migrations.RunPython(add_themes, remove_themes)]
