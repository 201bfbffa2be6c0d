from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Article 7 reporting")

    def ready(self) -> None:
        from . import proposals

        # Accepting a report proposes the registry facts it carries (never applies them).
        proposals.connect()
