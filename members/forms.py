from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Member


class JoinForm(forms.ModelForm):
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my details are stored.")
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
