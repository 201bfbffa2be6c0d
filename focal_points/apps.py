from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocalPointsConfig(AppConfig):
    name = "focal_points"
    verbose_name = _("Focal points and review")

    def ready(self) -> None:
        from . import signals, wagtail_checks  # noqa: F401 (receivers, the start-up check)
        from .workflow_names import install as install_workflow_names

        install_workflow_names()
        from .integrity import install as install_integrity_checks

        install_integrity_checks()

        from .files import register_policies

        register_policies()
