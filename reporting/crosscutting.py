"""The ISU's cross-cutting view of accepted Article 7 reports (§16 and §24 of the Committee's
2018 conclusions): per reporting year and region, how many reports

- give casualties by sex and age,
- say how victim assistance reaches women, girls, boys and men,
- report on socio-economic impact or inclusion,
- mention gender and diversity in what they plan and do,

each figure "n of N" (N: the accepted reports of that year and region) with the reports
behind it and why each one counts.

What is counted
---------------
- Only accepted reports, and of each period only the latest accepted version
  (`visibility.latest_accepted`, as the public site); drafts and reports in review never.
  Public and restricted reports alike: the view is the ISU's.
- An annual report counts in the year it covers, an initial report in the year it fell due
  (`reference_year`, the year a cover page's "unchanged since" names it by).
- A report's region is its State's (registry `StateParty.region`, UN M49).
- Each form is read as the report reads (`history.effective`): a form marked "unchanged
  since" an earlier report has that report's rows, a form "not applicable" has none. The
  evidence says when a form's data came from an earlier report.

The rules (one function each, below; the keyword lists are `KEYWORDS`)
-------------------------------------------------------------------
- SEX_AGE: at least one Form J casualty figure whose sex is female or male AND whose age
  group is child or adult (a figure with either unknown is not disaggregated by both).
- VA_REACH: at least one Form J victim assistance service with a non-zero figure for
  girls, boys, women or men (the form records people reached only by sex and age, so any
  figure is a disaggregated one).
- SOCIO_ECONOMIC: a Form J victim assistance service of the "social and economic inclusion"
  kind (the only structured field that carries it), or a socio-economic keyword in the
  report's texts (`TEXT_FIELDS`).
- GENDER_DIVERSITY: a gender, diversity, disability or age keyword in the report's texts.

Keywords are matched in all six languages in every text (a report may quote another
language), case- and accent-insensitively (Arabic diacritics, hamza forms and tatweel
folded too). Latin and Cyrillic keywords match at the start of a word (so "age" is not
found in "damage"); Arabic ones anywhere in a word (its prefixes و ب ل ال attach to it) and
Chinese ones anywhere. Words that are ambiguous in mine-action texts are left out or
narrowed: French "emploi" and Spanish "empleo" (the Convention's word for the *use* of
mines), French "genre de" ("kind of"), Arabic الفقرة ("paragraph", not الفقر "poverty"),
a bare English "age" (the age of stockpiled mines); abbreviations that are words in another
language (French "ODD") are not used.

Cost: one query for the reports (with their States) and one per table read, whatever the
number of States and years; the same again for the reports before the range that a form
marked "unchanged since" may be read from, when there are any.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from registry.models import Region

from .history import FormData, effective
from .models import (
    Article7Report,
    CoverStatus,
    FormJCasualties,
    FormJVictimService,
    FormLetter,
    ReportKind,
)
from .visibility import latest_accepted

lazy_format = lazy(lambda template, params: str(template) % params, str)

SEX_AGE = "sex_age"
VA_REACH = "va_reach"
SOCIO_ECONOMIC = "socio_economic"
GENDER_DIVERSITY = "gender_diversity"


@dataclass(frozen=True)
class Criterion:
    key: str
    title: Any  # lazy
    rule: Any  # lazy: how a report is counted, shown under the table


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        SEX_AGE,
        _("Casualties by sex and age"),
        _(
            "Reports with at least one Form J casualty figure whose sex (female or male) and "
            "age group (child or adult) are both known."
        ),
    ),
    Criterion(
        VA_REACH,
        _("Victim assistance reaching women, girls, boys and men"),
        _(
            "Reports with at least one Form J victim assistance service that gives a "
            "non-zero number of girls, boys, women or men reached."
        ),
    ),
    Criterion(
        SOCIO_ECONOMIC,
        _("Socio-economic impact or inclusion"),
        _(
            "Reports with a Form J service of social and economic inclusion, or a "
            "socio-economic keyword (livelihoods, income generation, poverty, Sustainable "
            "Development Goals…) in their texts."
        ),
    ),
    Criterion(
        GENDER_DIVERSITY,
        _("Gender and diversity in plans"),
        _(
            "Reports whose texts mention gender, women, girls, boys, diversity, disability "
            "or age (in any of the six languages)."
        ),
    ),
)
CRITERIA_BY_KEY = {criterion.key: criterion for criterion in CRITERIA}


# --- Keywords: the one list of them ----------------------------------------------------------
# Regular expressions, written lower-case and matched against folded text (see `fold`):
# accents and Arabic diacritics are stripped from both, so "égalité" and "egalite" are the
# same. Latin and Cyrillic ones start at a word boundary (added below); end them with \b
# where a longer word must not match. Only lower-case escapes (\b, \w, \s): the text is
# case-folded.

WORD_START = ("en", "fr", "es", "ru")

KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    GENDER_DIVERSITY: {
        "en": (
            r"gender",
            r"wom[ae]n\b",
            r"girls?\b",
            r"boys?\b",
            r"diversity\b",
            r"disabilit(?:y|ies)\b",
            r"disabled\b",
            r"sex[- ]disaggregated\b",
            r"sex and age\b",
            r"age[- ](?:and|sensitive|appropriate|specific|groups?|disaggregated)\b",
            r"(?:by|all|different) ages?\b",
            r"older (?:persons|people|women|men)\b",
            r"elderly\b",
        ),
        "fr": (
            # "genre" but not "ce genre de", "genre d'…" (kind of).
            r"genres?\b(?!\s+d(?:e|u|es)\b|\s*d')",
            r"femmes?\b",
            r"filles?\b",
            r"garcons?\b",
            r"sexospecifi",
            r"egalite (?:des|entre les) sexes\b",
            r"diversite\b",
            r"handicap",
            r"(?:par |selon l'|groupes? d'|tranches? d'|classes? d')age\b",
            r"sexe et (?:de l'|l')?age\b",
            r"age et (?:de |le )?sexe\b",
            r"personnes agees\b",
        ),
        "es": (
            r"genero\b(?!\s+de\b)",
            r"mujer(?:es)?\b",
            r"ninas?\b",
            r"ninos?\b",
            r"diversidad\b",
            r"discapacidad",
            r"(?:por|segun|grupos? de) edad\b",
            r"edad y (?:sexo|genero)\b",
            r"(?:sexo|genero) y edad\b",
            r"personas mayores\b",
        ),
        "ar": (
            r"النوع الاجتماعي",
            r"نوع الجنس",
            r"جنساني",
            r"نساء",
            r"مراة",  # امرأة، المرأة (hamza folded)
            r"فتيات",
            r"فتيان",
            r"التنوع",
            r"الاعاقة",  # الإعاقة (disability; a bare إعاقة is also "hindering")
            r"ذوي اعاقة",
            r"معوق(?:ين|ون)",  # not المعوقات (obstacles)
            r"العمر(?!ان)",  # not العمران (built-up areas)
            r"عمرية",
            r"كبار السن",
        ),
        "ru": (
            r"гендер",
            r"женщин",
            r"девоч",
            r"мальчик",
            r"разнообрази",
            r"инвалид",
            r"ограниченными возможностями\b",
            r"возраст(?:а|е|у|ом)?\b",  # not возрастание (increase)
            r"возрастн",
            r"пожил",
        ),
        "zh": (
            r"性别",
            r"妇女",
            r"女性",
            r"女童",
            r"男童",
            r"多样性",
            r"残疾",
            r"残障",
            r"年龄",
            r"老年人",
        ),
    },
    SOCIO_ECONOMIC: {
        "en": (
            r"socio[- ]?economic",
            r"livelihoods?\b",
            r"(?:social|economic) (?:and economic )?(?:inclusion|reintegration|empowerment)\b",
            r"income[- ]generat",
            r"vocational\b",
            r"poverty\b",
            r"sustainable development goals?\b",
            r"sdgs?\b",
            r"productive use\b",
        ),
        "fr": (
            r"socio[- ]?economi",
            r"moyens d'existence\b",
            r"moyens de subsistance\b",
            r"(?:inclusion|insertion|reinsertion|integration|autonomisation) "
            r"(?:sociale et )?economique",
            r"(?:inclusion|insertion|reinsertion) sociale\b",
            r"generatrices? de revenus?\b",
            r"formation professionnelle\b",
            r"pauvrete\b",
            r"objectifs de developpement durable\b",
        ),
        "es": (
            r"socio[- ]?economic",
            r"medios de (?:vida|subsistencia)\b",
            r"(?:inclusion|insercion|reinsercion|integracion|empoderamiento) "
            r"(?:social y )?economic",
            r"(?:inclusion|reinsercion) social\b",
            r"generacion de ingresos\b",
            r"formacion profesional\b",
            r"pobreza\b",
            r"objetivos de desarrollo sostenible\b",
        ),
        "ar": (
            r"الاجتماعية والاقتصادية",
            r"الاجتماعي والاقتصادي",
            r"الاقتصادية والاجتماعية",
            r"الاقتصادي والاجتماعي",
            r"سبل العيش",
            r"سبل كسب العيش",
            r"الدمج الاقتصادي",
            r"الادماج الاقتصادي",
            r"الادماج الاجتماعي",
            r"التمكين الاقتصادي",
            r"مدرة للدخل",
            r"التدريب المهني",
            r"الفقر(?!ة|ات)",  # poverty, not الفقرة (paragraph)
            r"اهداف التنمية المستدامة",
        ),
        "ru": (
            r"социально[- ]экономическ",
            r"средств\w* к существованию",
            r"(?:социальн|экономическ)\w*\s+(?:интеграц|инклюзи|реинтеграц)",
            r"приносящ\w* доход",
            r"профессиональн\w* (?:подготовк|обучени)",
            r"бедност",
            r"цел\w* в области устойчивого развития",
            r"цур\b",
        ),
        "zh": (
            r"社会经济",
            r"经济融入",
            r"社会融入",
            r"经济融合",
            r"社会融合",
            r"生计",
            r"创收",
            r"职业培训",
            r"贫困",
            r"可持续发展目标",
        ),
    },
}

# Marks dropped when folding: Latin and Cyrillic combining accents, Arabic harakat, hamza
# above and below, madda, superscript alef, Quranic marks, and tatweel.
_MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")


def fold(text: str) -> str:
    """Text as keywords are matched against: case-folded, without accents or Arabic
    diacritics, hamza folded onto its alef (أ إ آ → ا), curly apostrophes straight."""
    text = text.casefold()
    if text.isascii():
        return text
    for apostrophe in _APOSTROPHES:  # (str.replace is much faster than str.translate)
        text = text.replace(apostrophe, "'")
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def _top_level_bar(pattern: str) -> bool:
    """Whether a pattern has an alternative outside any group ("a|b")."""
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def _compile(keywords: dict[str, tuple[str, ...]]) -> re.Pattern:
    """One expression for all languages. The word boundary is tested once for all the
    Latin and Cyrillic keywords, and the Arabic and Chinese ones are tried only at an
    Arabic or CJK character: Python tries each alternative at each position, and a
    report's texts run to thousands of characters."""
    words, anywhere = [], []
    for language, patterns in keywords.items():
        # Not wrapped in a group: Python checks an alternative's leading letter quickly.
        assert not any(_top_level_bar(p) for p in patterns), patterns
        (words if language in WORD_START else anywhere).extend(fold(p) for p in patterns)
    return re.compile(
        rf"\b(?:{'|'.join(words)})"
        rf"|(?=[\u0600-\u06ff\u3400-\u9fff])(?:{'|'.join(anywhere)})"
    )


MATCHERS: dict[str, re.Pattern] = {key: _compile(words) for key, words in KEYWORDS.items()}


def _excerpt(text: str, folded_start: int, folded_end: int, width: int = 60) -> str:
    """The original text around a match found in its folded form (folding changes the
    length, so positions are mapped back one character at a time)."""
    starts, position = [], 0
    for char in text:
        starts.append(position)
        position += len(fold(char))
    start = max(i for i, at in enumerate(starts) if at <= folded_start)
    end = next((i for i, at in enumerate(starts) if at >= folded_end), len(text))
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return (
        ("…" if start > width else "")
        + before
        + text[start:end]
        + after
        + ("…" if end + width < len(text) else "")
    ).strip()


# --- Where the texts are ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    letter: str  # the form whose data (followed back if unchanged) holds it
    table: str  # the report's relation; "" for a field of the report itself
    name: str
    label: Any  # lazy


# Every free text of a report where a State says what it does and plans. Left out: Form C's
# texts (area names and regions, place names), Form D's (the purpose of mines retained) and
# Forms A, B, E, G, H (titles, lots, facilities, technical data).
TEXT_FIELDS: tuple[TextField, ...] = (
    *(
        TextField("F", "programmes", name, lazy_format(_("Form F: %(field)s"), {"field": label}))
        for name, label in (
            ("methods", _("methods")),
            ("sites", _("sites")),
            ("safety_standards", _("safety standards")),
            ("environmental_standards", _("environmental standards")),
        )
    ),
    TextField(
        "I",
        "warning_measures",
        "description",
        _("Form I: description of a warning measure"),
    ),
    TextField(
        "J",
        "victim_services",
        "description",
        _("Form J: description of a victim assistance service"),
    ),
    TextField(
        "J", "cooperation", "description", _("Form J: description of cooperation and assistance")
    ),
    TextField("J", "", "other_matters", _("Form J: other relevant matters")),
)
COVER_STATEMENT_LABEL = _("Cover page: why Form %(letter)s does not apply")

# The report's tables this view reads (each one query, whatever the number of reports).
TABLES = ("cover", "casualties", "victim_services", "cooperation", "programmes", "warning_measures")


# --- One report ------------------------------------------------------------------------------


class Reader:
    """Reads reports as they read (forms followed back), from reports already in memory."""

    def __init__(self, reports: Iterable[Article7Report]):
        self.forms: dict[tuple[int, str], FormData] = {}
        self.annual: dict[tuple[int, int], Article7Report] = {}
        self.initial: dict[int, Article7Report] = {}
        for report in reports:
            if report.kind == ReportKind.ANNUAL:
                self.annual[(report.state_id, report.year)] = report
            else:
                self.initial[report.state_id] = report

    def find(self, state, year: int) -> Article7Report | None:
        """As history.accepted_for_year, in memory."""
        report = self.annual.get((state.pk, year))
        if report is None:
            initial = self.initial.get(state.pk)
            if initial is not None and initial.reference_year == year:
                report = initial
        return report

    def form(self, report: Article7Report, letter: str) -> FormData:
        key = (report.pk, letter)
        if key not in self.forms:
            self.forms[key] = effective(report, letter, find=self.find)
        return self.forms[key]

    def rows(self, report: Article7Report, table: str, letter: str = FormLetter.J) -> list:
        return self.form(report, letter).rows(table)

    def texts(self, report: Article7Report) -> Iterable[tuple[Any, Article7Report, str]]:
        """(where, the report it is read from, text) of the cover page's statements and
        every text `TEXT_FIELDS` names, as the report reads them."""
        for line in report.cover.all():
            if line.statement:
                yield (
                    lazy_format(COVER_STATEMENT_LABEL, {"letter": line.letter}),
                    report,
                    (line.statement),
                )
        for text_field in TEXT_FIELDS:
            data = self.form(report, text_field.letter)
            if data.source is None:
                continue
            if not text_field.table:
                if data.status == CoverStatus.CHANGED:
                    yield text_field.label, data.source, getattr(data.source, text_field.name)
                continue
            for row in data.rows(text_field.table):
                yield text_field.label, data.source, getattr(row, text_field.name)


KNOWN_SEXES = {FormJCasualties.Sex.FEMALE, FormJCasualties.Sex.MALE}
KNOWN_AGE_GROUPS = {FormJCasualties.AgeGroup.CHILD, FormJCasualties.AgeGroup.ADULT}


def _by_sex_and_age(row: FormJCasualties) -> bool:
    return row.sex in KNOWN_SEXES and row.age_group in KNOWN_AGE_GROUPS


def _is_inclusion(row: FormJVictimService) -> bool:
    return row.service == FormJVictimService.Service.INCLUSION


def _mentions(criterion: str, texts: Iterable[tuple[Any, Article7Report, str]]) -> bool:
    search = MATCHERS[criterion].search
    return any(text and search(fold(text)) for _where, _source, text in texts)


def matches(report: Article7Report, reader: Reader) -> frozenset[str]:
    """The criteria the report counts for (the rules of the module's docstring). Each
    one's `reasons` below says why, and is non-empty exactly when it counts."""
    found = set()
    if any(_by_sex_and_age(row) for row in reader.rows(report, "casualties")):
        found.add(SEX_AGE)
    services = reader.rows(report, "victim_services")
    if any(row.people_reached for row in services):
        found.add(VA_REACH)
    texts = list(reader.texts(report))
    if any(_is_inclusion(row) for row in services) or _mentions(SOCIO_ECONOMIC, texts):
        found.add(SOCIO_ECONOMIC)
    if _mentions(GENDER_DIVERSITY, texts):
        found.add(GENDER_DIVERSITY)
    return frozenset(found)


# Why a report counts, for the list of the reports behind a figure (read only there: the
# figures need only `matches`).


@dataclass(frozen=True)
class Reason:
    """Why a report counts: a sentence, and the words of the report that made it count
    (in the report's language, shown apart from the interface's)."""

    text: str
    excerpt: str = ""

    def __str__(self) -> str:
        return f"{self.text}: «{self.excerpt}»" if self.excerpt else self.text


def _source_note(report: Article7Report, source: Article7Report | None) -> str:
    if source is None or source.pk == report.pk:
        return ""
    if source.kind == ReportKind.INITIAL:
        return str(_(" (carried forward from the initial report)"))
    return str(
        lazy_format(_(" (carried forward from the report for %(year)s)"), {"year": source.year})
    )


def _sex_age_reasons(report: Article7Report, reader: Reader) -> list[Reason]:
    rows = [row for row in reader.rows(report, "casualties") if _by_sex_and_age(row)]
    if not rows:
        return []
    detail = ", ".join(
        f"{row.get_outcome_display()} · {row.get_sex_display()} · {row.get_age_group_display()}: "
        f"{row.number}"
        for row in rows
    )
    source = reader.form(report, FormLetter.J).source
    return [
        Reason(
            str(_("Form J casualties by sex and age: %(rows)s") % {"rows": detail})
            + _source_note(report, source)
        )
    ]


def _va_reach_reasons(report: Article7Report, reader: Reader) -> list[Reason]:
    source = reader.form(report, FormLetter.J).source
    reasons = []
    for row in reader.rows(report, "victim_services"):
        if row.people_reached:
            figures = ", ".join(
                f"{FormJVictimService._meta.get_field(name).verbose_name} {getattr(row, name)}"
                for name in ("girls", "boys", "women", "men")
            )
            reasons.append(
                Reason(f"{row.get_service_display()}: {figures}" + _source_note(report, source))
            )
    return reasons


def _keyword_reasons(criterion: str, report: Article7Report, reader: Reader) -> list[Reason]:
    search = MATCHERS[criterion].search
    reasons = []
    for where, source, text in reader.texts(report):
        found = search(fold(text)) if text else None
        if found:
            excerpt = _excerpt(text, found.start(), found.end())
            reasons.append(Reason(f"{where}{_source_note(report, source)}", excerpt))
    return reasons


def _socio_economic_reasons(report: Article7Report, reader: Reader) -> list[Reason]:
    source = reader.form(report, FormLetter.J).source
    reasons = [
        Reason(
            str(
                _("Form J service of social and economic inclusion: %(people)s people reached")
                % {"people": row.people_reached}
            )
            + _source_note(report, source)
        )
        for row in reader.rows(report, "victim_services")
        if _is_inclusion(row)
    ]
    return reasons + _keyword_reasons(SOCIO_ECONOMIC, report, reader)


REASONS: dict[str, Callable[[Article7Report, Reader], list[Reason]]] = {
    SEX_AGE: _sex_age_reasons,
    VA_REACH: _va_reach_reasons,
    SOCIO_ECONOMIC: _socio_economic_reasons,
    GENDER_DIVERSITY: lambda report, reader: _keyword_reasons(GENDER_DIVERSITY, report, reader),
}


@dataclass
class ReportFacts:
    """One accepted report: its year, its region and the criteria it counts for."""

    report: Article7Report
    year: int
    region: str
    matches: frozenset[str]
    reader: Reader = field(repr=False)

    def counts(self, criterion: str) -> bool:
        return criterion in self.matches

    def reasons(self, criterion: str) -> list[Reason]:
        """Why the report counts for a criterion (empty: it does not)."""
        return REASONS[criterion](self.report, self.reader)


# --- All of them ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    counted: int
    total: int
    criterion: str
    year: int | None  # None: every year of the range
    region: str  # "": every region


@dataclass
class CrossCutting:
    """The figures for a range of years and regions, and the reports behind them."""

    year_from: int | None
    year_to: int | None
    regions: list[tuple[str, Any]]  # (code, label) of the columns
    years: list[int]  # the rows, oldest first
    facts: list[ReportFacts]

    def select(self, year: int | None = None, region: str = "") -> list[ReportFacts]:
        return [
            fact
            for fact in self.facts
            if (year is None or fact.year == year) and (not region or fact.region == region)
        ]

    def reports(
        self, criterion: str, year: int | None = None, region: str = "", counted: bool = True
    ) -> list[ReportFacts]:
        return [fact for fact in self.select(year, region) if fact.counts(criterion) == counted]

    def figure(self, criterion: str, year: int | None = None, region: str = "") -> Figure:
        chosen = self.select(year, region)
        counted = sum(1 for fact in chosen if fact.counts(criterion))
        return Figure(counted, len(chosen), criterion, year, region)

    def table(self, criterion: str) -> list[tuple[int | None, list[Figure]]]:
        """Rows (a year, then None for all years) of figures (one per region, then all)."""
        columns = [code for code, _label in self.regions] + [""]
        return [
            (year, [self.figure(criterion, year, region) for region in columns])
            for year in [*self.years, None]
        ]


def _read(queryset) -> list[Article7Report]:
    return list(queryset.select_related("state").prefetch_related(*TABLES))


def _reports(year_from: int | None, year_to: int | None, region: str) -> list[Article7Report]:
    """The latest accepted version of each report of the range (and every initial report:
    its year is its State's), then of the earlier reports a form marked unchanged may be
    read from, with their tables: at most twice the same queries, whatever the number of
    States and years."""
    accepted = latest_accepted()
    if region:
        accepted = accepted.filter(state__region=region)
    annual = Q(kind=ReportKind.ANNUAL)
    if year_from is not None:
        annual &= Q(year__gte=year_from)
    if year_to is not None:
        annual &= Q(year__lte=year_to)
    reports = _read(accepted.filter(Q(kind=ReportKind.INITIAL) | annual))
    if year_from is not None:
        carrying = {
            report.state_id
            for report in reports
            if any(line.status == CoverStatus.UNCHANGED for line in report.cover.all())
        }
        if carrying:
            reports += _read(
                accepted.filter(state__in=carrying, kind=ReportKind.ANNUAL, year__lt=year_from)
            )
    return sorted(reports, key=lambda r: (r.state.name_en, r.kind, r.year or 0))


def compute(
    year_from: int | None = None, year_to: int | None = None, region: str = ""
) -> CrossCutting:
    """The cross-cutting figures of accepted reports between two years (inclusive; None:
    open) in one region ("" for all)."""
    reports = _reports(year_from, year_to, region)
    reader = Reader(reports)
    facts = []
    for report in reports:
        year = report.reference_year
        if year is None:
            continue
        if (year_from is not None and year < year_from) or (year_to is not None and year > year_to):
            continue
        facts.append(
            ReportFacts(report, year, report.state.region, matches(report, reader), reader)
        )
    # Every year of the range asked for (a year without reports shows as such), but not
    # beyond the reports there are when the range is open, nor after this year.
    seen = [fact.year for fact in facts]
    first = year_from if year_from is not None else min(seen, default=None)
    last = year_to if year_to is not None else max(seen, default=None)
    if last is not None:
        last = min(last, max(timezone.localdate().year, *seen))
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    regions = [(code, label) for code, label in Region.choices if not region or code == region]
    return CrossCutting(year_from, year_to, regions, years, facts)


def region_label(code: str) -> Any:
    return dict(Region.choices).get(code, _("All regions")) if code else _("All regions")
