"""Field blocks and checks the annex sections share: plausibility bounds, web addresses,
thematic tags, numbers grouped by thousands as they are typed, currencies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..tags import tag_choices

# --- Plausibility bounds --------------------------------------------------------------
# The Convention was adopted in 1997; figures and events before 1990 are almost certainly
# typing errors. Targets may lie a few decades ahead, no more.
EARLIEST_YEAR = 1990
TARGET_HORIZON_YEARS = 30
UPCOMING_EVENT_YEARS = 5
MAX_AREA_M2 = 100_000_000_000  # 100,000 km², larger than any recorded contamination
MAX_MONEY = Decimal("100000000000")  # 100 billion
MAX_PEOPLE = 2_000_000_000
MAX_MINES = 100_000_000

http_url_validator = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://.")
)
phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-/]{6,30}(\s*(ext\.?|x)\s*[0-9]{1,6})?$",
    _("Enter a phone number: digits, spaces and + ( ) - . / only."),
)


def current_year() -> int:
    return timezone.localdate().year


def check_past_year(year: int | None, field: str, errors: dict) -> None:
    if year is not None and not EARLIEST_YEAR <= year <= current_year():
        errors[field] = ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": EARLIEST_YEAR, "last": current_year()},
        )


def check_target_year(year: int | None, field: str, errors: dict) -> None:
    last = current_year() + TARGET_HORIZON_YEARS
    if year is not None and not EARLIEST_YEAR <= year <= last:
        errors[field] = ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": EARLIEST_YEAR, "last": last},
        )


def check_range(value, maximum, field: str, errors: dict) -> None:
    if value is not None and not 0 <= value <= maximum:
        errors[field] = ValidationError(
            _("Enter a number between 0 and %(maximum)s."), params={"maximum": f"{maximum:,}"}
        )


def check_not_future(date: dt.date | None, field: str, errors: dict) -> None:
    if date is not None and date > timezone.localdate():
        errors[field] = ValidationError(_("This date is in the future."))


def check_money(value, field: str, message, errors: dict) -> None:
    """An amount of money (a MoneyBlock) in range and, when given, its currency (the
    `currency` field beside it): `message` says which amount lacks it."""
    check_range(value.get(field), MAX_MONEY, field, errors)
    if value.get(field) is not None and not value.get("currency"):
        errors["currency"] = ValidationError(message)


def raise_if(errors: dict, non_block_errors: list | None = None) -> None:
    if errors or non_block_errors:
        raise StructBlockValidationError(block_errors=errors, non_block_errors=non_block_errors)


class HttpURLField(forms.URLField):
    default_validators = [http_url_validator]
    default_error_messages = {"invalid": http_url_validator.message}

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class HttpURLBlock(blocks.URLBlock):
    """A link that can only be http or https: no javascript:, data: or file: URLs."""

    def __init__(self, required=True, help_text=None, max_length=None, **kwargs):
        super().__init__(required=required, help_text=help_text, max_length=max_length, **kwargs)
        self.field = HttpURLField(required=required, help_text=help_text, max_length=max_length)


class ThemeTagsBlock(blocks.MultipleChoiceBlock):
    """Thematic tags from the ISU's vocabulary (django-taggit tags). Stored as slugs, so
    they are the same in every language and can be filtered across countries."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Thematic tags"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=tag_choices, **kwargs)

    def to_python(self, value):
        # Stored slugs as they are: matching them to the choices would read the tag
        # vocabulary from the database every time a page is loaded.
        return list(value or [])

    def normalize(self, value):
        return list(value or [])


class GroupedNumberMixin:
    """A number whose input shows, beside it, the typed value grouped by thousands in the
    admin's language ("9,800,000"; "9 800 000" in French) as it is typed, so that a zero too
    many or too few is seen before saving (static/js/admin.js finds the input by its
    `data-grouped-number` attribute). What is stored is still the plain number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail renders the widget with its attributes, also for blocks added later.
        self.field.widget.attrs["data-grouped-number"] = ""


class QuantityBlock(GroupedNumberMixin, blocks.IntegerBlock):
    """A count or an area: a whole number, shown grouped by thousands as it is typed."""


class AmountBlock(GroupedNumberMixin, blocks.DecimalBlock):
    """An amount of money: a whole amount, shown grouped by thousands as it is typed."""


class MoneyBlock(AmountBlock):
    """An optional whole amount of money, in the currency chosen in the block's `currency`
    field (CurrencyBlock) and checked with it by check_money."""

    def __init__(self, label, help_text=None, **kwargs):
        super().__init__(
            required=False,
            min_value=0,
            decimal_places=0,
            max_digits=14,
            label=label,
            help_text=help_text or _("Whole amount in the currency chosen below."),
            **kwargs,
        )


class CurrencyBlock(blocks.ChoiceBlock):
    choices = [
        ("USD", "USD"),
        ("EUR", "EUR"),
        ("CHF", "CHF"),
        ("GBP", "GBP"),
        ("JPY", "JPY"),
        ("CAD", "CAD"),
        ("AUD", "AUD"),
        ("NOK", "NOK"),
        ("SEK", "SEK"),
    ]

    def __init__(self, **kwargs):
        kwargs.setdefault("default", "USD")
        kwargs.setdefault("label", _("Currency"))
        super().__init__(**kwargs)
