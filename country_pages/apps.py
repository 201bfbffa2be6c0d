from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountryPagesConfig(AppConfig):
    name = "country_pages"
    verbose_name = _("Country pages")

    def ready(self) -> None:
        from .dates import install as install_french_first_day

        install_french_first_day()
