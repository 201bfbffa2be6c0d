"""Accepted Article 7 reports as tables across States and years: one table per form (and
the reports and their cover pages), for the public open data (public reports only) and the
ISU's analysis (every accepted report).

What a table holds
- Of each State's report for a period, the latest accepted version only
  (`visibility.latest_accepted`): never a draft, a report in review or a version a later
  accepted one replaces. Reports for "States Parties and the ISU only" only where
  `include_restricted` is given (the ISU's analysis); the open data never asks for them.
- The rows a report itself gives. A form its cover page marks "unchanged since <year>"
  has no rows of its own: `form_status` names the year, whose report holds the rows that
  stand. They are not copied under the later report, so that no row is counted twice
  (what was done during a period, such as mines destroyed, is given once) and no row comes
  from a report the reader of the table may not read.
- Columns: stable snake_case English names; the report's columns first (`REPORT_COLUMNS`),
  then the form's. A choice is given as its stored code (documented with its English
  label), a date as a date (ISO 8601 in CSV and JSON), a number as a number, nothing as
  None. Columns are added, never renamed or removed: the downloads' users rely on them.

Queries: a table's rows are one query, whatever the number of States and years: the
values its columns need, its report's, State's and mine type's joined, as tuples (no
model is built: a 100,000-row table reads in about a second, not twenty), read in chunks
(`QuerySet.iterator`), so that an export of every report holds one chunk in memory at a
time. The completeness
table (the ISU's) is one query too: each form's row count and the disaggregations are
subqueries of the reports' query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import models
from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations

from core.public_url import public_url

from .models import (
    Article7Report,
    CoverStatus,
    FormAMeasure,
    FormBStockpile,
    FormCAreaMine,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormEFacility,
    FormFProgramme,
    FormGDestroyed,
    FormHCharacteristics,
    FormIWarning,
    FormJCasualties,
    FormJCooperation,
    FormJVictimService,
    FormLetter,
    FormStatus,
    ReportKind,
    Visibility,
)
from .visibility import latest_accepted

CHUNK_SIZE = 2000

# The kinds of value a column holds, as the documentation names them.
KIND_LABELS = {
    "text": _("text"),
    "code": _("code"),
    "integer": _("integer"),
    "decimal": _("decimal number"),
    "date": _("date (YYYY-MM-DD)"),
    "boolean": _("true or false"),
}


def _same(value):
    return value


@dataclass(frozen=True)
class Column:
    name: str  # stable, snake_case, English
    kind: str  # a key of KIND_LABELS
    description: Any  # lazy: rendered in the active language
    # What the column is made of: the fields read (ORM paths from the table's model), and
    # how their values make the column's (the one field's value as it is, by default).
    fields: tuple[str, ...]
    compute: Callable[..., Any] = _same
    codes: tuple[tuple[str, Any], ...] = ()  # a code column's values and their labels

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Table:
    name: str  # stable: the file name of its downloads
    title: Any
    description: Any
    letter: str  # the form ("" for the reports and their cover pages)
    columns: tuple[Column, ...]
    # The table's rows of these reports (a queryset of its model), in order.
    rows_of: Callable[[QuerySet], QuerySet] = field(repr=False)

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    @cached_property
    def fields(self) -> list[str]:
        """Every field the columns read, once each, in the order first read."""
        return list(dict.fromkeys(f for column in self.columns for f in column.fields))

    @cached_property
    def _readers(self) -> list[tuple[Callable, tuple[int, ...]]]:
        index = {name: i for i, name in enumerate(self.fields)}
        return [(c.compute, tuple(index[f] for f in c.fields)) for c in self.columns]

    def queryset(self, reports: QuerySet) -> QuerySet:
        """The rows of these reports as tuples of `fields` (no model is built: a row of
        mines in an area would be five), in the table's order: one query."""
        return self.rows_of(reports).values_list(*self.fields)

    def values(self, fetched: tuple) -> list:
        """A row of `queryset` as the columns' values."""
        return [compute(*(fetched[i] for i in at)) for compute, at in self._readers]


# --- Columns ---------------------------------------------------------------------------------

INTEGER_FIELDS = (models.IntegerField, models.BigIntegerField, models.SmallIntegerField)


def _kind(model_field) -> str:
    if model_field.choices:
        return "code"
    if isinstance(model_field, models.BooleanField):
        return "boolean"
    if isinstance(model_field, models.DecimalField):
        return "decimal"
    if isinstance(model_field, models.DateField):
        return "date"
    if isinstance(model_field, INTEGER_FIELDS):
        return "integer"
    return "text"


def col(
    model, field_name: str, name: str | None = None, description=None, path: str = ""
) -> Column:
    """A column giving a model field as stored (a choice's code), documented by the
    field's label unless `description` is given; `path` reads it on a related object."""
    model_field = model._meta.get_field(field_name)
    codes = tuple((code, label) for code, label in model_field.flatchoices or ())
    return Column(
        name or field_name,
        _kind(model_field),
        description if description is not None else model_field.verbose_name,
        (f"{path}__{field_name}" if path else field_name,),
        codes=codes,
    )


def period(kind: str, year: int | None) -> str:
    return "initial" if kind == ReportKind.INITIAL else str(year)


def report_columns(path: str) -> tuple[Column, ...]:
    """The report a row belongs to (`path` from the table's model): the first columns of
    every table."""
    report = f"{path}__" if path else ""
    return (
        Column(
            "state_iso3",
            "code",
            _("the State's ISO 3166 alpha-3 code"),
            (f"{report}state__iso3",),
        ),
        Column(
            "state_name", "text", _("the State's name in English"), (f"{report}state__name_en",)
        ),
        Column(
            "report_period",
            "code",
            _("“initial”, or the calendar year an annual report covers"),
            (f"{report}kind", f"{report}year"),
            period,
        ),
        Column(
            "report_year",
            "integer",
            _("the calendar year an annual report covers (empty for an initial report)"),
            (f"{report}year",),
        ),
        Column(
            "version",
            "integer",
            _("the version of the report (a correction is a new version)"),
            (f"{report}version",),
        ),
        Column(
            "submitted_on",
            "date",
            _("the date the State submitted the report"),
            (f"{report}submitted_on",),
        ),
        Column(
            "visibility",
            "code",
            _("who may read the report: “public”, or “parties” (States Parties and the ISU)"),
            (f"{report}visibility",),
            codes=tuple(Visibility.choices),
        ),
    )


REPORT_COLUMNS = report_columns("")
ROW_REPORT = report_columns("report")
MINE_REPORT = report_columns("area__report")


def mine_type() -> tuple[Column, ...]:
    return (
        Column(
            "mine_type",
            "text",
            _("the mine type's designation, as in the catalogue"),
            ("mine_type__designation",),
        ),
        Column(
            "mine_type_origin",
            "text",
            _("the mine type's country of manufacture, as in the catalogue"),
            ("mine_type__origin",),
        ),
    )


def _total(*values: int | None) -> int:
    return sum(value or 0 for value in values)


def people(model) -> tuple[Column, ...]:
    groups = ("girls", "boys", "women", "men")
    return (
        *(col(model, name) for name in groups),
        Column(
            "people_reached", "integer", _("girls, boys, women and men: the total"), groups, _total
        ),
    )


def _in_order(queryset: QuerySet, report: str = "report") -> QuerySet:
    """By State, then period (the initial report first), then the form's own order."""
    return queryset.order_by(
        f"{report}__state__iso3", F(f"{report}__year").asc(nulls_first=True), "sort_order", "pk"
    )


def rows_of(model) -> Callable[[QuerySet], QuerySet]:
    def read(reports: QuerySet) -> QuerySet:
        return _in_order(model.objects.filter(report__in=reports.values("pk")))

    return read


def _reports(reports: QuerySet) -> QuerySet:
    return reports.order_by("state__iso3", F("year").asc(nulls_first=True), "pk")


def _mines(reports: QuerySet) -> QuerySet:
    queryset = FormCAreaMine.objects.filter(area__report__in=reports.values("pk"))
    return queryset.order_by(
        "area__report__state__iso3",
        F("area__report__year").asc(nulls_first=True),
        "area__sort_order",
        "area_id",
        "sort_order",
        "pk",
    )


def _cover(reports: QuerySet) -> QuerySet:
    queryset = FormStatus.objects.filter(report__in=reports.values("pk"))
    return queryset.order_by(
        "report__state__iso3", F("report__year").asc(nulls_first=True), "letter"
    )


def _report_url(iso3: str, kind: str, year: int | None) -> str:
    path = reverse("article7_report", kwargs={"iso3": iso3.lower(), "period": period(kind, year)})
    return public_url(path)


def _date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


REGION = _("the region of the State, as the report names it")
AREA_ID = _("the mined area's identifier in these files (the same in mined_area_mines)")

TABLES: tuple[Table, ...] = (
    Table(
        "reports",
        _("Reports"),
        _(
            "One line per report: who submitted it, when, in which language, and Form J's "
            "other relevant matters."
        ),
        "",
        (
            *REPORT_COLUMNS,
            col(
                Article7Report,
                "language",
                description=_("the language the report was written in (a code)"),
            ),
            Column(
                "accepted_on",
                "date",
                _("the date the ISU accepted this version"),
                ("last_published_at",),
                _date,
            ),
            col(Article7Report, "filed_by_isu"),
            col(
                Article7Report,
                "contact_organisation",
                description=_("the organisation the State named as its point of contact"),
            ),
            col(Article7Report, "other_matters"),
            Column(
                "url",
                "text",
                _("the report's page on this site"),
                ("state__iso3", "kind", "year"),
                _report_url,
            ),
        ),
        _reports,
    ),
    Table(
        "form_status",
        _("Cover page"),
        _(
            "One line per report and form: whether the form is filled in, unchanged since "
            "the report of an earlier year (whose rows stand: they are not repeated under "
            "the later report) or not applicable."
        ),
        "",
        (
            *ROW_REPORT,
            col(FormStatus, "letter", "form"),
            col(FormStatus, "status"),
            col(FormStatus, "since_year", "unchanged_since_year"),
            col(FormStatus, "statement"),
        ),
        _cover,
    ),
    Table(
        "measures",
        FormLetter.A.label,
        FormAMeasure._meta.verbose_name,
        "A",
        (
            *ROW_REPORT,
            col(FormAMeasure, "kind"),
            col(FormAMeasure, "title"),
            col(FormAMeasure, "adopted_on"),
            col(FormAMeasure, "url"),
        ),
        rows_of(FormAMeasure),
    ),
    Table(
        "stockpiles",
        FormLetter.B.label,
        FormBStockpile._meta.verbose_name,
        "B",
        (
            *ROW_REPORT,
            *mine_type(),
            col(FormBStockpile, "quantity"),
            col(FormBStockpile, "lot_numbers"),
            col(FormBStockpile, "holder"),
            col(FormBStockpile, "previously_unknown"),
            col(FormBStockpile, "found_on"),
        ),
        rows_of(FormBStockpile),
    ),
    Table(
        "mined_areas",
        FormLetter.C.label,
        FormCMinedArea._meta.verbose_name,
        "C",
        (
            *ROW_REPORT,
            Column("area_id", "integer", AREA_ID, ("pk",)),
            col(FormCMinedArea, "name", "area_name"),
            col(FormCMinedArea, "region", description=REGION),
            col(FormCMinedArea, "status"),
            col(FormCMinedArea, "size_m2"),
            col(FormCMinedArea, "emplaced_from"),
            col(FormCMinedArea, "emplaced_to"),
            col(FormCMinedArea, "latitude"),
            col(FormCMinedArea, "longitude"),
        ),
        rows_of(FormCMinedArea),
    ),
    Table(
        "mined_area_mines",
        FormLetter.C.label,
        FormCAreaMine._meta.verbose_name,
        "C",
        (
            *MINE_REPORT,
            Column("area_id", "integer", AREA_ID, ("area_id",)),
            col(FormCMinedArea, "name", "area_name", path="area"),
            *mine_type(),
            col(FormCAreaMine, "estimated_quantity"),
        ),
        _mines,
    ),
    Table(
        "land_releases",
        FormLetter.C.label,
        FormCLandRelease._meta.verbose_name,
        "C",
        (
            *ROW_REPORT,
            col(FormCLandRelease, "region", description=REGION),
            col(FormCLandRelease, "cancelled_m2"),
            col(FormCLandRelease, "reduced_m2"),
            col(FormCLandRelease, "cleared_m2"),
            Column(
                "released_m2",
                "integer",
                _("cancelled, reduced and cleared: the total (m²)"),
                ("cancelled_m2", "reduced_m2", "cleared_m2"),
                _total,
            ),
            col(FormCLandRelease, "mines_destroyed"),
        ),
        rows_of(FormCLandRelease),
    ),
    Table(
        "retained",
        FormLetter.D.label,
        FormDRetained._meta.verbose_name,
        "D",
        (
            *ROW_REPORT,
            col(FormDRetained, "institution"),
            *mine_type(),
            col(FormDRetained, "quantity_start"),
            col(FormDRetained, "added_from_stockpile"),
            col(FormDRetained, "used"),
            col(FormDRetained, "transferred_out"),
            col(FormDRetained, "transferred_to"),
            col(FormDRetained, "quantity_end"),
            col(FormDRetained, "purpose"),
            col(FormDRetained, "actual_use"),
            col(FormDRetained, "change_note"),
        ),
        rows_of(FormDRetained),
    ),
    Table(
        "facilities",
        FormLetter.E.label,
        FormEFacility._meta.verbose_name,
        "E",
        (
            *ROW_REPORT,
            col(FormEFacility, "facility"),
            col(FormEFacility, "action"),
            col(FormEFacility, "status"),
            col(FormEFacility, "date"),
        ),
        rows_of(FormEFacility),
    ),
    Table(
        "programmes",
        FormLetter.F.label,
        FormFProgramme._meta.verbose_name,
        "F",
        (
            *ROW_REPORT,
            col(FormFProgramme, "article"),
            col(FormFProgramme, "status"),
            col(FormFProgramme, "completed_on"),
            col(FormFProgramme, "methods"),
            col(FormFProgramme, "sites"),
            col(FormFProgramme, "safety_standards"),
            col(FormFProgramme, "environmental_standards"),
        ),
        rows_of(FormFProgramme),
    ),
    Table(
        "destroyed",
        FormLetter.G.label,
        FormGDestroyed._meta.verbose_name,
        "G",
        (
            *ROW_REPORT,
            col(FormGDestroyed, "year"),
            col(FormGDestroyed, "source"),
            *mine_type(),
            col(FormGDestroyed, "quantity"),
            col(FormGDestroyed, "lot_numbers"),
        ),
        rows_of(FormGDestroyed),
    ),
    Table(
        "characteristics",
        FormLetter.H.label,
        FormHCharacteristics._meta.verbose_name,
        "H",
        (
            *ROW_REPORT,
            *mine_type(),
            col(FormHCharacteristics, "dimensions"),
            col(FormHCharacteristics, "fusing"),
            col(FormHCharacteristics, "explosive_type"),
            col(FormHCharacteristics, "explosive_content_g"),
            col(FormHCharacteristics, "metallic_content"),
        ),
        rows_of(FormHCharacteristics),
    ),
    Table(
        "warning_measures",
        FormLetter.I.label,
        FormIWarning._meta.verbose_name,
        "I",
        (
            *ROW_REPORT,
            col(FormIWarning, "area"),
            col(FormIWarning, "measure"),
            col(FormIWarning, "description"),
            col(FormIWarning, "date"),
            *people(FormIWarning),
        ),
        rows_of(FormIWarning),
    ),
    Table(
        "casualties",
        FormLetter.J.label,
        FormJCasualties._meta.verbose_name,
        "J",
        (
            *ROW_REPORT,
            col(FormJCasualties, "outcome"),
            col(FormJCasualties, "sex"),
            col(FormJCasualties, "age_group"),
            col(FormJCasualties, "status", "civilian_or_military"),
            col(FormJCasualties, "number"),
        ),
        rows_of(FormJCasualties),
    ),
    Table(
        "victim_services",
        FormLetter.J.label,
        FormJVictimService._meta.verbose_name,
        "J",
        (
            *ROW_REPORT,
            col(FormJVictimService, "service"),
            col(FormJVictimService, "description"),
            *people(FormJVictimService),
        ),
        rows_of(FormJVictimService),
    ),
    Table(
        "cooperation",
        FormLetter.J.label,
        FormJCooperation._meta.verbose_name,
        "J",
        (
            *ROW_REPORT,
            col(FormJCooperation, "direction"),
            col(FormJCooperation, "partner"),
            col(FormJCooperation, "theme"),
            col(FormJCooperation, "year"),
            col(FormJCooperation, "amount"),
            col(FormJCooperation, "currency"),
            col(FormJCooperation, "description"),
        ),
        rows_of(FormJCooperation),
    ),
)
BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}


def table(name: str) -> Table | None:
    return BY_NAME.get(name)


# --- Which reports ------------------------------------------------------------------------------


def reports(
    *,
    include_restricted: bool,
    region: str = "",
    year_from: int | None = None,
    year_to: int | None = None,
    state=None,
) -> QuerySet[Article7Report]:
    """The latest accepted version of each report, public ones only unless
    `include_restricted`. A year range selects annual reports (an initial report covers no
    calendar year: it is left out when a range is given); `state` a StateParty or its pk."""
    selected = latest_accepted()
    if not include_restricted:
        selected = selected.filter(visibility=Visibility.PUBLIC)
    if region:
        selected = selected.filter(state__region=region)
    if year_from is not None:
        selected = selected.filter(year__gte=year_from)
    if year_to is not None:
        selected = selected.filter(year__lte=year_to)
    if state is not None:
        selected = selected.filter(state=state)
    return selected


def rows(table: Table, selected: QuerySet, chunk_size: int = CHUNK_SIZE) -> Iterator[list]:
    """The table's rows of these reports, as lists of values in the columns' order: one
    query, read `chunk_size` rows at a time."""
    for fetched in table.queryset(selected).iterator(chunk_size=chunk_size):
        yield table.values(fetched)


# --- Completeness (the ISU's analysis) ---------------------------------------------------------

# Form J also counts its free text (other relevant matters), as progress.py does.
_COUNTED = {
    letter: [
        relation.related_model
        for relation in get_all_child_relations(Article7Report)
        if getattr(relation.related_model, "form_letter", None) == letter
    ]
    for letter in FormLetter.values
}


def _count(model, **conditions) -> Coalesce:
    """The number of the report's rows of `model` (that meet `conditions`): a subquery."""
    rows_ = model.objects.filter(report=OuterRef("pk"), **conditions).order_by()
    counted = rows_.values("report").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


def _people_total(model) -> Coalesce:
    total = F("girls") + F("boys") + F("women") + F("men")
    rows_ = model.objects.filter(report=OuterRef("pk")).order_by()
    summed = rows_.values("report").annotate(n=Sum(total)).values("n")[:1]
    return Coalesce(Subquery(summed), 0)


def _cover_status(letter: str) -> Subquery:
    lines = FormStatus.objects.filter(report=OuterRef("pk"), letter=letter).order_by()
    return Subquery(lines.values("status")[:1])


def with_completeness(selected: QuerySet) -> QuerySet[Article7Report]:
    """The reports with what their cover page says of each form, each form's row count
    and the disaggregations they give, as annotations: one query."""
    known_sex = [FormJCasualties.Sex.FEMALE, FormJCasualties.Sex.MALE]
    known_age = [FormJCasualties.AgeGroup.CHILD, FormJCasualties.AgeGroup.ADULT]
    annotations = {f"cover_{letter.lower()}": _cover_status(letter) for letter in FormLetter.values}
    for models_ in _COUNTED.values():
        for model in models_:
            annotations[f"rows_{model._meta.model_name}"] = _count(model)
    annotations |= {
        "casualties_by_sex_rows": _count(FormJCasualties, sex__in=known_sex),
        "casualties_by_age_rows": _count(FormJCasualties, age_group__in=known_age),
        "victim_services_people": _people_total(FormJVictimService),
        "warning_people": _people_total(FormIWarning),
    }
    return _reports(selected).annotate(**annotations)


def form_completeness(kind: str, cover_status: str | None, rows_: int) -> str:
    """What a report says of a form: "answered", "unchanged", "not_applicable" or "empty"
    (progress.progress's rule: an initial report answers every form; a changed form
    without rows is empty). `rows_` counts Form J's free text as a row."""
    if kind != ReportKind.INITIAL:
        if cover_status == CoverStatus.UNCHANGED:
            return "unchanged"
        if cover_status == CoverStatus.NOT_APPLICABLE:
            return "not_applicable"
    return "answered" if rows_ else "empty"


def _form_column(letter: str) -> Column:
    counts = tuple(f"rows_{model._meta.model_name}" for model in _COUNTED[letter])
    free_text = ("other_matters",) if letter == FormLetter.J else ()

    def compute(kind, cover_status, *values):
        counted = sum(values[: len(counts)])
        if free_text and values[-1].strip():
            counted += 1
        return form_completeness(kind, cover_status, counted)

    return Column(
        f"form_{letter.lower()}",
        "code",
        FormLetter(letter).label,
        ("kind", f"cover_{letter.lower()}", *counts, *free_text),
        compute,
        (
            ("answered", _("filled in")),
            ("unchanged", _("unchanged since an earlier report")),
            ("not_applicable", _("not applicable")),
            ("empty", _("changed, but no row given")),
        ),
    )


def _any(value: int | None) -> bool:
    return bool(value)


COMPLETENESS = Table(
    "completeness",
    _("Completeness"),
    _(
        "One line per report: what it says of each form, and which disaggregations it "
        "gives (casualties by sex and by age group; people reached by sex and age)."
    ),
    "",
    (
        *REPORT_COLUMNS,
        *(_form_column(letter) for letter in FormLetter.values),
        Column(
            "casualties_rows",
            "integer",
            _("the number of casualty figures (Form J)"),
            ("rows_formjcasualties",),
        ),
        Column(
            "casualties_by_sex",
            "boolean",
            _("casualties are given by sex (female or male)"),
            ("casualties_by_sex_rows",),
            _any,
        ),
        Column(
            "casualties_by_age",
            "boolean",
            _("casualties are given by age group (child or adult)"),
            ("casualties_by_age_rows",),
            _any,
        ),
        Column(
            "victim_assistance_people_by_sex_age",
            "boolean",
            _("victim assistance gives the girls, boys, women and men it reached (Form J)"),
            ("victim_services_people",),
            _any,
        ),
        Column(
            "warning_people_by_sex_age",
            "boolean",
            _("risk education and warning give the girls, boys, women and men reached (Form I)"),
            ("warning_people",),
            _any,
        ),
    ),
    with_completeness,
)

ANALYSIS_TABLES: tuple[Table, ...] = (COMPLETENESS, *TABLES)
ANALYSIS_BY_NAME: dict[str, Table] = {table.name: table for table in ANALYSIS_TABLES}
