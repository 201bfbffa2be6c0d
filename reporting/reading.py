"""How a report reads: its header facts and one section per form (A–J), each with what
its cover page says and the rows to show, "unchanged since" followed back to the accepted
report whose data carries forward. One reading for the public page, the admin summary and
the PDF (templates/reporting/includes/report_body.html renders it).

Labels are lazy (they are rendered in the active language); values are left raw, and
formatted when rendered (report_tags.report_value), so that numbers and dates follow the
language of the page or the PDF. A report is read in a bounded number of queries whatever
its number of rows: its child tables are prefetched, and so are those of each earlier
report a cover page names (once per report).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations

from .history import accepted_for_year, cover_line, effective
from .models import (
    Article7Report,
    CoverStatus,
    FormAMeasure,
    FormBStockpile,
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
    ReportKind,
    Visibility,
)

# --- What a value is, for its rendering ----------------------------------------------------
# "text": an answer, written in the report's language; "label": a choice, in the UI's;
# "mine": a catalogue entry; "number" (grouped), "decimal", "year" and "plain" (never
# grouped), "date", "money" ((amount, currency)), "links" ([(href, text)]), "mines"
# ([(mine type, estimated quantity)]), "years" ((from, to)), "coordinates" ((latitude,
# longitude)), "period" ((first day, last day)), "language" (a code), "email", "phone".
NUMERIC_KINDS = frozenset({"number", "decimal", "money", "year", "plain"})

# A translated sentence with placeholders, translated when rendered (not when read).
lazy_format = lazy(lambda template, params: str(template) % params, str)


@dataclass(frozen=True)
class Cell:
    value: Any
    kind: str

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def empty(self) -> bool:
        return self.value in (None, "", [], ())


@dataclass(frozen=True)
class Column:
    label: Any  # lazy: rendered in the active language
    kind: str
    read: Callable[[models.Model], Any]
    total: bool = False  # a sum makes sense (the table's footer shows it)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@dataclass
class Table:
    name: str  # the report's relation
    caption: Any
    columns: list[Column]
    rows: list[list[Cell]]
    totals: list[Cell | None] | None = None  # None: no footer


@dataclass
class Section:
    """One form as the report reads."""

    letter: str
    title: Any
    # What this report's cover page says: "changed", "unchanged" or "not_applicable" (an
    # initial report answers every form: always "changed").
    status: str
    initial: bool
    since_year: int | None = None
    # The accepted report "unchanged since" names, and its public address (set only
    # where the reader may see that report: public ones here, the view adds the rest).
    since_report: Article7Report | None = None
    since_url: str = ""
    # The report the data shown comes from: this one, an earlier one (carried forward),
    # or None when the named report is not an accepted one.
    source: Article7Report | None = None
    # What the form's data says once followed back: "changed" (rows) or "not_applicable".
    effective_status: str = CoverStatus.CHANGED
    # The language the answers shown were written in: the source report's.
    language: str = ""
    statement: str = ""  # why the form does not apply
    tables: list[Table] = field(default_factory=list)
    free_text: str = ""  # Form J's other relevant matters

    @property
    def anchor(self) -> str:
        return f"form-{self.letter.lower()}"

    @property
    def carried(self) -> bool:
        """The data shown is an earlier report's."""
        return self.status == CoverStatus.UNCHANGED

    @property
    def carried_further(self) -> bool:
        """The report named carried the form forward itself, from an earlier one."""
        return (
            self.source is not None
            and self.since_report is not None
            and self.source.pk != self.since_report.pk
        )

    @property
    def source_missing(self) -> bool:
        return self.carried and self.source is None

    @property
    def has_rows(self) -> bool:
        return any(table.rows for table in self.tables) or bool(self.free_text.strip())


@dataclass(frozen=True)
class Fact:
    label: Any
    value: Any
    kind: str  # as a Cell's


# --- Addresses and names ---------------------------------------------------------------------


def period_slug(report: Article7Report) -> str:
    """The period in the public address: "initial" or the year."""
    return "initial" if report.kind == ReportKind.INITIAL else str(report.year)


def public_path(report: Article7Report, *, pdf: bool = False) -> str:
    """The report's public address in the active language (the latest accepted version
    of its period is the one shown there)."""
    kwargs = {"iso3": report.state.iso3.lower(), "period": period_slug(report)}
    return reverse("article7_report_pdf" if pdf else "article7_report", kwargs=kwargs)


def period_label(report: Article7Report) -> str:
    """ "Report for 2024", "Initial report" (capitalised: a title)."""
    if report.kind == ReportKind.INITIAL:
        return _("Initial report")
    return lazy_format(_("Report for %(year)s"), {"year": report.year})


def reference(report: Article7Report | None, year: int | None = None) -> str:
    """The report as a sentence names it: "the report for 2023", "the initial report"."""
    if report is not None and report.kind == ReportKind.INITIAL:
        return _("the initial report")
    year = report.year if report is not None else year
    return lazy_format(_("the report for %(year)s"), {"year": year})


# --- Reading the rows in a bounded number of queries ----------------------------------------


def _related_fields(model) -> list[str]:
    """The model's foreign keys shown with a row (mine type, document, photograph)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and not isinstance(f, ParentalKey)
    ]


def _prefetches(model, prefix: str = "") -> list[Prefetch]:
    found = []
    for relation in get_all_child_relations(model):
        child = relation.related_model
        path = f"{prefix}{relation.get_accessor_name()}"
        queryset = child._default_manager.select_related(*_related_fields(child))
        found.append(Prefetch(path, queryset=queryset))
        found += _prefetches(child, f"{path}__")
    return found


def prefetch(report: Article7Report) -> Article7Report:
    """Read a saved report's cover page and every table of its forms (and the mines in
    its areas), in one query each. Relations held in memory (a report being edited) are
    left as they are."""
    if report.pk is None:
        return report
    pending = [
        p
        for p in _prefetches(Article7Report)
        if p.prefetch_through.split("__")[0] not in getattr(report, "_cluster_related_objects", {})
    ]
    prefetch_related_objects([report], *pending)
    return report


def _finder(report: Article7Report) -> Callable:
    """history.effective's `find`: the accepted report a year names, each read (and
    prefetched) once for the whole report."""
    found: dict[int, Article7Report | None] = {}

    def find(state, year: int) -> Article7Report | None:
        if year not in found:
            named = accepted_for_year(state, year)
            if named is not None:
                named.state = report.state
                prefetch(named)
            found[year] = named
        return found[year]

    return find


# --- The forms' tables -------------------------------------------------------------------


def label(model, name: str):
    return model._meta.get_field(name).verbose_name


def choice(model, name: str, kind: str = "label") -> Column:
    """A column showing a choice's label (lazy, in the active language)."""
    labels = dict(model._meta.get_field(name).flatchoices)
    return Column(label(model, name), kind, lambda row: labels.get(getattr(row, name)))


def col(model, name: str, kind: str, *, total: bool = False) -> Column:
    return Column(label(model, name), kind, lambda row: getattr(row, name), total)


def mine(model) -> Column:
    return Column(label(model, "mine_type"), "mine", lambda row: row.mine_type)


def _links(row: FormAMeasure) -> list[tuple[str, str]]:
    links = []
    if row.url:
        links.append((row.url, row.url))
    if row.document_id and row.document is not None:
        links.append((row.document.url, row.document.title))
    return links


def _people(model) -> list[Column]:
    return [
        *(col(model, name, "number", total=True) for name in ("girls", "boys", "women", "men")),
        Column(_("people reached"), "number", lambda row: row.people_reached, total=True),
    ]


def _unknown_stockpile(row: FormBStockpile) -> dt.date | str | None:
    return row.found_on if row.previously_unknown else None


def _released(row: FormCLandRelease) -> int:
    return row.released_m2


def _coordinates(row: FormCMinedArea):
    if row.latitude is None or row.longitude is None:
        return None
    return (row.latitude, row.longitude)


TABLES: dict[str, tuple[Any, list[Column]]] = {
    "measures": (
        _("National implementation measures"),
        [
            col(FormAMeasure, "title", "text"),
            choice(FormAMeasure, "kind"),
            col(FormAMeasure, "adopted_on", "date"),
            Column(_("link or document"), "links", _links),
        ],
    ),
    "stockpiles": (
        _("Stockpiled anti-personnel mines at the end of the period"),
        [
            mine(FormBStockpile),
            col(FormBStockpile, "quantity", "number", total=True),
            col(FormBStockpile, "lot_numbers", "text"),
            col(FormBStockpile, "holder", "text"),
            Column(_("previously unknown stockpile, found on"), "date", _unknown_stockpile),
        ],
    ),
    "mined_areas": (
        _("Mined areas at the end of the period"),
        [
            col(FormCMinedArea, "name", "text"),
            col(FormCMinedArea, "region", "text"),
            choice(FormCMinedArea, "status"),
            col(FormCMinedArea, "size_m2", "number", total=True),
            Column(
                _("mine types and estimated quantities"),
                "mines",
                lambda row: [(m.mine_type, m.estimated_quantity) for m in row.mines.all()],
            ),
            Column(_("period emplaced"), "years", lambda row: (row.emplaced_from, row.emplaced_to)),
            Column(_("coordinates"), "coordinates", _coordinates),
        ],
    ),
    "land_releases": (
        _("Land released during the period"),
        [
            col(FormCLandRelease, "region", "text"),
            col(FormCLandRelease, "cancelled_m2", "number", total=True),
            col(FormCLandRelease, "reduced_m2", "number", total=True),
            col(FormCLandRelease, "cleared_m2", "number", total=True),
            Column(_("total released (m²)"), "number", _released, total=True),
            col(FormCLandRelease, "mines_destroyed", "number", total=True),
        ],
    ),
    "retained": (
        _("Mines retained or transferred (Article 3)"),
        [
            col(FormDRetained, "institution", "text"),
            mine(FormDRetained),
            col(FormDRetained, "quantity_start", "number", total=True),
            col(FormDRetained, "added_from_stockpile", "number", total=True),
            col(FormDRetained, "used", "number", total=True),
            col(FormDRetained, "transferred_out", "number", total=True),
            col(FormDRetained, "transferred_to", "text"),
            col(FormDRetained, "quantity_end", "number", total=True),
            col(FormDRetained, "purpose", "text"),
            col(FormDRetained, "actual_use", "text"),
            col(FormDRetained, "change_note", "text"),
        ],
    ),
    "facilities": (
        _("Production facilities"),
        [
            col(FormEFacility, "facility", "text"),
            choice(FormEFacility, "action"),
            choice(FormEFacility, "status"),
            col(FormEFacility, "date", "date"),
        ],
    ),
    "programmes": (
        _("Destruction programmes"),
        [
            choice(FormFProgramme, "article"),
            choice(FormFProgramme, "status"),
            col(FormFProgramme, "completed_on", "date"),
            col(FormFProgramme, "methods", "text"),
            col(FormFProgramme, "sites", "text"),
            col(FormFProgramme, "safety_standards", "text"),
            col(FormFProgramme, "environmental_standards", "text"),
        ],
    ),
    "destroyed": (
        _("Mines destroyed"),
        [
            col(FormGDestroyed, "year", "year"),
            choice(FormGDestroyed, "source"),
            mine(FormGDestroyed),
            col(FormGDestroyed, "quantity", "number", total=True),
            col(FormGDestroyed, "lot_numbers", "text"),
        ],
    ),
    "characteristics": (
        _("Technical characteristics"),
        [
            mine(FormHCharacteristics),
            col(FormHCharacteristics, "dimensions", "text"),
            col(FormHCharacteristics, "fusing", "text"),
            col(FormHCharacteristics, "explosive_type", "text"),
            col(FormHCharacteristics, "explosive_content_g", "decimal"),
            col(FormHCharacteristics, "metallic_content", "text"),
        ],
    ),
    "warning_measures": (
        _("Measures to warn the population"),
        [
            col(FormIWarning, "area", "text"),
            choice(FormIWarning, "measure"),
            col(FormIWarning, "description", "text"),
            col(FormIWarning, "date", "date"),
            *_people(FormIWarning),
        ],
    ),
    "casualties": (
        _("Mine casualties during the period"),
        [
            choice(FormJCasualties, "outcome"),
            choice(FormJCasualties, "sex"),
            choice(FormJCasualties, "age_group"),
            choice(FormJCasualties, "status"),
            col(FormJCasualties, "number", "number", total=True),
        ],
    ),
    "victim_services": (
        _("Victim assistance services"),
        [
            choice(FormJVictimService, "service"),
            col(FormJVictimService, "description", "text"),
            *_people(FormJVictimService),
        ],
    ),
    "cooperation": (
        _("Cooperation and assistance"),
        [
            choice(FormJCooperation, "direction"),
            col(FormJCooperation, "partner", "text"),
            choice(FormJCooperation, "theme"),
            col(FormJCooperation, "year", "year"),
            Column(label(FormJCooperation, "amount"), "money", lambda r: (r.amount, r.currency)),
            col(FormJCooperation, "description", "text"),
        ],
    ),
}


def build_table(name: str, rows: list) -> Table:
    caption, columns = TABLES[name]
    cells = [[Cell(column.read(row), column.kind) for column in columns] for row in rows]
    totals = None
    if len(rows) > 1 and any(column.total for column in columns):
        totals = [
            Cell(sum(line[i].value or 0 for line in cells), column.kind) if column.total else None
            for i, column in enumerate(columns)
        ]
    return Table(name, caption, columns, cells, totals)


# --- The report ----------------------------------------------------------------------------


def report_sections(report: Article7Report) -> list[Section]:
    """One section per form, A to J, as the report reads."""
    prefetch(report)
    find = _finder(report)
    sections = []
    for letter in FormLetter.values:
        line = cover_line(report, letter)
        initial = report.kind == ReportKind.INITIAL
        status = line.status if line is not None and not initial else CoverStatus.CHANGED
        data = effective(report, letter, find=find)
        section = Section(
            letter=letter,
            title=FormLetter(letter).label,
            status=status,
            initial=initial,
            source=data.source,
            effective_status=data.status,
            language=(data.source or report).language,
        )
        if status == CoverStatus.UNCHANGED:
            section.since_year = line.since_year
            section.since_report = find(report.state, line.since_year) if line.since_year else None
            if section.since_report is not None and (
                section.since_report.visibility == Visibility.PUBLIC
            ):
                section.since_url = public_path(section.since_report)
        if data.status == CoverStatus.NOT_APPLICABLE and data.source is not None:
            source_line = cover_line(data.source, letter)
            section.statement = source_line.statement if source_line is not None else ""
        if data.status == CoverStatus.CHANGED and data.source is not None:
            # In the order TABLES reads them (a test checks it names every table).
            names = [name for name in TABLES if name in data.tables]
            section.tables = [build_table(name, data.rows(name)) for name in names]
            if letter == FormLetter.J:
                section.free_text = data.source.other_matters
        sections.append(section)
    return sections


def header_facts(report: Article7Report, *, personal: bool = False) -> list[Fact]:
    """The report's header. The point of contact's name, email and phone are personal:
    only where `personal` (the admin), never on the public page or its PDF."""
    facts = [
        Fact(_("State"), report.state.name, "label"),
        Fact(_("Reporting period"), period_label(report), "label"),
    ]
    if report.period:
        facts.append(Fact(_("Period covered"), report.period, "period"))
    facts += [
        Fact(label(Article7Report, "submitted_on"), report.submitted_on, "date"),
        Fact(_("Language of the report"), report.language, "language"),
        Fact(label(Article7Report, "version"), report.version, "plain"),
        Fact(_("Point of contact"), report.contact_organisation, "text"),
    ]
    if personal:
        facts += [
            Fact(label(Article7Report, "contact_name"), report.contact_name, "text"),
            Fact(label(Article7Report, "contact_email"), report.contact_email, "email"),
            Fact(label(Article7Report, "contact_phone"), report.contact_phone, "phone"),
        ]
    if report.visibility != Visibility.PUBLIC:
        visibility = dict(Visibility.choices)[report.visibility]
        facts.append(Fact(label(Article7Report, "visibility"), visibility, "label"))
    if report.filed_by_isu:
        facts.append(
            Fact(_("Entered by"), _("the ISU, from the report the State submitted"), "label")
        )
    return facts
