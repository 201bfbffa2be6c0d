"""POST data for the report editor, read off the real form Wagtail builds for a report,
so tests save and submit reports through the real admin views."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reporting.models import Article7Report


def _value(bound) -> object:
    value = bound.value()
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | int):
        return str(value)
    if value is None:
        return ""
    return value


def _form_data(form, data: dict) -> None:
    for name in form.fields:
        value = _value(form[name])
        if value is not None:
            data[form.add_prefix(name)] = value
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value() or 0)
        data[management.add_prefix("TOTAL_FORMS")] = str(len(formset.forms))
        for child in formset.forms:
            _form_data(child, data)


def report_form_data(report: Article7Report, user, **fields) -> dict:
    """The editor's POST data for the report's latest version, with `fields` replaced."""
    form_class = Article7Report.snippet_viewset.get_edit_handler().get_form_class()
    instance = report.get_latest_revision_as_object() if report.pk else report
    form = form_class(instance=instance, for_user=user)
    data: dict = {}
    _form_data(form, data)
    data.update(fields)
    return data
