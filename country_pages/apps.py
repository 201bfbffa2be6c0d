from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountryPagesConfig(AppConfig):
    name = "country_pages"
    verbose_name = _("Country pages")
