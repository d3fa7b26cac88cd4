from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.protection import PROTECTION_FIELDS, BoundedModelMultipleChoiceField, HoneypotForm
from core.spreadsheet import plain_name
from members.forms import phone_validator, privacy_help
from practices.models import Theme

from .models import Proposal

PROPOSAL_MAX_LENGTH = 5000


class ProposalForm(HoneypotForm, forms.ModelForm):
    """An NGO's proposal of cooperation. Saved as a pending proposal."""

    themes = BoundedModelMultipleChoiceField(
        label=_("Fields of work"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that these details are stored."),
        help_text=privacy_help(),
        error_messages={"required": _("Please accept the privacy notice to send the proposal.")},
    )

    class Meta:
        model = Proposal
        fields = [
            "name",
            "country",
            "website",
            "roma_led",
            "proposal",
            "list_publicly",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
        ]
        labels = {
            "name": _("Name of the organisation"),
            "website": _("Website"),
            "roma_led": _("Our organisation is led by Roma or Travellers"),
            "proposal": _("Your proposal"),
            "list_publicly": _(
                "If the proposal is accepted, the Alliance may list our organisation’s name, "
                "country and website on its page."
            ),
            "contact_name": _("Full name"),
            "contact_role": _("Role in the organisation"),
            "contact_email": _("E-mail"),
            "contact_phone": _("Phone"),
        }
        help_texts = {
            "website": _("Starting with https://"),
            "roma_led": "",
            "proposal": _("What would your NGO and the Alliance do together?"),
            "list_publicly": "",
            "contact_email": _("We send the confirmation and the decision to this address."),
            "contact_phone": _("Optional. With the international prefix, e.g. +33 3 88 41 20 00."),
        }
        widgets = {
            "proposal": forms.Textarea(attrs={"rows": 6}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        self.fields["contact_phone"].validators.append(phone_validator)
        self.fields["proposal"].validators.append(MaxLengthValidator(PROPOSAL_MAX_LENGTH))
        self.fields["proposal"].widget.attrs["maxlength"] = PROPOSAL_MAX_LENGTH
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            Fieldset(_("Your organisation"), "name", "country", "website", "themes", "roma_led"),
            Fieldset(
                _("Contact person (never published)"),
                "contact_name",
                "contact_role",
                "contact_email",
                "contact_phone",
            ),
            Fieldset(_("Your proposal"), "proposal", "list_publicly", "privacy_consent"),
            Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true"),
        )

    # Names reach the staff's spreadsheets: none may start like a formula.
    def clean_name(self):
        return plain_name(self.cleaned_data["name"])

    def clean_contact_name(self):
        return plain_name(self.cleaned_data["contact_name"])

    def clean_contact_role(self):
        return plain_name(self.cleaned_data["contact_role"])
