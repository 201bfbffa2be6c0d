"""Every validation rule of the country page blocks, and the editor-facing metadata."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from country_pages import blocks
from tests.factories import StatePartyFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year


def clean(block, raw):
    return block.clean(block.to_python(raw))


def errors_of(block, raw) -> dict:
    """Field errors ({field: [messages]}) and non-field errors ("__all__")."""
    with pytest.raises(ValidationError) as caught:
        clean(block, raw)
    error = caught.value
    result = {}
    for name, child in getattr(error, "block_errors", {}).items():
        result[name] = child.messages if hasattr(child, "messages") else [str(child)]
    non_block = getattr(error, "non_block_errors", None)
    if non_block:
        result["__all__"] = [str(e) for e in non_block.as_data()[0]] if non_block else []
    if not result:
        result["__all__"] = error.messages
    return result


# --- National context ---------------------------------------------------------------


def test_casualty_year_must_be_plausible():
    assert "year" in errors_of(blocks.CasualtyYearBlock(), {"year": 1850, "killed": 1})
    assert "year" in errors_of(blocks.CasualtyYearBlock(), {"year": THIS_YEAR + 1, "killed": 1})
    clean(blocks.CasualtyYearBlock(), {"year": THIS_YEAR, "killed": 1})


def test_casualty_breakdown_cannot_exceed_total():
    raw = {"year": 2017, "killed": 2, "injured": 3, "women": 4, "boys": 2}
    assert (
        "larger than the number killed and injured"
        in errors_of(blocks.CasualtyYearBlock(), raw)["unknown"][0]
    )
    clean(
        blocks.CasualtyYearBlock(), {"year": 2017, "killed": 2, "injured": 3, "women": 4, "boys": 1}
    )


def test_casualty_counts_cannot_be_negative():
    assert "killed" in errors_of(blocks.CasualtyYearBlock(), {"year": 2017, "killed": -1})


def test_casualty_years_appear_once():
    block = blocks.CasualtiesBlock()
    with pytest.raises(ValidationError, match="only once"):
        clean(block, [{"year": 2017, "killed": 1}, {"year": 2017, "killed": 2}])


# --- Priorities ------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1980, THIS_YEAR + 31])
def test_priority_target_year_must_be_plausible(year):
    assert "target_year" in errors_of(
        blocks.PriorityBlock(), {"text": "Survey", "target_year": year}
    )


def test_priority_target_year_within_horizon_is_accepted():
    clean(blocks.PriorityBlock(), {"text": "Survey", "target_year": THIS_YEAR + 30})


# --- Needs ------------------------------------------------------------------------------


def test_funding_gap_needs_a_currency():
    raw = {"description": "<p>Teams</p>", "funding_gap": "1000", "currency": ""}
    assert "currency" in errors_of(blocks.ClearanceNeedBlock(), raw)


@pytest.mark.parametrize(
    ("block", "field", "value"),
    [
        (blocks.ClearanceNeedBlock(), "area_remaining_m2", blocks.MAX_AREA_M2 + 1),
        (blocks.RiskEducationNeedBlock(), "people_to_reach", blocks.MAX_PEOPLE + 1),
        (blocks.VictimAssistanceNeedBlock(), "people_to_reach", blocks.MAX_PEOPLE + 1),
        (blocks.StockpileNeedBlock(), "mines_to_destroy", blocks.MAX_MINES + 1),
        (blocks.LegislationNeedBlock(), "funding_gap", str(blocks.MAX_MONEY + 1)),
    ],
)
def test_quantities_must_be_plausible(block, field, value):
    raw = {"description": "<p>x</p>", field: value, "currency": "USD"}
    assert field in errors_of(block, raw)


def test_one_block_per_theme_except_other():
    stream = blocks.NeedsStreamBlock()
    clearance = {"type": "clearance", "value": {"description": "<p>x</p>"}}
    with pytest.raises(ValidationError):
        clean(stream, [clearance, clearance])
    other = {
        "type": "other",
        "value": {"title": "Information management", "description": "<p>x</p>"},
    }
    clean(stream, [clearance, other, other])


# --- Maps -------------------------------------------------------------------------------


def map_raw(**overrides):
    from tests.country_pages.test_pages import make_image

    raw = {
        "image": make_image().pk,
        "caption": "Map",
        "text_alternative": "What it shows",
        "source": "National authority",
        "date": "2018-01-01",
        "data_tool_url": "",
    }
    raw.update(overrides)
    return raw


def test_map_date_cannot_be_in_the_future():
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    assert "date" in errors_of(blocks.MapBlock(), map_raw(date=future))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/x",
        "file:///etc/passwd",
    ],
)
def test_map_data_tool_accepts_only_http_urls(url):
    assert "data_tool_url" in errors_of(blocks.MapBlock(), map_raw(data_tool_url=url))


def test_map_data_tool_https_is_accepted():
    clean(blocks.MapBlock(), map_raw(data_tool_url="https://imsma.example.org/dashboard"))


# --- Individualised approach -------------------------------------------------------------


def event_raw(**overrides):
    raw = {
        "date": "2018-06-07",
        "date_precision": "day",
        "end_date": None,
        "place": "Geneva",
        "kind": "launch",
        "summary": "Launch",
        "documents": [],
    }
    raw.update(overrides)
    return raw


def test_event_end_cannot_precede_start():
    assert "end_date" in errors_of(blocks.EventBlock(), event_raw(end_date="2018-06-06"))
    clean(blocks.EventBlock(), event_raw(end_date="2018-06-08"))


@pytest.mark.parametrize("date", ["1970-01-01", f"{THIS_YEAR + 6}-01-01"])
def test_event_date_must_be_plausible(date):
    assert "date" in errors_of(blocks.EventBlock(), event_raw(date=date))


def test_individualised_approach_needs_an_event_or_highlight():
    errors = errors_of(blocks.IndividualisedApproachBlock(), {"events": [], "highlights": []})
    assert "Add at least one event or highlight." in str(errors)


# --- Partnerships -------------------------------------------------------------------------


def test_project_cannot_end_before_it_starts():
    raw = {"title": "Survey", "start_year": 2019, "end_year": 2018, "currency": "USD"}
    assert "end_year" in errors_of(blocks.ProjectBlock(), raw)


def test_project_funding_needs_currency():
    raw = {"title": "Survey", "start_year": 2019, "funding": "500", "currency": ""}
    assert "currency" in errors_of(blocks.ProjectBlock(), raw)


def test_assisting_state_listed_once():
    state = StatePartyFactory()
    item = {"state": state.pk, "support": "", "themes": []}
    raw = {"assisting_states": [item, item], "organisations": [], "projects": [], "stories": []}
    assert "assisting_states" in errors_of(blocks.PartnershipsBlock(), raw)


# --- Contacts ---------------------------------------------------------------------------------


def contact_raw(**overrides):
    raw = {
        "role": "national_authority",
        "organisation": "Centre",
        "name": "",
        "position": "",
        "email": "info@example.org",
        "phone": "",
        "address": "",
    }
    raw.update(overrides)
    return raw


def test_contact_email_must_be_valid():
    assert "email" in errors_of(blocks.ContactBlock(), contact_raw(email="not-an-email"))


@pytest.mark.parametrize("phone", ["call me", "<script>", "12"])
def test_contact_phone_must_look_like_a_phone_number(phone):
    assert "phone" in errors_of(blocks.ContactBlock(), contact_raw(phone=phone))


def test_contact_phone_formats_accepted():
    clean(blocks.ContactBlock(), contact_raw(phone="+41 (22) 730-93.11 ext. 12"))


def test_contact_needs_a_way_to_reach_it():
    errors = errors_of(blocks.ContactBlock(), contact_raw(email=""))
    assert "at least an email, a phone number or an address" in str(errors)


# --- Resources ---------------------------------------------------------------------------------


def test_resource_needs_exactly_one_target():
    from tests.country_pages.test_pages import make_document

    neither = {"kind": "other", "title": "Link", "url": "", "document": None}
    both = {
        "kind": "other",
        "title": "Link",
        "url": "https://example.org",
        "document": make_document().pk,
    }
    assert "either a web address or a document" in str(
        errors_of(blocks.ResourceLinkBlock(), neither)
    )
    assert "either a web address or a document" in str(errors_of(blocks.ResourceLinkBlock(), both))


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4="]
)
def test_resource_refuses_script_urls(url):
    raw = {"kind": "other", "title": "Link", "url": url, "document": None}
    errors = errors_of(blocks.ResourceLinkBlock(), raw)
    assert errors["url"] == ["Enter a web address starting with http:// or https://."]


# --- The body ------------------------------------------------------------------------------------


def test_each_annex_section_appears_at_most_once():
    body = blocks.CountryPageBodyBlock()
    section = {"type": "status_of_implementation", "value": {"note": "x"}}
    with pytest.raises(ValidationError):
        clean(body, [section, section])
    clean(body, [section])


def test_body_offers_exactly_the_annex_sections_in_order():
    assert list(blocks.CountryPageBodyBlock().child_blocks) == [
        "national_context",
        "status_of_implementation",
        "priorities",
        "needs_and_challenges",
        "maps",
        "individualised_approach",
        "partnerships",
        "offers",  # not an annex section: what the State offers to others
        "contact_information",
        "additional_resources",
    ]


@pytest.mark.parametrize("name", list(blocks.CountryPageBodyBlock().child_blocks))
def test_every_section_has_icon_description_and_a_rendering_preview(name, rf: RequestFactory):
    block = blocks.CountryPageBodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert len(str(block.get_description())) > 20
    assert block.meta.template
    assert block.is_previewable
    value = block.get_preview_value()
    html = block.render(value, context={"request": rf.get("/")})
    assert html.strip()


def test_upcoming_event_within_five_years_is_accepted():
    clean(blocks.EventBlock(), event_raw(date=f"{THIS_YEAR + 5}-03-01"))


def test_annex_sections_are_named_in_the_editor_not_yes_or_no():
    """The editor's block headers and minimap show each section's name, not the value of
    its "illustrative" tick box."""
    from wagtail.admin.telepath import JSContext

    from country_pages.blocks import CountryPageBodyBlock

    body = CountryPageBodyBlock()
    context = JSContext()
    for name, block in body.child_blocks.items():
        meta = context.pack(block)["_args"][2]
        assert meta.get("labelFormat") == "", name
        assert meta["label"] and meta["label"] not in ("Yes", "No"), name
