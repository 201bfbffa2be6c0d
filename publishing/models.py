from django.db import models


class PendingInvalidation(models.Model):
    """Cache groups to invalidate for a change that is (or is about to be) committed.

    Written in the same transaction as the change, so it exists exactly when the change
    does; deleted once the cache has taken the invalidation. A row still here means the
    cache did not answer at the time (a Redis stall or restart, a process that died right
    after its commit): any server applies it on its next request (publishing.middleware)."""

    groups = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return ", ".join(self.groups)
