from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import PROTECTION_FIELDS, BoundedModelChoiceField, HoneypotForm
from members.models import Member

from .models import Message

BODY_MAX_LENGTH = 5000


class MessageForm(HoneypotForm):
    """A message to another member's contact persons. `members`: whom it may go to; with one,
    it goes to that one and the form asks nothing."""

    member = BoundedModelChoiceField(
        label=_("To"),
        queryset=Member.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("The member authorities behind this practice."),
    )
    subject = forms.CharField(
        label=_("Subject"), max_length=Message._meta.get_field("subject").max_length
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say who you are and what you would like to know: they answer you by e-mail."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        if len(members) > 1:
            choice = self.fields["member"]
            choice.queryset = Member.objects.filter(pk__in=[m.pk for m in members]).by_public_name()
            choice.label_from_instance = lambda member: member.public_name
            fields = ["member", "subject", "body"]
        else:
            del self.fields["member"]
            fields = ["subject", "body"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            *fields, Div(*PROTECTION_FIELDS, css_class="form-honeypot", aria_hidden="true")
        )

    def recipient(self):
        """The member the message goes to."""
        return self.cleaned_data.get("member") or self.members[0]
