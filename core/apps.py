from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide services every app may use; it imports none of them (docs/architecture.md)."""

    name = "core"
    verbose_name = _("Site")
