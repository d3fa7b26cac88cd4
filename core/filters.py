"""The public lists' filter forms: one shape for every list (news, events, library, practices,
the directory, the signatories, the map), rendered by templates/includes/_filter_form.html."""

import hashlib

from django import forms
from django.utils.functional import cached_property


class FilterForm(forms.Form):
    """A plain GET form whose valid values narrow a list and stay in its address.

    A value that does not exist is reported next to its field and ignored, never a 500.
    Each filter narrows the queryset with the form's `filter_<name>(queryset, value)` when it
    has one, else with `queryset.filter(<name>=value)`.
    """

    # Fields holding a code a visitor may type in any case ("fr" for France).
    uppercase = ()

    def __init__(self, data=None, **kwargs):
        if data is not None and any(data.get(name) for name in self.uppercase):
            data = data.copy()
            for name in self.uppercase:
                if data.get(name):
                    data[name] = data[name].strip().upper()
        super().__init__(data or None, **kwargs)

    @cached_property
    def active(self):
        """The valid filters in use, e.g. {"kind": "speech"}, kept in the pagination links."""
        if not self.is_bound:
            return {}
        self.is_valid()  # cleaned_data then holds the valid values only
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    @cached_property
    def rendering_key(self):
        """What the form's HTML holds besides its template's words: the values asked and each
        field's options, hashed. Its rendering is kept under it and the language (the
        `{% cache %}` of templates/includes/_filter_form.html): a list's form with its
        options (a hundred countries, themes and years) costs more to render than its rows
        do once kept, and changes only with what was asked and the options."""
        asked = [(name, self.data.getlist(name) if self.is_bound else []) for name in self.fields]
        options = [
            [(str(value), str(label)) for value, label in getattr(field, "choices", ())]
            for field in self.fields.values()
        ]
        return hashlib.sha256(repr((asked, options)).encode()).hexdigest()

    def filter(self, queryset):
        """The rows of `queryset` that match the active filters."""
        for name, value in self.active.items():
            narrow = getattr(self, f"filter_{name}", None)
            queryset = narrow(queryset, value) if narrow else queryset.filter(**{name: value})
        return queryset
