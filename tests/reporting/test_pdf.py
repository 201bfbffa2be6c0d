"""The PDF of a report: made by WeasyPrint in the report's language, with text a reader
can select and search, in the right script and the right fonts, and nothing fetched."""

import io
import logging
import re
import unicodedata

import pytest
from pypdf import PdfReader

from reporting.models import (
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
)
from reporting.pdf import html_to_pdf, render_pdf
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

# What a State writes, in the report's language.
ANSWERS = {
    "en": {
        "area": "Northern border area",
        "law": "Anti-Personnel Mines Prohibition Act",
        "matters": "A national mine action strategy was adopted.",
    },
    "fr": {
        "area": "Zone de la frontière nord",
        "law": "Loi portant interdiction des mines antipersonnel",
        "matters": "Une stratégie nationale de lutte antimines a été adoptée.",
    },
    "ar": {
        "area": "منطقة الحدود الشمالية",
        "law": "قانون حظر الألغام المضادة للأفراد",
        "matters": "اعتمدت استراتيجية وطنية للأعمال المتعلقة بالألغام.",
    },
    "zh-hans": {
        "area": "北部边境地区",
        "law": "禁止杀伤人员地雷法",
        "matters": "通过了国家排雷行动战略。",
    },
}
# The registry's name of the State and the form A label, as the catalogs translate them.
LABELS = {
    "en": ("Sudan", "A. National implementation measures"),
    "fr": ("Soudan", "A. Mesures d'application nationales"),
    "ar": ("السودان", "تدابير التنفيذ الوطنية"),
    "zh-hans": ("苏丹", "国家执行措施"),
}


def full_report(state, mine_type, language: str, *, areas: int = 1, **answers):
    """An accepted report for 2023 with every form A–J filled in."""
    text = ANSWERS[language] | answers
    mined_areas = []
    for number in range(areas):
        name = text["area"] if number == 0 else f"{text['area']} {number + 1}"
        area = FormCMinedArea(name=name, region="Blue Nile", status="confirmed", size_m2=45_000)
        area.mines = [FormCAreaMine(mine_type=mine_type, estimated_quantity=12)]
        mined_areas.append(area)
    report = build_report(
        state,
        2023,
        measures=[
            FormAMeasure(kind="legislation", title=text["law"], adopted_on=day("2003-06-01"))
        ],
        stockpiles=[FormBStockpile(mine_type=mine_type, quantity=700, holder="Army")],
        mined_areas=mined_areas,
        land_releases=[FormCLandRelease(region="Blue Nile", cleared_m2=5_000, mines_destroyed=4)],
        retained=[
            FormDRetained(
                institution="Engineers' school",
                mine_type=mine_type,
                quantity_start=60,
                quantity_end=50,
                used=10,
                purpose="Training",
            )
        ],
        facilities=[
            FormEFacility(
                facility="Factory 3", action="decommissioning", status="completed", date=None
            )
        ],
        programmes=[FormFProgramme(article="article_5", status="in_progress", methods="Manual")],
        destroyed=[
            FormGDestroyed(year=2023, source="article_4", mine_type=mine_type, quantity=250)
        ],
        characteristics=[FormHCharacteristics(mine_type=mine_type, fusing="Pressure")],
        warning_measures=[
            FormIWarning(area="Blue Nile", measure="marking", date=day("2023-03-01"), men=5)
        ],
        casualties=[
            FormJCasualties(
                outcome="injured", sex="male", age_group="adult", status="civilian", number=3
            )
        ],
        victim_services=[FormJVictimService(service="rehabilitation", women=2)],
        cooperation=[
            FormJCooperation(
                direction="received",
                partner="Norway",
                amount=100_000,
                currency="USD",
                year=2023,
                theme="survey_clearance",
            )
        ],
    )
    report.language = language
    report.submitted_on = day("2024-04-02")
    report.other_matters = text["matters"]
    return accept(report)


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    return reader


def text_of(reader: PdfReader) -> str:
    """The text a reader copies, presentation forms mapped back to letters (NFKC) and
    lines joined."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def font_names(reader: PdfReader) -> set[str]:
    """The embedded fonts' names, without the subset prefix ("ABCDEF+")."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def count(text: str, first: int, last: int) -> int:
    return sum(first <= ord(char) <= last for char in text)


ARABIC = (0x0600, 0x06FF)
CJK = (0x4E00, 0x9FFF)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_pdf_in_a_latin_script_language(sudan, pmn2, language):
    report = full_report(sudan, pmn2, language)
    reader = read(render_pdf(report))
    text = text_of(reader)
    state, form_a = LABELS[language]
    assert state in text
    assert form_a in text
    for answer in ANSWERS[language].values():
        assert answer in text
    assert "PMN-2" in text
    assert reader.metadata.title.startswith(state)
    assert reader.trailer["/Root"]["/Lang"] == language
    assert {"Noto-Sans", "Noto-Sans-Bold"} <= font_names(reader)


def test_french_pdf_speaks_french(sudan, pmn2):
    text = text_of(read(render_pdf(full_report(sudan, pmn2, "fr"))))
    assert "Accepté" in text  # the ISU's acceptance, in French
    assert "Page 1 sur" in text  # the footer's page numbers, in French
    assert "Zone de la frontière nord" in text


def test_arabic_pdf_is_shaped_arabic_in_an_arabic_font(sudan, pmn2):
    report = full_report(sudan, pmn2, "ar")
    reader = read(render_pdf(report))
    text = text_of(reader)
    # Mostly Arabic letters, as letters (NFKC maps the shaped presentation forms back).
    assert count(text, *ARABIC) > 300
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert reader.metadata.title.startswith(LABELS["ar"][0])
    assert "Noto-Naskh-Arabic" in font_names(reader)
    # Every word of the State's name, the form's label and the answers is there (the
    # extraction may order the words of a right-to-left line differently).
    words = " ".join([*LABELS["ar"], *ANSWERS["ar"].values()]).replace(".", "").split()
    missing = [word for word in words if word not in text]
    assert missing == []


def test_chinese_pdf_is_chinese_in_a_cjk_font(sudan, pmn2):
    report = full_report(sudan, pmn2, "zh-hans")
    reader = read(render_pdf(report))
    text = text_of(reader).replace(" ", "")
    assert count(text, *CJK) > 200
    for expected in [*LABELS["zh-hans"], *ANSWERS["zh-hans"].values()]:
        assert expected in text
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hans"
    assert any(name.startswith("Noto-Sans-CJK-SC") for name in font_names(reader))


def test_long_tables_run_over_pages_with_their_header_row_repeated(sudan, pmn2):
    reader = read(render_pdf(full_report(sudan, pmn2, "en", areas=60)))
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    with_areas = [text for text in pages if "Northern border area" in text]
    assert len(with_areas) >= 2
    for text in with_areas:
        assert "Area name or code" in text  # the column headers, on every page
    # The sum of the 60 areas, once, after the last one.
    totals = [number for number, text in enumerate(pages) if "2,700,000" in text]
    assert totals == [max(number for number, text in enumerate(pages) if text in with_areas)]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_the_pdf_leaves_out_the_point_of_contacts_personal_details(sudan, pmn2):
    text = text_of(read(render_pdf(full_report(sudan, pmn2, "en"))))
    assert "National Mine Action Authority" in text  # the organisation is shown
    assert "A. Focal" not in text
    assert "focal.point@example.org" not in text


def test_a_draft_is_marked_as_a_draft(sudan, pmn2):
    report = build_report(sudan, 2023)
    report.save()
    text = text_of(read(render_pdf(report)))
    assert "Draft" in text
    assert "Accepted" not in text


def test_markup_typed_in_an_answer_is_text_and_nothing_is_fetched(sudan, pmn2, caplog):
    typed = '<script>alert(1)</script><img src="http://example.org/x.png">'
    report = full_report(sudan, pmn2, "en", area=typed)
    with caplog.at_level(logging.WARNING):
        text = text_of(read(render_pdf(report)))
    assert "<script>alert(1)</script>" in text.replace(" ", "")
    assert '<imgsrc="http://example.org/x.png">' in text.replace(" ", "")
    # The fetcher was asked for nothing (it logs what it refuses, WeasyPrint what fails).
    assert not [r for r in caplog.records if r.name.startswith(("reporting.pdf", "weasyprint"))]


def test_the_renderer_refuses_network_and_file_urls(caplog):
    """Should a URL ever reach the PDF's HTML, it is not fetched: not over the network,
    not from the server's files."""
    html = (
        '<html><body><p>Report</p><img src="http://127.0.0.1:9/tracker.png">'
        '<link rel="stylesheet" href="https://127.0.0.1:9/style.css">'
        '<a rel="attachment" href="file:///etc/hostname">file</a></body></html>'
    )
    with caplog.at_level(logging.WARNING, logger="reporting.pdf"):
        reader = read(html_to_pdf(html))
    refused = [r.args[0] for r in caplog.records if r.name == "reporting.pdf"]
    assert sorted(refused) == [
        "file:///etc/hostname",
        "http://127.0.0.1:9/tracker.png",
        "https://127.0.0.1:9/style.css",
    ]
    assert reader.attachments == {}
    assert "Report" in reader.pages[0].extract_text()
