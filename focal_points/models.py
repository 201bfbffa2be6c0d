from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from registry.models import StateParty


class StateGroup(models.Model):
    """The focal point group and media collection of one State. Created and kept right by
    focal_points.roles, never by hand."""

    state = models.OneToOneField(
        StateParty, on_delete=models.CASCADE, related_name="state_group", verbose_name=_("State")
    )
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="state_group", verbose_name=_("group")
    )
    collection = models.OneToOneField(
        Collection,
        on_delete=models.PROTECT,
        related_name="state_group",
        verbose_name=_("collection"),
    )

    class Meta:
        verbose_name = _("focal point group")
        permissions = [("manage_focal_points", _("Can manage focal point accounts"))]

    def __str__(self) -> str:
        return self.group.name
