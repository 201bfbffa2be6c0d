"""Who may do what with a report, decided on the report itself.

Wagtail's model permissions say what a user may do with reports in general; this policy
adds the State. It is the one place that decides, and every report view asks it: the
listing and choosers filter with `instances_user_has_any_permission_for`, and every URL
that names a report goes through `guard` (viewsets.py) before Wagtail's own view runs,
because several of Wagtail's snippet views (compare, history, usage, workflow history,
preview) check only the model permission.

- The ISU (and superusers): everything their model permissions allow.
- A focal point: their own States' reports only — view, add, change while not accepted,
  lock, and unlock their own lock; never publish (accept) or delete.
- Anyone else: nothing.
A focal point reads other States' accepted reports on the public site, never here, so a
draft of another State is never in reach.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from focal_points.roles import is_isu, states_of

# What a focal point may do with their own State's reports (their model permissions
# must also allow it: sync_roles grants add, change, view and lock).
FOCAL_POINT_ACTIONS = frozenset({"view", "add", "change", "lock", "unlock"})
# Only while the report is not accepted: an accepted report is amended as a new version.
WHILE_DRAFT = frozenset({"change"})


def own_state_ids(user) -> set[int]:
    cache = getattr(user, "_report_state_ids", None)
    if cache is None:
        cache = {state.pk for state in states_of(user)} if user.is_authenticated else set()
        user._report_state_ids = cache
    return cache


class ReportPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action: str) -> bool:
        if action == "view":
            # The listing asks for "view"; a focal point holds "change".
            return any(
                ModelPermissionPolicy.user_has_permission(self, user, a) for a in ("view", "change")
            )
        return ModelPermissionPolicy.user_has_permission(self, user, action)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if not user.is_active:
            return False
        if is_isu(user):
            return self.user_has_permission(user, action)
        if action not in FOCAL_POINT_ACTIONS or instance.state_id not in own_state_ids(user):
            return False
        if action in WHILE_DRAFT and instance.live:
            return False
        if action == "unlock" and instance.locked_by_id not in (None, user.pk):
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        reports = self.model._default_manager.all()
        if not user.is_active or not self.user_has_any_permission(user, actions):
            return reports.none()
        if is_isu(user):
            return reports
        if not FOCAL_POINT_ACTIONS.intersection(actions):
            return reports.none()
        return reports.filter(state_id__in=own_state_ids(user))

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])


class MineTypePermissionPolicy(ModelPermissionPolicy):
    """The ISU keeps the catalogue. A focal point sees the approved types and their own
    States' proposals, proposes additions and corrects a proposal until it is approved."""

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if not user.is_active:
            return False
        if is_isu(user):
            return self.user_has_permission(user, action)
        own = instance.proposed_by_id in own_state_ids(user)
        proposed = instance.status == instance.Status.PROPOSED
        allowed = {
            "view": instance.status == instance.Status.APPROVED or own,
            "change": own and proposed,
        }.get(action, False)
        return allowed and self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        types = self.model._default_manager.all()
        if not user.is_active or not self.user_has_any_permission(user, actions):
            return types.none()
        if is_isu(user):
            return types
        return types.filter(
            Q(status=self.model.Status.APPROVED) | Q(proposed_by_id__in=own_state_ids(user))
        )

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])
