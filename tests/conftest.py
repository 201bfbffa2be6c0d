import pytest
from django.core.management import call_command
from wagtail.models import Locale

from country_pages.models import StatesPartiesIndexPage
from demo.loader import ensure_home, ensure_states_index
from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Once per run: the registry and the site tree (home page and States Parties index
    in the six languages), as `make run` builds them. Tests roll back their own changes."""
    from demo.loader import DemoReport

    with django_db_blocker.unblock():
        call_command("load_registry", verbosity=0)
        report = DemoReport()
        home = ensure_home(report)
        ensure_states_index(home, report)
        call_command("sync_roles", verbosity=0)


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
    from core.translation import translate

    return translate(instance, Locale.objects.get(language_code=language), strings, publish=publish)


def translate_everything(instance, language: str, publish: bool = True):
    """A translation whose every string is the source string marked with the language."""
    from core.translation import source_strings

    strings = {key: f"[{language}] {key[1]}" for key in source_strings(instance)}
    return translate_now(instance, language, strings, publish=publish)


# --- Roles -------------------------------------------------------------------------------


def contact_body(email: str, phone: str = "") -> list:
    """A body whose only section is one national authority's contact."""
    contact = {
        "role": "national_authority",
        "organisation": "Centre",
        "name": "",
        "position": "",
        "email": email,
        "phone": phone,
        "address": "",
    }
    return [("contact_information", {"contacts": [contact]})]


SIMPLE_BODY = [
    (
        "national_context",
        {"text": "<p>Mines block the roads.</p>", "casualties": [], "sdg_links": [], "tags": []},
    ),
    ("status_of_implementation", {"note": "A note by the State."}),
]


def make_country(states_index, iso3: str, languages=("fr",), body=None):
    """A State's live page in English and in `languages`, made as the ISU would: through
    wagtail-localize."""
    from django.utils.text import slugify

    from registry.models import StateParty
    from tests.factories import published_country_page

    state = StateParty.objects.get(iso3=iso3)
    page = published_country_page(
        states_index,
        state=state,
        slug=slugify(state.name_en),
        body=SIMPLE_BODY if body is None else body,
    )
    for language in languages:
        translate_everything(page, language)
    return page


def make_user(*groups, email=None, password="a-long-test-password"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    email = email or f"user{User.objects.count() + 1}@example.org"
    user = User.objects.create_user(username=email, email=email, password=password)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def sudan(states_index):
    return make_country(states_index, "SDN")


@pytest.fixture
def zimbabwe(states_index):
    return make_country(states_index, "ZWE")


@pytest.fixture
def isu_user(db):
    return make_user("ISU", email="isu@example.org")


@pytest.fixture
def fp_sudan(db):
    return make_user("Focal point — Sudan", email="fp.sudan@example.org")


@pytest.fixture
def fp_zimbabwe(db):
    return make_user("Focal point — Zimbabwe", email="fp.zimbabwe@example.org")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to /ar/… leaves Arabic active
    in the thread, which would translate the next test's messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache. Invalidations run after the commit, which a
    test's transaction never reaches (unless it captures on_commit callbacks, as the tests
    of invalidation do): a page cached by an earlier test would otherwise still be served."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def login(client, user):
    """Sign in as someone who has also passed the second factor, as after entering a code
    from their authenticator app (the two-factor flow itself is tested on its own)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "test device"}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
