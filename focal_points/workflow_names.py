"""The review workflow and its task are shown by their names ("Submit to ISU review", the
status panel, history, emails): names stored in the database, so a French focal point read
"Soumettre à ISU review". The names the site creates (roles.ensure_review_workflow) get a
translatable label; the stored name stays as it is (sync_roles finds the workflow by it)."""

from __future__ import annotations

from django.db.models.signals import post_init
from django.utils.translation import gettext_lazy as _

from .roles import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME

LABELS = {
    REVIEW_WORKFLOW_NAME: _("ISU review"),
    REVIEW_TASK_NAME: _("ISU approval"),
}


class TranslatedName(str):
    """Compares, hashes and is stored as the stored name; shown in the active language."""

    def __str__(self) -> str:
        return str(LABELS[str.__str__(self)])

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _translate_name(sender, instance, **kwargs):
    from wagtail.models import Task, Workflow

    if isinstance(instance, Workflow | Task):
        name = instance.__dict__.get("name")
        if isinstance(name, str) and not isinstance(name, TranslatedName) and name in LABELS:
            instance.name = TranslatedName(name)


def install() -> None:
    post_init.connect(_translate_name, dispatch_uid="focal-points-workflow-names")
