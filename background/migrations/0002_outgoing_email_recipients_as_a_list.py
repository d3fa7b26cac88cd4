"""The recipients of an outgoing e-mail as a list: an address may hold a comma."""

from email.headerregistry import Address
from email.utils import getaddresses

from django.db import migrations, models


def as_list(text):
    """The addresses of comma-joined `text`, read as a To header (quoted commas kept)."""
    pairs = getaddresses([text or ""])
    if pairs and all(address for _name, address in pairs):
        return [_with_name(name, address) for name, address in pairs]
    # Not readable as a header: the commas are all it has to go by.
    return [address.strip() for address in (text or "").split(",") if address.strip()]


def _with_name(name, address):
    if not name:
        return address
    try:
        return str(Address(name, addr_spec=address))
    except ValueError:
        return address


def to_lists(apps, schema_editor):
    OutgoingEmail = apps.get_model("background", "OutgoingEmail")
    for email in OutgoingEmail.objects.only("pk", "to").iterator(chunk_size=1000):
        OutgoingEmail.objects.filter(pk=email.pk).update(recipients=as_list(email.to))


def to_text(apps, schema_editor):
    OutgoingEmail = apps.get_model("background", "OutgoingEmail")
    for email in OutgoingEmail.objects.only("pk", "recipients").iterator(chunk_size=1000):
        OutgoingEmail.objects.filter(pk=email.pk).update(to=", ".join(email.recipients))


class Migration(migrations.Migration):
    dependencies = [
        ("background", "0001_outbox_and_schedule"),
    ]

    operations = [
        migrations.AddField(
            model_name="outgoingemail",
            name="recipients",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(to_lists, to_text),
        migrations.RemoveField(model_name="outgoingemail", name="to"),
        migrations.RenameField(model_name="outgoingemail", old_name="recipients", new_name="to"),
        migrations.AlterField(
            model_name="outgoingemail",
            name="to",
            field=models.JSONField(
                default=list, help_text="The recipients' addresses.", verbose_name="to"
            ),
        ),
    ]
