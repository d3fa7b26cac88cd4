import io

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from PIL import Image, ImageOps, UnidentifiedImageError

from core.filters import FilterForm
from core.images import ImageFormField
from core.protection import PROTECTION_FIELDS, BoundedModelMultipleChoiceField, HoneypotForm
from core.uploads import IMAGES, FileKindValidator
from practices.models import Practice, Theme

from .models import ContactPerson, ProfileChangeRequest

# A logo is shown small: kept at most this wide and high, whatever was uploaded.
LOGO_SIZE = (400, 400)


class SignInForm(HoneypotForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The address the Alliance knows you by as your authority’s contact person."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            "email", Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true")
        )

    def content(self):
        # No "same post once" limit: a person whose link expired asks again at once. The limits
        # per address and per e-mail still apply.
        return ""


def resized_logo(upload):
    """The uploaded image as a PNG no larger than LOGO_SIZE (Pillow), or a ValidationError."""
    try:
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail(LOGO_SIZE)
            if image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA")
            output = io.BytesIO()
            image.save(output, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This image could not be read. Save it as PNG or JPEG and upload it again."),
            code="unreadable_image",
        ) from error
    return ContentFile(output.getvalue(), name="logo.png")


class ProfileForm(forms.Form):
    """The public profile as a contact person edits it; what differs becomes a change request."""

    description_en = forms.CharField(
        label=_("Description in English"), required=False, max_length=5000, widget=forms.Textarea
    )
    description_fr = forms.CharField(
        label=_("Description in French"), required=False, max_length=5000, widget=forms.Textarea
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    population = forms.IntegerField(
        label=_("Population"),
        required=False,
        min_value=0,
        validators=[MaxValueValidator(100_000_000)],
    )
    logo = ImageFormField(  # measured before it is decoded (core.images)
        label=_("New logo"),
        required=False,
        validators=[FileKindValidator(IMAGES)],
        help_text=_("JPEG, PNG, WebP or GIF; it is resized to fit 400 by 400 pixels."),
    )
    public_contact_role = forms.CharField(
        label=_("Public contact: role or office"),
        required=False,
        max_length=200,
        help_text=_("For example “Roma inclusion office”; never a person’s name."),
    )
    public_contact_email = forms.EmailField(
        label=_("Public contact: shared e-mail address"),
        required=False,
        help_text=_("An office’s address, never a person’s own."),
    )
    public_contact_consent = forms.BooleanField(
        label=_("Our authority agrees that this contact point is shown on its public page."),
        required=False,
    )
    action_plan_url = forms.URLField(
        label=_("Local action plan for Roma inclusion (address)"),
        required=False,
        assume_scheme="https",
    )
    national_network = forms.CharField(label=_("National network"), required=False, max_length=250)
    programmes = forms.CharField(
        label=_("Programmes taken part in"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, e.g. ROMACT."),
    )

    def __init__(self, *args, member, **kwargs):
        self.member = member
        initial = {name: getattr(member, name) for name in ProfileChangeRequest.FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["population"].widget.attrs["min"] = 0

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        return resized_logo(logo) if logo else None

    def clean(self):
        data = super().clean()
        if data.get("public_contact_email") and not data.get("public_contact_consent"):
            self.add_error(
                "public_contact_consent",
                _("Tick this box to show the contact point, or leave its address empty."),
            )
        return data

    def changes(self):
        """{field: new value} of what differs from the profile now."""
        changed = {}
        for name in ProfileChangeRequest.FIELDS:
            value = self.cleaned_data.get(name)
            before = getattr(self.member, name)
            if isinstance(value, str):
                value = value.strip()
                before = before or ""
            if value != before:
                changed[name] = value
        return changed


class PracticeForm(forms.ModelForm):
    """A member's practice, written by its contact person: saved as a draft of that member."""

    class Meta:
        model = Practice
        fields = [
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "body_en",
            "body_fr",
            "original_language",
            "themes",
            "start_year",
            "end_year",
            "target_groups",
            "partners",
            "budget",
            "funding",
            "results",
            "lessons",
            "contact_role",
            "contact_email",
            "image",
            "image_alt",
        ]
        field_classes = {"themes": BoundedModelMultipleChoiceField}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        for name in ("title_en", "title_fr"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if not (data.get("title_en") or data.get("title_fr")):
            self.add_error("title_en", _("Give the practice a title, in English or in French."))
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot come before the start year."))
        return data

    def save(self, commit=True):
        practice = super().save(commit=False)
        # The English column is the one every page falls back to: it always holds a title.
        if not practice.title_en:
            practice.title_en = practice.title_fr
        if commit:
            practice.save()
            self.save_m2m()
        return practice


class DirectoryFilterForm(FilterForm):
    """The filters of the participants' directory."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme of their practices"), required=False)

    def __init__(self, data=None, *, country_codes=()):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["country"].choices = [
            everything,
            *sorted(((code, countries.name(code)) for code in country_codes), key=lambda c: c[1]),
        ]
        self.fields["theme"].choices = [
            everything,
            *((theme.slug, theme.name) for theme in Theme.objects.all()),
        ]

    def filter_country(self, queryset, value):
        return queryset.filter(member__country=value)

    def filter_theme(self, queryset, value):
        # The members with a published practice on that theme.
        practices = Practice.objects.published().with_theme(value)
        return queryset.filter(member__in=practices.values("members"))


class DirectoryListingForm(forms.ModelForm):
    """What a contact person shows of themselves to the other members' contact persons."""

    class Meta:
        model = ContactPerson
        fields = ["listed", "show_role", "themes"]
        labels = {
            "listed": _("List me in the participants’ directory"),
            "show_role": _("Show my role"),
            "themes": _("Themes I work on"),
        }
        help_texts = {
            "listed": _(
                "The other members’ contact persons then see your name and e-mail address "
                "(never the public)."
            ),
            "show_role": "",
            "themes": _("Shown with your name, so that peers working on them find you."),
        }
        widgets = {"themes": forms.CheckboxSelectMultiple}
        field_classes = {"themes": BoundedModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
