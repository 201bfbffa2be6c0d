from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApproachConfig(AppConfig):
    name = "approach"
    verbose_name = _("Individualised approach")
