from django import forms

from .models import Signature


class SignatureForm(forms.ModelForm):
    class Meta:
        model = Signature
        fields = ["full_name", "office", "authority_name", "country", "email", "consent_to_publish"]
