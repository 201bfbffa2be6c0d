"""Factories shared by the tests."""

import datetime as dt

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from country_pages.models import CountryPage, Organisation, StatesPartiesIndexPage
from registry.models import StateParty

USER_ASSIGNED_ALPHA2 = [f"X{chr(c)}" for c in range(65, 91)] + [f"Q{chr(c)}" for c in range(77, 91)]


class StatePartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateParty
        django_get_or_create = ("iso3",)

    # ISO 3166 user-assigned codes, which no real State has.
    iso3 = factory.Sequence(lambda n: f"X{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    iso2 = factory.Sequence(lambda n: USER_ASSIGNED_ALPHA2[n % len(USER_ASSIGNED_ALPHA2)])
    name_en = factory.Sequence(lambda n: f"Testland {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name_en} (fr)")
    name_es = factory.LazyAttribute(lambda o: f"{o.name_en} (es)")
    name_ar = factory.LazyAttribute(lambda o: f"{o.name_en} (ar)")
    name_ru = factory.LazyAttribute(lambda o: f"{o.name_en} (ru)")
    name_zh_hans = factory.LazyAttribute(lambda o: f"{o.name_en} (zh)")
    region = "africa"
    signed = dt.date(1997, 12, 3)
    deposited = dt.date(2000, 1, 10)
    method = "ratification"


class CountryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CountryPage

    state = factory.SubFactory(StatePartyFactory)
    title = factory.LazyAttribute(lambda o: o.state.name_en)
    slug = factory.LazyAttribute(lambda o: o.state.iso3.lower())


def published_country_page(parent, *, publish: bool = True, **fields) -> CountryPage:
    """The one way the tests make a country page: built by the factory under `parent` (a
    States Parties index, in any language), then published as Wagtail publishes."""
    page = CountryPageFactory.build(**fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.INTERNATIONAL_NGO


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")


__all__ = [
    "CountryPageFactory",
    "OrganisationFactory",
    "StatePartyFactory",
    "StatesPartiesIndexPage",
    "UserFactory",
    "published_country_page",
]
