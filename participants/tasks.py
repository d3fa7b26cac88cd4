"""What the task worker does for the participants' space."""

from django.tasks import task


@task
def send_sign_in_link(address_digest, language):
    """The sign-in form's work, done away from the request so its time tells nobody anything:
    look the address up and e-mail a link if it is a contact person's."""
    from . import services  # services queues this task

    services.send_sign_in_link(address_digest, language)
