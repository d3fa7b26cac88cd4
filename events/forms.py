from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.cache import remember
from core.filters import FilterForm
from core.protection import PROTECTION_FIELDS, HoneypotForm
from core.spreadsheet import plain_name
from practices.models import Theme

from .models import Event, Registration


class EventFilterForm(FilterForm):
    """The events list's filters."""

    uppercase = ["country"]

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["kind"].choices = [
            everything,
            *((value, label.capitalize()) for value, label in Event.Kind.choices),
        ]
        published = Event.objects.published()
        themes = remember(
            f"events-themes:{get_language()}",
            lambda: list(
                Theme.objects.filter(events__in=published).distinct().values_list("slug", "name")
            ),
        )
        self.fields["theme"].choices = [everything, *themes]
        used = remember(
            "events-countries",
            lambda: set(
                published.exclude(country="")
                .order_by()  # or the events' ordering would make DISTINCT keep every row
                .values_list("country", flat=True)
                .distinct()
            ),
        )
        named = sorted(((code, countries.name(code)) for code in used), key=lambda c: c[1])
        self.fields["country"].choices = [everything, *named]

    def filter_theme(self, queryset, value):
        return queryset.filter(themes__slug=value)


class RegistrationForm(HoneypotForm, forms.ModelForm):
    """A person registers for an event; saved unconfirmed until they open the e-mailed link."""

    class Meta:
        model = Registration
        fields = [
            "full_name",
            "authority",
            "role",
            "email",
            "language",
            "accessibility_needs",
            "consent",
        ]
        labels = {"consent": _("I agree that these details are stored to organise the event.")}
        help_texts = {
            "email": _(
                "We send you a link to confirm your registration. It is never shown publicly."
            ),
            "consent": _("They are deleted some time after the event and never published."),
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "authority": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Please agree that these details are stored, or we cannot register you."
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *self.Meta.fields,
            Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true"),
        )

    def clean_full_name(self):
        return plain_name(self.cleaned_data["full_name"])

    def clean_authority(self):
        return plain_name(self.cleaned_data["authority"])

    def clean_email(self):
        # An address already registered is not refused here: the form would tell anyone who
        # has registered. events.services.receive_registration writes to its owner instead.
        return self.cleaned_data["email"].strip().lower()
