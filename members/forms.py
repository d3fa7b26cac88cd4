from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, RegexValidator
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.collation import collated
from core.filters import FilterForm
from core.protection import PROTECTION_FIELDS, HoneypotForm
from core.spreadsheet import plain_name
from core.text import normalise

from .models import Member, shown_name

MOTIVATION_MAX_LENGTH = 3000

phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-/]{6,40}$",
    _(
        "Enter a phone number with digits, spaces and an optional leading +, e.g. +33 3 88 41 20 00."
    ),
)


def _privacy_help():
    return format_html(
        '{} <a href="{}">{}</a>',
        _("We keep these details to handle your request and never publish the contact person’s."),
        reverse("page-privacy"),
        _("Read the privacy notice"),
    )


privacy_help = lazy(_privacy_help, str)


class JoinForm(HoneypotForm, forms.ModelForm):
    """A local or regional authority's request to join. Saved as a pending member."""

    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that these details are stored."),
        help_text=privacy_help(),
        error_messages={"required": _("Please accept the privacy notice to send the request.")},
    )

    class Meta:
        model = Member
        fields = [
            "name",
            "kind",
            "country",
            "website",
            "population",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "motivation",
        ]
        labels = {
            "name": _("Name of the city or region"),
            "kind": _("Kind of authority"),
            "website": _("Official website"),
            "contact_name": _("Full name"),
            "contact_role": _("Role or office"),
            "contact_email": _("E-mail"),
            "contact_phone": _("Phone"),
            "motivation": _("Why does your authority wish to join?"),
        }
        help_texts = {
            "name": _("As it is written locally, e.g. “Łódź” or “Cluj-Napoca”."),
            "website": _("Starting with https://"),
            "population": _("Optional: the number of inhabitants."),
            "contact_role": _("For example: mayor’s office, Roma inclusion officer."),
            "contact_email": _("We send the confirmation and the decision to this address."),
            "contact_phone": _("Optional. With the international prefix, e.g. +33 3 88 41 20 00."),
            "motivation": _("A few sentences about your authority’s work for Roma and Travellers."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "motivation": forms.Textarea(attrs={"rows": 6}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["contact_name", "contact_role", "contact_email", "motivation"]:
            self.fields[name].required = True
        self.fields["kind"].choices = [(kind.value, capfirst(kind.label)) for kind in Member.Kind]
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        self.fields["population"].validators.append(MaxValueValidator(100_000_000))
        self.fields["population"].widget.attrs["min"] = 0
        self.fields["contact_phone"].validators.append(phone_validator)
        self.fields["motivation"].validators.append(MaxLengthValidator(MOTIVATION_MAX_LENGTH))
        self.fields["motivation"].widget.attrs["maxlength"] = MOTIVATION_MAX_LENGTH

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            Fieldset(_("Your authority"), "name", "kind", "country", "website", "population"),
            Fieldset(
                _("Contact person (never published)"),
                "contact_name",
                "contact_role",
                "contact_email",
                "contact_phone",
            ),
            Fieldset(_("Your request"), "motivation", "privacy_consent"),
            Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true"),
        )

    # Names go into the open data and the staff's spreadsheets: none may start like a formula.
    def clean_name(self):
        return plain_name(self.cleaned_data["name"])

    def clean_contact_name(self):
        return plain_name(self.cleaned_data["contact_name"])

    def clean_contact_role(self):
        return plain_name(self.cleaned_data["contact_role"])


def country_rank():
    """A SQL expression ordering members by their country's name in the current language."""
    names = sorted(countries, key=lambda country: normalise(country.name))
    return Case(
        *[When(country=country.code, then=Value(rank)) for rank, country in enumerate(names)],
        output_field=IntegerField(),
    )


def kind_filter_choices():
    """The kinds as every filter offers them (the directory's and the map's)."""
    return [
        ("", _("Cities and regions")),
        (Member.Kind.CITY, _("Cities")),
        (Member.Kind.REGION, _("Regions")),
    ]


def name_order():
    """The name each member shows, in the collation of the current language."""
    return collated(shown_name())


class DirectoryFilterForm(FilterForm):
    """The directory's filters, search and order."""

    uppercase = ["country"]
    SORTS = {
        "name": (_("name"), [name_order, "pk"]),
        "country": (_("country"), [country_rank, name_order, "pk"]),
        "joined": (_("most recent members"), ["-joined_on", name_order, "pk"]),
    }

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False, initial="")
    kind = forms.ChoiceField(label=_("Kind"), required=False, initial="")
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        initial="name",
        choices=[(key, capfirst(label)) for key, (label, _order) in SORTS.items()],
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries")), *countries]
        self.fields["kind"].choices = kind_filter_choices()

    def filter_q(self, queryset, value):
        return queryset.search(value)

    def filter_sort(self, queryset, value):
        return queryset  # an order, not a filter: ordering()

    def ordering(self):
        order = self.SORTS[self.active.get("sort", "name")][1]
        return [item() if callable(item) else item for item in order]


class MapFilterForm(FilterForm):
    """The map's filters."""

    uppercase = ["country"]

    kind = forms.ChoiceField(label=_("Kind"), required=False, initial="")
    country = forms.ChoiceField(label=_("Country"), required=False, initial="")

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["kind"].choices = kind_filter_choices()
        by_name = sorted(countries, key=lambda country: normalise(country.name))
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((country.code, country.name) for country in by_name),
        ]
