"""Rendering a report's values in the active language, and the list of a State's reports
on its country page."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.translation import gettext as _

from core.templatetags.site_tags import language_name
from reporting.models import Article7Report
from reporting.reading import Cell, Fact, period_label, public_path, reference
from reporting.status import StateSummary, state_summary
from reporting.visibility import visible_reports

register = template.Library()

EMPTY = "—"


def _number(value) -> str:
    """Grouped with the active language's separators ("14,500" in English, "14 500" in
    French)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return number_format(value, use_l10n=True, force_grouping=True)


def _date(value) -> str:
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT")
    )


def _years(value) -> str:
    first, last = value
    if first and last:
        return f"{first}–{last}" if first != last else str(first)
    if first:
        return _("from %(year)s") % {"year": first}
    if last:
        return _("until %(year)s") % {"year": last}
    return EMPTY


def _mines(value) -> str:
    items = []
    for mine_type, quantity in value:
        amount = _number(quantity) if quantity is not None else _("quantity unknown")
        items.append((mine_type, amount))
    return format_html(
        '<ul class="report-mines">{}</ul>', format_html_join("", "<li>{}: {}</li>", items)
    )


def _links(value) -> str:
    links = format_html_join(
        "", '<li><a href="{}" dir="auto">{}</a></li>', ((href, text) for href, text in value)
    )
    return format_html('<ul class="report-links">{}</ul>', links)


FORMATS = {
    "number": _number,
    "decimal": _number,
    "year": str,
    "plain": str,
    "date": _date,
    "money": lambda v: f"{v[1]} {_number(v[0])}".strip() if v[0] is not None else EMPTY,
    "years": _years,
    "coordinates": lambda v: format_html('<span dir="ltr">{}, {}</span>', v[0], v[1]),
    "period": lambda v: format_html("{} – {}", _date(v[0]), _date(v[1])),
    "language": language_name,
    "text": lambda v: linebreaks(v, autoescape=True) if "\n" in v.strip() else v,
    "email": lambda v: format_html('<a href="mailto:{}">{}</a>', v, v),
    "phone": lambda v: format_html('<span dir="ltr">{}</span>', v),
    "mines": _mines,
    "links": _links,
}


@register.simple_tag
def report_value(cell: Cell | Fact) -> str:
    """A value of a report as a reader sees it, in the active language; escaped."""
    value = cell.value
    if value in (None, "", [], ()) or (cell.kind == "years" and not any(value)):
        return EMPTY
    return FORMATS.get(cell.kind, str)(value)


@register.simple_tag
def report_reference(report: Article7Report | None, url: str = "", year: int | None = None):
    """ "the report for 2023" ("the initial report"), a link where `url` is given."""
    text = reference(report, year)
    return format_html('<a href="{}">{}</a>', url, text) if url else text


@register.simple_tag(takes_context=True)
def state_reports(context, state) -> list[Article7Report]:
    """The accepted reports of a State the visitor may read, the latest version of each
    period, newest first (the initial report last), each with its `url`, `pdf_url` and
    `period_label`: one query (for a signed-in visitor, two more for their roles)."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    reports = list(
        visible_reports(user)
        .filter(state_id=getattr(state, "pk", state))
        .select_related("state")
        .order_by(F("year").desc(nulls_last=True))
    )
    for report in reports:
        report.url = public_path(report)
        report.pdf_url = public_path(report, pdf=True)
        report.period_label = period_label(report)
    return reports


@register.simple_tag
def state_reporting_status(state) -> StateSummary | None:
    """The State's reporting as the status page counts it: public facts, the same for
    every visitor (one query with the country page's `state`)."""
    return state_summary(state, timezone.localdate())
