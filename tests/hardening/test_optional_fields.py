"""Every public form and the participants' forms accept a post with each optional field empty.

The post is generated from the form's own fields: the required ones get the value that
public_forms.py gives them, every other one is sent empty (or, for boxes and lists, not at all,
as a browser does). A new optional field is covered as soon as it is added; a new required one
fails here until it is given a value.
"""

import pytest
from django import forms

from core.protection import PROTECTION_FIELDS

from .public_forms import FORMS, make_objects, path_of, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects():
    return make_objects()


def post_with_optional_fields_empty(client, public_form, objects):
    data = {}
    for name, form_field in public_form.form(objects).fields.items():
        if name in PROTECTION_FIELDS:
            continue
        if form_field.required:
            assert name in public_form.required, f"give the required field {name} a value"
        if name in public_form.required:
            data[name] = public_form.required[name]
        elif isinstance(form_field, forms.BooleanField | forms.MultipleChoiceField) or isinstance(
            form_field.widget, forms.SelectMultiple | forms.CheckboxSelectMultiple
        ):
            continue  # an unticked box, an empty list: the browser sends nothing
        else:
            data[name] = ""
    return client.post(path_of(public_form, objects), data)


@pytest.mark.parametrize("name", FORMS)
def test_a_form_with_every_optional_field_empty_is_accepted(
    client, objects, name, django_capture_on_commit_callbacks
):
    public_form = FORMS[name]
    if public_form.signed_in:
        sign_in(client, objects)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_with_optional_fields_empty(client, public_form, objects)

    if response.status_code != 302:
        pytest.fail(f"refused ({response.status_code}): {response.context['form'].errors}")
    assert response["Location"] != public_form.path  # on to its confirmation or the draft
