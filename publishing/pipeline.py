"""The one path every change visitors can see goes through.

A publish, an unpublish, a privacy or slug change, a file or registry change: the
receivers (publishing.receivers) update the derived data in the change's own transaction,
then call `invalidate` with the cache groups the change makes stale. `invalidate` records
them in the database, in that same transaction, and bumps them in the cache only once the
transaction has committed:
  - before the commit, a visitor's request would re-cache the old page under the new
    generation, where it would stay for an hour;
  - after a rollback, nothing changed and nothing is invalidated;
  - when the cache does not take the bump (Redis stalled or restarting), the record
    stays, and any server applies it on its next request (publishing.middleware).
Nothing per-process outlives a change made on another server: processes keep only what
is named under a generation kept in the shared cache.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F

from core import page_cache

from .models import PendingInvalidation

logger = logging.getLogger(__name__)


def invalidate(*groups: str) -> None:
    groups = sorted(set(groups))
    if not groups:
        return
    record = PendingInvalidation.objects.create(groups=groups)
    transaction.on_commit(lambda: apply([record.pk], groups))


def apply(pks: list[int], groups: list[str]) -> bool:
    if page_cache.bump(*groups):
        PendingInvalidation.objects.filter(pk__in=pks).delete()
        return True
    PendingInvalidation.objects.filter(pk__in=pks).update(attempts=F("attempts") + 1)
    logger.warning("Cache invalidation of %s postponed: the cache did not answer", groups)
    return False


_last_check = time.monotonic()


def retry_due() -> bool | None:
    """Apply the invalidations left in the database, at most every PUBLISH_RETRY_SECONDS
    per process. None when it was not time to look, else whether all were applied."""
    global _last_check
    now = time.monotonic()
    if now - _last_check < settings.PUBLISH_RETRY_SECONDS:
        return None
    _last_check = now
    try:
        pending = list(PendingInvalidation.objects.values_list("pk", "groups")[:100])
    except DatabaseError:  # the request will meet the same outage and answer for it
        logger.warning("Pending cache invalidations could not be read", exc_info=True)
        return False
    if not pending:
        return True
    groups = sorted({group for _pk, row in pending for group in row})
    return apply([pk for pk, _row in pending], groups)
