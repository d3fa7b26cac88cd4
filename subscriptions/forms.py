from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.protection import BoundedModelMultipleChoiceField
from core.text import normalise
from members.models import Member
from practices.models import Theme

from .models import Subscription


class SubscriptionForm(forms.ModelForm):
    """The themes and countries a contact person follows, and how often they hear about them."""

    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the members of these countries share, and what concerns them."),
    )

    class Meta:
        model = Subscription
        fields = ["themes", "countries", "rhythm"]
        labels = {"themes": _("Themes"), "rhythm": _("Send me an e-mail")}
        help_texts = {
            "themes": _("Good practices, events and documents on these themes."),
            "rhythm": _("One e-mail lists everything new; none is sent when nothing is."),
        }
        widgets = {"themes": forms.CheckboxSelectMultiple, "rhythm": forms.RadioSelect}
        field_classes = {"themes": BoundedModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        # The members' countries, and any the person follows already.
        codes = set(
            Member.objects.approved().order_by().values_list("country", flat=True).distinct()
        )
        codes |= {country.code for country in self.instance.countries}
        self.fields["countries"].choices = sorted(
            ((code, countries.name(code)) for code in codes if code),
            key=lambda choice: normalise(str(choice[1])),
        )
        self.initial["countries"] = [country.code for country in self.instance.countries]
        if self.instance.pk is None:
            # Nothing is chosen for the person: the e-mail is off until they choose it.
            self.initial["rhythm"] = Subscription.Rhythm.NONE

    def clean(self):
        cleaned = super().clean()
        rhythm = cleaned.get("rhythm")
        if (
            rhythm
            and rhythm != Subscription.Rhythm.NONE
            and not cleaned.get("themes")
            and not cleaned.get("countries")
        ):
            raise forms.ValidationError(
                _(
                    "Choose at least one theme or country to hear about, or choose “never” "
                    "to receive no e-mail."
                ),
                code="nothing_followed",
            )
        return cleaned

    def save(self, commit=True):
        subscription = super().save(commit=False)
        starts = "rhythm" in self.changed_data and self.initial.get("rhythm") in (
            None,
            Subscription.Rhythm.NONE,
        )
        if subscription.pk is None or starts:
            # What was published before the person chose to hear about it is not news to send.
            subscription.covered_until = timezone.now()
        if commit:
            subscription.save()
            self.save_m2m()
        return subscription
