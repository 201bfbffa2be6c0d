"""The ISU's cross-cutting figures: reports built to give known answers, counted per year
and region, each figure leading to exactly the reports behind it; drafts and reports in
review never counted, a newer accepted version replacing the old; the ISU only."""

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Workflow, WorkflowContentType

from registry.models import StateParty
from reporting.crosscutting import (
    GENDER_DIVERSITY,
    SEX_AGE,
    SOCIO_ECONOMIC,
    VA_REACH,
    compute,
    fold,
)
from reporting.exports import csv_value as formula_safe
from reporting.history import amend
from reporting.models import (
    Article7Report,
    FormFProgramme,
    FormIWarning,
    FormJCasualties,
    FormJVictimService,
)
from reporting.reading import public_path
from tests.conftest import login, make_user
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

ALL = [SEX_AGE, VA_REACH, SOCIO_ECONOMIC, GENDER_DIVERSITY]


def state(iso3: str) -> StateParty:
    return StateParty.objects.get(iso3=iso3)


def casualty(sex, age, number=1, outcome="killed"):
    return FormJCasualties(
        outcome=outcome, sex=sex, age_group=age, status="civilian", number=number
    )


def service(kind="rehabilitation", description="", **people):
    return FormJVictimService(service=kind, description=description, **people)


def programme(methods):
    return FormFProgramme(article="article_5", status="in_progress", methods=methods)


@pytest.fixture
def reports(fp_sudan):
    """Accepted reports giving known answers (see each), and some that must not count.

    2024: Sudan (Africa, public), Zimbabwe (Africa, restricted), Colombia (Americas),
    Bosnia and Herzegovina (Europe). 2023: Sudan (version 2 replaces version 1), Bosnia
    and Herzegovina. Cambodia (Asia) has only a draft and a report in review."""
    made = {}
    # Every criterion: casualties by sex and age, services reaching girls and women, a
    # service of socio-economic inclusion, and French text naming women and girls.
    made["sdn24"] = accept(
        build_report(
            state("SDN"),
            2024,
            casualties=[casualty("female", "child", 2), casualty("male", "adult", 5, "injured")],
            victim_services=[
                service("rehabilitation", girls=3, women=10),
                service("inclusion", description="Microcrédits"),
            ],
            other_matters="Les femmes et les filles rescapées reçoivent un appui.",
        )
    )
    # Sex only in one figure, age only in another: not disaggregated by both. A service
    # with no one counted. Arabic text mentioning gender (النوع الاجتماعي) in Form F.
    zwe = build_report(
        state("ZWE"),
        2024,
        casualties=[casualty("female", "unknown"), casualty("unknown", "adult", 2)],
        victim_services=[service("psychological", description="Counselling")],
        programmes=[programme("إزالة الألغام مع مراعاة النوع الاجتماعي في فرق المسح.")],
    )
    zwe.visibility = "parties"
    made["zwe24"] = accept(zwe)
    # Nothing: no casualties, no services, and French words that are not what they look
    # like ("ce genre de" is "this kind of", "l'emploi de mines" is "the use of mines"); a
    # socio-economic keyword in Spanish.
    made["col24"] = accept(
        build_report(
            state("COL"),
            2024,
            programmes=[programme("Ce genre de mines est détruit sur place.")],
            warning_measures=[
                FormIWarning(
                    area="Antioquia",
                    measure="marking",
                    date=day("2024-05-01"),
                    description="Prévenir l’emploi de mines artisanales.",
                )
            ],
            other_matters="La liberación de tierras restablece los medios de vida rurales.",
        )
    )
    # Version 1 of Sudan's 2023 report counts for casualties and gender; version 2 (the
    # one accepted last) for nothing.
    sdn23_v1 = accept(
        build_report(
            state("SDN"),
            2023,
            casualties=[casualty("female", "child")],
            other_matters="Gender equality in mine action teams.",
        )
    )
    sdn23_v2 = amend(sdn23_v1)
    sdn23_v2.casualties = [casualty("unknown", "unknown", 4)]
    sdn23_v2.other_matters = "Corrected figures."
    made["sdn23_v1"], made["sdn23"] = sdn23_v1, accept(sdn23_v2)
    # Bosnia and Herzegovina: Form F mentions gender in 2023; the 2024 report marks Form F
    # unchanged since 2023, so it reads (and counts) the same.
    made["bih23"] = accept(
        build_report(state("BIH"), 2023, programmes=[programme("Gender-balanced survey teams.")])
    )
    made["bih24"] = accept(build_report(state("BIH"), 2024, cover={"F": ("unchanged", 2023)}))
    # Never counted: a draft, a report in review, and a draft amendment of an accepted one.
    khm_rows = {
        "casualties": [casualty("male", "child")],
        "victim_services": [service(boys=4)],
        "other_matters": "Women deminers.",
    }
    build_report(state("KHM"), 2023, **khm_rows).save()
    workflow = Workflow.objects.get(name="ISU review")
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Article7Report),
        defaults={"workflow": workflow},
    )
    in_review = build_report(state("KHM"), 2024, **khm_rows)
    in_review.save()
    in_review.save_revision(user=fp_sudan)
    workflow.start(in_review, fp_sudan)
    draft_amendment = amend(made["col24"])
    draft_amendment.casualties = [casualty("female", "adult")]
    draft_amendment.save()
    return made


def explained(fact) -> dict[str, list[str]]:
    """Why a report counts, per criterion; and it has reasons exactly when it counts."""
    reasons = {criterion: [str(r) for r in fact.reasons(criterion)] for criterion in ALL}
    assert {c for c, found in reasons.items() if found} == fact.matches
    return reasons


def pks(facts) -> set[int]:
    return {fact.report.pk for fact in facts}


# --- The figures -------------------------------------------------------------------------


def test_known_answers_per_year_and_region(reports):
    result = compute()
    assert result.years == [2023, 2024]
    assert [code for code, _label in result.regions] == [
        "africa",
        "americas",
        "asia",
        "europe",
        "oceania",
    ]

    def figures(criterion, year):
        return {
            region or "all": (f.counted, f.total)
            for region, f in (
                (region, result.figure(criterion, year, region))
                for region in ("africa", "americas", "asia", "europe", "")
            )
        }

    assert figures(SEX_AGE, 2024) == {
        "africa": (1, 2),
        "americas": (0, 1),
        "asia": (0, 0),
        "europe": (0, 1),
        "all": (1, 4),
    }
    assert figures(VA_REACH, 2024) == {
        "africa": (1, 2),
        "americas": (0, 1),
        "asia": (0, 0),
        "europe": (0, 1),
        "all": (1, 4),
    }
    assert figures(SOCIO_ECONOMIC, 2024) == {
        "africa": (1, 2),
        "americas": (1, 1),
        "asia": (0, 0),
        "europe": (0, 1),
        "all": (2, 4),
    }
    assert figures(GENDER_DIVERSITY, 2024) == {
        "africa": (2, 2),
        "americas": (0, 1),
        "asia": (0, 0),
        "europe": (1, 1),
        "all": (3, 4),
    }
    for criterion in (SEX_AGE, VA_REACH, SOCIO_ECONOMIC):
        assert result.figure(criterion, 2023).counted == 0
    assert (result.figure(GENDER_DIVERSITY, 2023).counted, result.figure(SEX_AGE, 2023).total) == (
        1,
        2,
    )
    # All years together.
    assert [(result.figure(c).counted, result.figure(c).total) for c in ALL] == [
        (1, 6),
        (1, 6),
        (2, 6),
        (4, 6),
    ]


def test_the_reports_behind_each_figure(reports):
    result = compute()
    assert pks(result.reports(SEX_AGE, 2024)) == {reports["sdn24"].pk}
    assert pks(result.reports(SEX_AGE, 2024, counted=False)) == {
        reports["zwe24"].pk,
        reports["col24"].pk,
        reports["bih24"].pk,
    }
    assert pks(result.reports(GENDER_DIVERSITY, 2024, "africa")) == {
        reports["sdn24"].pk,
        reports["zwe24"].pk,
    }
    assert pks(result.reports(SOCIO_ECONOMIC)) == {reports["sdn24"].pk, reports["col24"].pk}
    assert pks(result.reports(GENDER_DIVERSITY)) == {
        reports["sdn24"].pk,
        reports["zwe24"].pk,
        reports["bih23"].pk,
        reports["bih24"].pk,
    }


def test_why_each_report_counts(reports):
    facts = {fact.report.pk: explained(fact) for fact in compute().facts}
    assert len(facts) == 6
    sudan = facts[reports["sdn24"].pk]
    assert sudan[SEX_AGE] == [
        "Form J casualties by sex and age: Killed · Female · Child (under 18): 2, "
        "Injured · Male · Adult: 5"
    ]
    assert sudan[VA_REACH] == ["Physical rehabilitation: girls 3, boys 0, women 10, men 0"]
    assert sudan[SOCIO_ECONOMIC] == [
        "Form J service of social and economic inclusion: 0 people reached"
    ]
    assert sudan[GENDER_DIVERSITY] == [
        "Form J: other relevant matters: «Les femmes et les filles rescapées reçoivent un appui.»"
    ]
    zimbabwe = facts[reports["zwe24"].pk]
    assert zimbabwe[GENDER_DIVERSITY] == [
        "Form F: methods: «إزالة الألغام مع مراعاة النوع الاجتماعي في فرق المسح.»"
    ]
    assert zimbabwe[SEX_AGE] == zimbabwe[VA_REACH] == zimbabwe[SOCIO_ECONOMIC] == []
    colombia = facts[reports["col24"].pk]
    assert colombia[GENDER_DIVERSITY] == []
    assert colombia[SOCIO_ECONOMIC] == [
        "Form J: other relevant matters: "
        "«La liberación de tierras restablece los medios de vida rurales.»"
    ]
    bosnia = facts[reports["bih24"].pk]
    assert bosnia[GENDER_DIVERSITY] == [
        "Form F: methods (carried forward from the report for 2023): "
        "«Gender-balanced survey teams.»"
    ]


def test_drafts_and_reports_in_review_are_not_counted(reports):
    result = compute()
    counted = pks(result.facts)
    in_progress = Article7Report.objects.filter(live=False)
    assert in_progress.count() == 3  # Cambodia's draft and its report in review, an amendment
    assert not counted & set(in_progress.values_list("pk", flat=True))
    assert result.figure(SEX_AGE, region="asia").total == 0
    # Colombia's draft amendment gives casualties by sex and age; its accepted report none.
    assert result.figure(SEX_AGE, 2024, "americas").counted == 0


def test_a_newer_accepted_version_replaces_the_old(reports):
    result = compute()
    counted = pks(result.facts)
    assert reports["sdn23"].pk in counted and reports["sdn23_v1"].pk not in counted
    assert result.figure(SEX_AGE, 2023, "africa").total == 1
    assert result.figure(SEX_AGE, 2023, "africa").counted == 0  # version 1 did
    assert result.figure(GENDER_DIVERSITY, 2023, "africa").counted == 0  # version 1 did


def test_filters_by_years_and_region(reports):
    later = compute(year_from=2024)
    assert later.years == [2024]
    # Bosnia's 2024 report still reads Form F from its 2023 report, outside the range.
    assert later.figure(GENDER_DIVERSITY).counted == 3 and later.figure(GENDER_DIVERSITY).total == 4
    earlier = compute(year_to=2023)
    assert earlier.years == [2023]
    assert earlier.figure(GENDER_DIVERSITY).total == 2
    africa = compute(region="africa")
    assert [code for code, _label in africa.regions] == ["africa"]
    assert (africa.figure(GENDER_DIVERSITY).counted, africa.figure(GENDER_DIVERSITY).total) == (
        2,
        3,
    )
    wide = compute(year_from=2020, year_to=2024)
    assert wide.years == [2020, 2021, 2022, 2023, 2024]
    assert wide.figure(SEX_AGE, 2021).total == 0


def test_an_initial_report_counts_in_the_year_it_fell_due(db):
    palestine = state("PSE")
    report = accept(build_report(palestine, None, casualties=[casualty("male", "adult")]))
    result = compute()
    assert result.years == [report.reference_year]
    assert result.figure(SEX_AGE, report.reference_year).counted == 1


# --- Keywords ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "criterion", "found"),
    [
        ("Gender-sensitive risk education", GENDER_DIVERSITY, True),
        ("Damage to the road; the age of the mines", GENDER_DIVERSITY, False),
        ("Age-appropriate messages", GENDER_DIVERSITY, True),
        ("Approche genre et diversité", GENDER_DIVERSITY, True),
        ("Ce genre d’engins", GENDER_DIVERSITY, False),
        ("Personas con discapacidad", GENDER_DIVERSITY, True),
        ("النساء والفتيات", GENDER_DIVERSITY, True),
        ("للأشخاص ذوي الإعاقة", GENDER_DIVERSITY, True),
        ("المعوقات والتحديات في المناطق العمرانية", GENDER_DIVERSITY, False),
        ("Гендерные аспекты разминирования", GENDER_DIVERSITY, True),
        ("Возрастание числа операторов", GENDER_DIVERSITY, False),
        ("妇女和女童", GENDER_DIVERSITY, True),
        ("Moyens de subsistance des rescapés", SOCIO_ECONOMIC, True),
        ("L'emploi de mines antipersonnel", SOCIO_ECONOMIC, False),
        ("الفقرة 1 من المادة 7", SOCIO_ECONOMIC, False),
        ("مكافحة الفقر", SOCIO_ECONOMIC, True),
        ("Социально-экономическая интеграция", SOCIO_ECONOMIC, True),
        ("可持续发展目标", SOCIO_ECONOMIC, True),
        ("An odd number of mines", SOCIO_ECONOMIC, False),
    ],
)
def test_keywords_in_six_languages(text, criterion, found):
    from reporting.crosscutting import MATCHERS

    assert bool(MATCHERS[criterion].search(fold(text))) is found


def test_an_excerpt_keeps_the_original_text_around_the_keyword():
    from reporting.crosscutting import MATCHERS, _excerpt

    text = "Première phrase assez longue pour être coupée. " * 3 + "Égalité entre les sexes."
    found = MATCHERS[GENDER_DIVERSITY].search(fold(text))
    excerpt = _excerpt(text, found.start(), found.end())
    assert excerpt.startswith("…") and excerpt.endswith("Égalité entre les sexes.")


# --- Queries --------------------------------------------------------------------------------


def _accepted(iso3, year, **rows):
    return accept(
        build_report(
            state(iso3),
            year,
            casualties=[casualty("female", "child")],
            victim_services=[service(girls=1)],
            programmes=[programme("Gender.")],
            warning_measures=[
                FormIWarning(
                    area="North", measure="marking", date=day(f"{year}-03-01"), description="x"
                )
            ],
            **rows,
        )
    )


def test_the_number_of_queries_does_not_grow_with_states_and_years(
    db, django_assert_max_num_queries
):
    def queries(**filters) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            total = compute(**filters).figure(SEX_AGE).total
        return total, len(captured)

    _accepted("SDN", 2023)
    _accepted("ZWE", 2024, cover={"F": ("unchanged", 2023)})
    all_two, from_2023_two = queries(), queries(year_from=2023)
    for iso3, year in (("COL", 2022), ("BIH", 2023), ("KHM", 2024), ("SDN", 2024)):
        _accepted(iso3, year, cover={"F": ("unchanged", year - 1)})
    all_six, from_2023_six = queries(), queries(year_from=2023)
    assert all_two[0] == 2 and all_six[0] == 6
    assert from_2023_two[0] == 2 and from_2023_six[0] == 5
    assert all_two[1] == all_six[1]
    assert from_2023_two[1] == from_2023_six[1]
    with django_assert_max_num_queries(7):
        compute()
    # Within a range, the earlier reports an unchanged form is read from: as many again.
    with django_assert_max_num_queries(14):
        compute(year_from=2023, region="africa")


# --- The pages -----------------------------------------------------------------------------


def table_links(html: str, criterion: str) -> dict[tuple[str, str], str]:
    """{(year row, column index): link} of a criterion's table."""
    table = re.search(
        rf'<table class="listing" data-criterion="{criterion}">(.*?)</table>', html, re.S
    )
    links = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if not head:
            continue
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        for index, cell in enumerate(cells):
            link = re.search(r'<a href="([^"]+)">(\d+) / (\d+)</a>', cell)
            links[(head.group(1).strip(), index)] = (
                (link.group(1).replace("&amp;", "&"), int(link.group(2)), int(link.group(3)))
                if link
                else None
            )
    return links


def listed(client, url: str) -> set[int]:
    response = client.get(url)
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'data-report="(\d+)"', response.content.decode())}


def test_the_isu_sees_the_tables_and_each_figure_leads_to_its_reports(client, isu_user, reports):
    login(client, isu_user)
    response = client.get(reverse("reporting_crosscutting"))
    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Casualties by sex and age",
        "Victim assistance reaching women, girls, boys and men",
        "Socio-economic impact or inclusion",
        "Gender and diversity in plans",
    ):
        assert title in html
    # Columns: Africa, Americas, Asia, Europe, Oceania, all regions.
    gender = table_links(html, GENDER_DIVERSITY)
    url, counted, total = gender[("2024", 0)]
    assert (counted, total) == (2, 2)
    assert listed(client, url) == {reports["sdn24"].pk, reports["zwe24"].pk}
    url, counted, total = gender[("2024", 5)]
    assert (counted, total) == (3, 4)
    assert listed(client, url) == {reports[k].pk for k in ("sdn24", "zwe24", "bih24")}
    assert gender[("2024", 2)] is None  # no report from Asia
    url, counted, total = gender[("All years", 5)]
    assert (counted, total) == (4, 6)
    assert listed(client, url) == {reports[k].pk for k in ("sdn24", "zwe24", "bih23", "bih24")}
    sex_age = table_links(html, SEX_AGE)
    url, counted, total = sex_age[("2024", 5)]
    assert (counted, total) == (1, 4)
    assert listed(client, url) == {reports["sdn24"].pk}
    # The other reports of the figure's N.
    others = client.get(url).content.decode()
    other_url = re.search(r'<a href="([^"]+)">The accepted reports that do not count', others)
    assert listed(client, other_url.group(1).replace("&amp;", "&")) == {
        reports[k].pk for k in ("zwe24", "col24", "bih24")
    }
    url, counted, total = sex_age[("2023", 0)]
    assert (counted, total) == (0, 1)
    assert listed(client, url) == set()


def test_a_report_links_to_its_public_page_or_to_the_admin(client, isu_user, reports):
    login(client, isu_user)
    query = "?criterion=gender_diversity&year=2024&region=africa"
    html = client.get(reverse("reporting_crosscutting_reports") + query).content.decode()
    sudan, zimbabwe = reports["sdn24"], reports["zwe24"]
    inspect = "wagtailsnippets_reporting_article7report:inspect"
    assert f'href="{public_path(sudan)}"' in html
    assert f'href="{reverse(inspect, args=[sudan.pk])}"' in html
    assert f'href="{reverse(inspect, args=[zimbabwe.pk])}"' in html
    assert public_path(zimbabwe) not in html  # restricted: not a public page
    assert "النوع الاجتماعي" in html  # why it counts
    assert client.get(reverse(inspect, args=[zimbabwe.pk])).status_code == 200


def test_the_filters_apply_to_the_page_links_and_csv(client, isu_user, reports):
    login(client, isu_user)
    html = client.get(reverse("reporting_crosscutting"), {"year_from": 2024, "region": "europe"})
    html = html.content.decode()
    gender = table_links(html, GENDER_DIVERSITY)
    assert set(gender) == {("2024", 0), ("2024", 1), ("All years", 0), ("All years", 1)}
    url, counted, total = gender[("All years", 1)]
    assert (counted, total) == (1, 1)
    assert parse_qs(urlsplit(url).query) == {
        "year_from": ["2024"],
        "region": ["europe"],
        "criterion": [GENDER_DIVERSITY],
    }
    assert listed(client, url) == {reports["bih24"].pk}
    csv_link = re.search(r'href="([^"]*figures\.csv[^"]*)"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(csv_link).query) == {"year_from": ["2024"], "region": ["europe"]}


def test_the_csv_gives_every_figure(client, isu_user, reports):
    login(client, isu_user)
    response = client.get(reverse("reporting_crosscutting_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    figures = {
        (row["criterion"], row["year"], row["region"]): (
            int(row["reports_counted"]),
            int(row["reports"]),
        )
        for row in rows
    }
    assert len(rows) == 4 * 3 * 6  # criteria × (2023, 2024, all years) × (5 regions + all)
    assert figures[(GENDER_DIVERSITY, "2024", "africa")] == (2, 2)
    assert figures[(GENDER_DIVERSITY, "all", "all")] == (4, 6)
    assert figures[(SEX_AGE, "2024", "all")] == (1, 4)
    assert figures[(SOCIO_ECONOMIC, "2024", "americas")] == (1, 1)
    assert figures[(VA_REACH, "2023", "asia")] == (0, 0)


def test_csv_cells_cannot_run_as_formulas():
    assert [formula_safe(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "Africa", 3)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "Africa",
        "3",
    ]


@pytest.mark.parametrize("who", ["focal_point", "no_group", "anonymous"])
def test_only_the_isu_gets_the_figures(client, who, fp_sudan, reports):
    if who == "focal_point":
        login(client, fp_sudan)
    elif who == "no_group":
        login(client, make_user(email="nobody@example.org"))
    urls = [
        reverse("reporting_crosscutting"),
        reverse("reporting_crosscutting_csv"),
        reverse("reporting_crosscutting_reports") + "?criterion=sex_age&year=2024",
    ]
    for url in urls:
        response = client.get(url)
        text = response.content.decode(errors="replace")
        assert "Sudan" not in text and "reports_counted" not in text
        if who == "focal_point":
            # Wagtail's admin turns the 403 into a redirect to the dashboard.
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert response.url == reverse("wagtailadmin_home")
        else:
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))


def test_the_menu_shows_the_figures_to_the_isu_only(client, isu_user, fp_sudan):
    login(client, isu_user)
    assert (
        reverse("reporting_crosscutting")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    login(client, fp_sudan)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reporting_crosscutting") not in home
    assert reverse("wagtailsnippets_reporting_article7report:list") in home  # the group stays


def test_an_unknown_criterion_is_not_found(client, isu_user):
    login(client, isu_user)
    url = reverse("reporting_crosscutting_reports") + "?criterion=nothing"
    assert client.get(url).status_code == 404
