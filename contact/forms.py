from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.protection import PROTECTION_FIELDS, HoneypotForm
from core.spreadsheet import plain_name
from members.forms import privacy_help

from .models import ContactMessage

MESSAGE_MAX_LENGTH = 5000


class ContactForm(HoneypotForm, forms.ModelForm):
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that these details are stored."),
        help_text=privacy_help(),
        error_messages={"required": _("Please accept the privacy notice to send the message.")},
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail"),
            "subject": _("What is it about?"),
            "message": _("Your message"),
        }
        help_texts = {"email": _("We answer to this address.")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].validators.append(MaxLengthValidator(MESSAGE_MAX_LENGTH))
        self.fields["message"].widget.attrs["maxlength"] = MESSAGE_MAX_LENGTH
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            "name",
            "email",
            "subject",
            "message",
            "privacy_consent",
            Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true"),
        )

    # Names reach the staff's spreadsheets: none may start like a formula.
    def clean_name(self):
        return plain_name(self.cleaned_data["name"])
