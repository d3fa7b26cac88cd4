import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class BackgroundConfig(AppConfig):
    name = "background"
    verbose_name = _("Background work")

    def ready(self):
        post_migrate.connect(_keep_the_schedule, sender=self)


def _keep_the_schedule(plan=None, **kwargs):
    # Every deploy migrates: that is where the schedule is (re)started. A flush (between
    # transactional tests) sends the signal without a plan, and must leave the queue alone.
    if plan is None:
        return
    from .tasks import ensure_schedule

    try:
        ensure_schedule()
    except Exception:
        # A queue out of reach (Redis down) must not fail a deploy: the next migrate, or the
        # next scheduled run, queues the schedule again.
        logger.exception("Could not queue the scheduled jobs")
