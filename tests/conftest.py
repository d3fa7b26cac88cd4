import pytest
from asgiref.local import Local
from django.core.cache import cache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.tasks import task_backends
from django.utils import translation


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next, nor
    the header and footer rendered with one test's settings (the template_fragments cache)."""
    cache.clear()
    caches["template_fragments"].clear()
    yield
    cache.clear()
    caches["template_fragments"].clear()


@pytest.fixture(autouse=True)
def _english_first():
    """Each test starts in the site's default language, whatever the last one left active: a
    factory writes a translated field (a practice's title) in the active language."""
    translation.activate("en")
    yield
    translation.deactivate()


@receiver(setting_changed)
def _forget_page_fragments(**kwargs):
    # The header and footer are kept per process, as the settings they show: a test that
    # changes a setting renders them anew.
    caches["template_fragments"].clear()


@receiver(setting_changed)
def _renew_task_backends(*, setting, **kwargs):
    # Django keeps the backends it made from TASKS; a test that changes TASKS needs new ones.
    if setting == "TASKS":
        import django_tasks

        for backends in (task_backends, django_tasks.task_backends):
            backends._settings = backends.settings = backends.configure_settings(None)
            backends._connections = Local()
