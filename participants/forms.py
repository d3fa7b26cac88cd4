import io
from pathlib import PurePath

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname
from PIL import Image, ImageOps, UnidentifiedImageError

from core.filters import FilterForm
from core.images import ImageFormField
from core.protection import PROTECTION_FIELDS, BoundedModelMultipleChoiceField, HoneypotForm
from core.uploads import IMAGES, FileKindValidator
from practices.models import Attachment, Practice, PracticeLink, Theme

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


def language_choices():
    """The site's languages, each named in its own language: English, Français."""
    return [
        (code, get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
    ]


def interface_language():
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# The texts of a practice that have a column per language (practices/translation.py) and
# that its contact writes; the description's HTML is made from it on save.
PRACTICE_TEXTS = [
    "title",
    "summary",
    "body",
    "target_groups",
    "partners",
    "results",
    "lessons",
    "contact_role",
    "image_alt",
]


class PracticeForm(forms.ModelForm):
    """A member's practice, written by its contact person as a guide in sections: its texts in
    one original language (by default the interface's), the other language as an optional
    translation. Saved as a draft of that member.

    The fields are the model's columns (title_en, title_fr…): the template shows those of the
    original language in the sections and the others together, as the translation.
    """

    TEXTS = PRACTICE_TEXTS
    # The guide's sections: their anchor, heading and fields (a text by its name).
    SECTIONS = [
        ("what", _("What"), ["title", "summary", "body", "themes"]),
        (
            "where",
            _("Where and when"),
            ["start_year", "end_year", "target_groups", "partners", "budget", "funding"],
        ),
        ("results", _("Results and lessons"), ["results", "lessons"]),
        ("contact", _("Contact and files"), ["contact_role", "image", "image_alt"]),
    ]
    LABELS = {
        "title": _("Title"),
        "summary": _("Summary"),
        "body": _("Description"),
        "target_groups": _("Who it is for"),
        "partners": _("Partners"),
        "results": _("Results"),
        "lessons": _("Lessons learnt"),
        "contact_role": _("Contact office or role"),
        "image_alt": _("What the picture shows"),
        "themes": _("Themes"),
        "start_year": _("Start year"),
        "end_year": _("End year"),
        "budget": _("Budget"),
        "funding": _("Funding"),
        "image": _("Picture"),
    }
    HELP = {
        "title": _(
            "A short name that says what was done, e.g. “School mediators in Roma neighbourhoods”."
        ),
        "summary": _(
            "Two or three sentences: what was done, where and for whom. Lists and search "
            "results show it."
        ),
        "body": _(
            "The whole story: the situation before, what you did, who took part, how it went."
        ),
        "themes": _("Choose one or more: visitors look for practices by theme."),
        "start_year": _("The year the work began."),
        "end_year": _("Leave it empty while the work goes on."),
        "target_groups": _(
            "The people it reached, and how many if you know, e.g. “Roma families of the "
            "Lunik IX district, about 400 children”."
        ),
        "partners": _("Who worked with you: NGOs, schools, national bodies… One per line."),
        "budget": _("An approximate amount and the time it covers, e.g. “€120,000 a year”."),
        "funding": _("Where the money came from, e.g. “City budget, European Social Fund”."),
        "results": _("What changed, with figures where you have them."),
        "lessons": _(
            "What you would tell an authority starting the same work: what helped, what you "
            "would do differently."
        ),
        "contact_role": _(
            "An office or role visitors can ask for, e.g. “Roma inclusion office, City of …”; "
            "never a person’s name."
        ),
        "image": _(
            "A photograph of the work (JPEG, PNG, WebP or GIF) that you may publish. No "
            "recognisable person without their consent."
        ),
        "image_alt": _(
            "For people who cannot see it, e.g. “A mediator reading with two pupils”. "
            "Needed with a picture."
        ),
    }
    ROWS = {
        "summary": 3,
        "body": 10,
        "target_groups": 2,
        "partners": 2,
        "results": 4,
        "lessons": 4,
    }

    class Meta:
        model = Practice
        fields = [
            "original_language",
            "themes",
            "start_year",
            "end_year",
            "budget",
            "funding",
            "image",
            *(
                build_localized_fieldname(name, code)
                for name in PRACTICE_TEXTS
                for code, _name in settings.LANGUAGES
            ),
        ]
        field_classes = {"themes": BoundedModelMultipleChoiceField}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "original_language": forms.HiddenInput,
        }

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["original_language"].choices = language_choices()
        for name in self.TEXTS:
            for code, _name in settings.LANGUAGES:
                field = self.fields[build_localized_fieldname(name, code)]
                field.required = False
                if name in self.ROWS:
                    field.widget = forms.Textarea(attrs={"rows": self.ROWS[name]})
                field.widget.attrs["lang"] = code
        for name, label in self.LABELS.items():
            for column in self.columns(name) if name in self.TEXTS else [name]:
                self.fields[column].label = label
        for name, text in self.HELP.items():
            for column in self.columns(name) if name in self.TEXTS else [name]:
                self.fields[column].help_text = text
        for column in self.columns("body"):
            # Its help, and the formatting help the template writes beside it.
            self.fields[column].widget.attrs["aria-describedby"] = (
                f"id_{column}_helptext id_{column}_formatting"
            )
        for name in ("start_year", "end_year"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.language = self.original_language(language)
        self.initial["original_language"] = self.language
        # A draft needs a title in the language it is written in; the translation's is free.
        title = self.fields[self.column("title")]
        title.required = True
        title.error_messages["required"] = _(
            "Give the practice a title, in the language you write in."
        )

    def original_language(self, asked):
        """The language the contact writes in: as posted, else as asked (the page's link to
        write in the other language), else the practice's, else the interface's."""
        choices = dict(settings.LANGUAGES)
        posted = self.data.get("original_language") if self.is_bound else None
        for code in (posted, asked):
            if code in choices:
                return code
        if self.instance.pk and self.instance.original_language in choices:
            return self.instance.original_language
        return interface_language()

    def column(self, name, language=None):
        return build_localized_fieldname(name, language or self.language)

    def columns(self, name):
        return [build_localized_fieldname(name, code) for code, _name in settings.LANGUAGES]

    @property
    def other_languages(self):
        return [code for code, _name in settings.LANGUAGES if code != self.language]

    def sections(self):
        """[(anchor, heading, [bound fields])]: the guide, in the original language."""
        return [
            (anchor, heading, [self[self.column(n) if n in self.TEXTS else n] for n in names])
            for anchor, heading, names in self.SECTIONS
        ]

    @property
    def formatted(self):
        """The fields whose text may have paragraphs, lists and links (rendered as Markdown
        by core.markup): the description's."""
        return self.columns("body")

    def translations(self):
        """[(language code, its own name, [bound fields], open)]: each other language's
        texts, open when they hold something or an error."""
        names = dict(language_choices())
        translations = []
        for code in self.other_languages:
            fields = [self[self.column(name, code)] for name in self.TEXTS]
            written = any(field.value() or field.errors for field in fields)
            translations.append((code, names[code], fields, written))
        return translations

    def add_error(self, field, error):
        # The model checks its translated fields by their own names (image_alt, title): the
        # form has them per language, so the error goes beside the one the contact writes in.
        if field is None and hasattr(error, "error_dict"):
            error = ValidationError(
                {
                    self.column(name) if name in self.TEXTS else name: errors
                    for name, errors in error.error_dict.items()
                }
            )
        super().add_error(field, error)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot come before the start year."))
        return data


class AttachmentForm(forms.ModelForm):
    """A file of a practice, added in the space: checked by its content (the model's
    FileKindValidator), kept in the private storage and sent only to whom may read the
    practice (practices.views.attachment) until it is published."""

    class Meta:
        model = Attachment
        fields = ["file", "title", "language"]
        labels = {
            "file": _("File"),
            "title": _("Name shown for the file"),
            "language": _("Language of the file"),
        }
        help_texts = {
            "file": _("PDF, office document or image, up to %(size)s."),
            "title": _("E.g. “Evaluation report 2023”. Left empty, the file’s own name."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A row of the list may stay empty: none is marked as needed (clean() asks for the
        # file of a row that holds anything).
        for field in self.fields.values():
            field.required = False
        self.fields["language"].choices = [
            *language_choices(),
            ("other", _("Another language")),
        ]
        self.fields["file"].help_text = self.fields["file"].help_text % {
            "size": filesizeformat(settings.MAX_UPLOAD_BYTES)
        }

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if not upload and "file" not in self.errors:
            self.add_error("file", _("Choose the file, or leave the row empty."))
        if upload and not data.get("title"):
            # The name it had on the contact's computer, without its extension.
            data["title"] = PurePath(getattr(upload, "name", "") or "").stem[:250] or _("File")
        return data


class PracticeLinkForm(forms.ModelForm):
    """A link to an outside resource (the project's site, a report online, a video)."""

    class Meta:
        model = PracticeLink
        fields = ["url", "title"]
        labels = {"url": _("Address"), "title": _("Text of the link")}
        help_texts = {
            "url": _("E.g. https://www.example.org/report"),
            "title": _(
                "What visitors click, e.g. “The city’s action plan”. Left empty, the address."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a row may stay empty: clean() asks for its address
            field.required = False

    def clean(self):
        data = super().clean()
        if not data.get("url") and "url" not in self.errors:
            self.add_error("url", _("Give the address, or leave the row empty."))
        if data.get("url") and not data.get("title"):
            data["title"] = data["url"][:250]
        return data


# How many files and links a practice may have from the space; staff may add more.
MAX_ATTACHMENTS = 10
MAX_LINKS = 10

AttachmentFormSet = forms.inlineformset_factory(
    Practice,
    Attachment,
    form=AttachmentForm,
    extra=1,
    max_num=MAX_ATTACHMENTS,
    validate_max=True,
    absolute_max=MAX_ATTACHMENTS,
    can_delete=True,
)
PracticeLinkFormSet = forms.inlineformset_factory(
    Practice,
    PracticeLink,
    form=PracticeLinkForm,
    extra=1,
    max_num=MAX_LINKS,
    validate_max=True,
    absolute_max=MAX_LINKS,
    can_delete=True,
)


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
