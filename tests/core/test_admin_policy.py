"""Every admin action names the permission it needs, through one helper: an action written
without one is refused when the admin loads, before any member of staff can run it.

The walk of every action with an account that may only view is
tests/hardening/test_admin_permissions.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import ngettext_lazy

from core.admin import decision_action, staff_action

COUNTED = ngettext_lazy("%(count)d done", "%(count)d done", "count")


@pytest.mark.parametrize("permission", ["", None])
def test_a_decision_without_its_permission_is_refused(permission):
    with pytest.raises(ImproperlyConfigured, match="Publish"):
        decision_action(
            lambda record, by: True,
            description="Publish",
            permission=permission,
            done=COUNTED,
            left=COUNTED,
        )


def test_an_action_without_its_permission_is_refused():
    with pytest.raises(ImproperlyConfigured, match="Export"):
        staff_action(description="Export", permission="")


def test_a_decision_declares_the_one_permission_it_was_given():
    action = decision_action(
        lambda record, by: True,
        description="Publish",
        permission="publish",
        done=COUNTED,
        left=COUNTED,
    )

    assert action.allowed_permissions == ["publish"]
