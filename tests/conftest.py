import pytest
from django.core.management import call_command
from wagtail.models import Locale

from country_pages.demo.loader import ensure_home, ensure_states_index
from country_pages.models import StatesPartiesIndexPage
from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Once per run: the registry and the site tree (home page and States Parties index
    in the six languages), as `make run` builds them. Tests roll back their own changes."""
    from country_pages.demo.loader import DemoReport

    with django_db_blocker.unblock():
        call_command("load_registry", verbosity=0)
        report = DemoReport()
        home = ensure_home(report)
        ensure_states_index(home, report)


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def states_index(db) -> StatesPartiesIndexPage:
    return StatesPartiesIndexPage.objects.get(locale__language_code="en")


def translate_now(instance, language: str, strings: dict, publish: bool = True):
    from home.translation import translate

    return translate(instance, Locale.objects.get(language_code=language), strings, publish=publish)


def translate_everything(instance, language: str, publish: bool = True):
    """A translation whose every string is the source string marked with the language."""
    from home.translation import source_strings

    strings = {key: f"[{language}] {key[1]}" for key in source_strings(instance)}
    return translate_now(instance, language, strings, publish=publish)
