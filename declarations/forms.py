from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm
from core.protection import PROTECTION_FIELDS, HoneypotForm
from core.spreadsheet import plain_name

from .models import Signature


class SignatureForm(HoneypotForm, forms.ModelForm):
    """An elected representative signs the current declaration."""

    commitment = forms.BooleanField(
        label=_("I sign the Declaration."),
        error_messages={"required": _("Tick this box to sign the Declaration.")},
    )

    class Meta:
        model = Signature
        fields = ["full_name", "office", "authority_name", "country", "email", "consent_to_publish"]
        labels = {
            "office": _("Office held"),
            "authority_name": _("City or region you represent"),
            "email": _("E-mail address"),
            "consent_to_publish": _(
                "I agree that my name, office, authority and country are published on this "
                "site and in its open data."
            ),
        }
        help_texts = {
            "full_name": _("As it should appear in the list of signatories."),
            "authority_name": _("For example “Strasbourg” or “Region of Attica”."),
            "email": _("We send you a link to confirm your signature. It is never shown publicly."),
            "consent_to_publish": _(
                "Without it your signature is recorded by the Congress secretariat but your "
                "name is not published."
            ),
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "authority_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, declaration, **kwargs):
        super().__init__(*args, **kwargs)
        # Set before validation so that Signature.clean() can refuse a second signature.
        self.instance.declaration = declaration
        self.fields["email"].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template has its own token
        self.fields["office"].choices = [
            (value, capfirst(label)) for value, label in self.fields["office"].choices
        ]
        self.helper.layout = Layout(
            "full_name",
            "office",
            "authority_name",
            "country",
            "email",
            "consent_to_publish",
            Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true"),
        )

    def clean_full_name(self):
        return plain_name(self.cleaned_data["full_name"])

    def clean_authority_name(self):
        return plain_name(self.cleaned_data["authority_name"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class SignatureFilterForm(FilterForm):
    """The filters of the list of signatories."""

    uppercase = ["country"]

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False, initial="")

    def __init__(self, data=None, *, countries=()):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries")), *countries]

    def filter_q(self, queryset, value):
        return queryset.search(value)
