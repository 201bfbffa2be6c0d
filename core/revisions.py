"""What was reviewed stays as it was reviewed.

Wagtail 8's autosave (`overwrite_revision_id`) overwrites the latest revision in place when
it is the user's own, which an approved revision of a focal point's submission is: the
history would still say "approved" over different content. BasePage.save_revision asks
this module first and saves a new revision instead.
"""

from __future__ import annotations

from django.db.models import Q


def revision_is_protected(revision) -> bool:
    """Whether a revision is part of the record: live, published or scheduled once, or
    reviewed (under a workflow task, approved, rejected)."""
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState

    if revision.approved_go_live_at is not None:
        return True
    if TaskState.objects.filter(revision=revision).exists():
        return True
    model = revision.base_content_type.model_class()
    has_live_revision = model is not None and any(
        f.name == "live_revision" for f in model._meta.get_fields()
    )
    if has_live_revision and model._default_manager.filter(live_revision=revision).exists():
        return True
    log_model = PageLogEntry if model is not None and issubclass(model, Page) else ModelLogEntry
    return (
        log_model.objects.filter(revision=revision)
        .filter(Q(action__startswith="wagtail.publish") | Q(action__startswith="wagtail.workflow."))
        .exists()
    )
