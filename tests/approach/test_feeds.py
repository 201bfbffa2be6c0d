"""The calendar's iCalendar feed, checked against RFC 5545's rules by a strict reader
(`icalendar` is not a dependency): CRLF lines of at most 75 octets, folded and escaped as
the RFC says, the required properties, whole-day dates, UIDs stable across publishes and
languages. And the Atom feed of upcoming events, valid against RFC 4287's schema in
English, French and Arabic."""

from __future__ import annotations

import re

import pytest

from core.page_cache import bump
from tests.approach.helpers import approach_body, country_with_events, days, event, republish
from tests.feeds.atom import XML_LANG, entries, text, valid_feed

pytestmark = pytest.mark.django_db

PUBLIC = "https://mine-ban.example.org"
ICS = "/{lang}/individualised-approach/calendar.ics"
ATOM = "/{lang}/feeds/events/"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


# --- A strict reader of RFC 5545 ------------------------------------------------------------

NAME = re.compile(r"^[A-Z][A-Z0-9-]*$")


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            following = value[i + 1]
            assert following in "\\;,nN", f"bad escape \\{following} in {value!r}"
            out.append("\n" if following in "nN" else following)
            i += 2
            continue
        assert char not in ";,", f"unescaped {char!r} in TEXT {value!r}"
        out.append(char)
        i += 1
    return "".join(out)


def parse_ics(response) -> tuple[dict, list[dict]]:
    """(calendar properties, [event properties]) after checking the RFC's rules; TEXT
    values unescaped; each property's parameters kept in its name ("DTSTART;VALUE=DATE")."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
    for line in physical:
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
        line.decode("utf-8")  # a fold never splits a UTF-8 sequence
    logical: list[str] = []
    for line in physical:
        text_line = line.decode("utf-8")
        if text_line.startswith(" "):
            assert logical, "a continuation first"
            logical[-1] += text_line[1:]
        else:
            logical.append(text_line)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    calendar: dict = {}
    events: list[dict] = []
    current = None
    for line in logical[1:-1]:
        name, sep, value = line.partition(":")
        assert sep, f"no value: {line!r}"
        bare = name.split(";")[0]
        assert NAME.match(bare), line
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
            continue
        if line == "END:VEVENT":
            events.append(current)
            current = None
            continue
        target = calendar if current is None else current
        assert name not in target, f"{name} twice"
        if bare in ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME"):
            value = unescape(value)
        target[name] = value
    assert current is None
    assert calendar.get("VERSION") == "2.0"
    assert calendar.get("PRODID")
    assert calendar.get("METHOD") == "PUBLISH"
    for item in events:
        for required in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY", "URL", "DESCRIPTION"):
            assert required in item, f"{required} missing from {item}"
        assert re.fullmatch(r"\d{8}T\d{6}Z", item["DTSTAMP"])
        assert re.fullmatch(r"\d{8}", item["DTSTART;VALUE=DATE"])
        if "DTEND;VALUE=DATE" in item:
            assert item["DTEND;VALUE=DATE"] > item["DTSTART;VALUE=DATE"]
        assert item["URL"].startswith(f"{PUBLIC}/")
    return calendar, events


@pytest.fixture
def pages(states_index):
    sudan = country_with_events(
        states_index,
        "SDN",
        event(
            days(20),
            "Khartoum, Sudan; main hall",
            end=days(22),
            summary="Agenda: clearance, victim assistance; a back\\slash.\nSecond line é " * 3,
        ),
        event(days(-300), "Geneva", kind="launch"),
        languages=("fr",),
    )
    zimbabwe = country_with_events(
        states_index, "ZWE", event(days(5).replace(day=1), "Harare", precision="month")
    )
    return sudan, zimbabwe


def test_ical_follows_rfc_5545(client, pages):
    calendar, events = parse_ics(client.get(ICS.format(lang="en")))
    assert len(events) == 3
    khartoum = next(e for e in events if e["LOCATION"].startswith("Khartoum"))
    assert khartoum["LOCATION"] == "Khartoum, Sudan; main hall"
    assert khartoum["SUMMARY"] == "Sudan — Stakeholder meeting"
    assert "a back\\slash.\nSecond line é" in khartoum["DESCRIPTION"]
    assert khartoum["DTSTART;VALUE=DATE"] == days(20).strftime("%Y%m%d")
    assert khartoum["DTEND;VALUE=DATE"] == days(23).strftime("%Y%m%d")  # exclusive end
    assert khartoum["URL"] == f"{PUBLIC}/en/states-parties/sudan/#individualised-approach"
    # Known to the month only: the whole month.
    harare = next(e for e in events if e["LOCATION"] == "Harare")
    assert harare["DTSTART;VALUE=DATE"] == days(5).strftime("%Y%m01")
    assert all(e["UID"].endswith("@mine-ban.example.org") for e in events)
    assert len({e["UID"] for e in events}) == 3


def test_ical_uids_stay_the_same_across_publishes_and_languages(client, pages):
    sudan, _zimbabwe = pages
    _cal, before = parse_ics(client.get(ICS.format(lang="en")))
    republish(sudan, title="Sudan (republished)")
    bump("all")
    _cal, after = parse_ics(client.get(ICS.format(lang="en")))
    assert {e["UID"] for e in after} == {e["UID"] for e in before}
    # The French translation's events are the same events.
    _cal, french = parse_ics(client.get(ICS.format(lang="fr")))
    assert {e["UID"] for e in french} == {e["UID"] for e in before}
    assert {e["LOCATION"] for e in french} >= {"[fr] Geneva"}
    # An event added gets a new UID; the others keep theirs.
    page = sudan.specific.__class__.objects.get(pk=sudan.pk)
    page.body.append(approach_body(event(days(90), "Kassala"))[0])
    page.save_revision().publish()
    bump("all")
    _cal, more = parse_ics(client.get(ICS.format(lang="en")))
    assert len(more) == 4
    assert {e["UID"] for e in before} < {e["UID"] for e in more}


def test_ical_takes_the_calendars_filters(client, pages):
    _cal, events = parse_ics(client.get(ICS.format(lang="en") + "?state=zwe"))
    assert [e["LOCATION"] for e in events] == ["Harare"]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_atom_feed_of_upcoming_events_is_valid(client, pages, lang):
    root = valid_feed(client.get(ATOM.format(lang=lang)))
    assert root.get(XML_LANG) == lang
    assert text(root, "atom:link[@rel='self']/@href") == f"{PUBLIC}/{lang}/feeds/events/"
    assert text(root, "atom:link[@rel='alternate']/@href") == (
        f"{PUBLIC}/{lang}/individualised-approach/calendar/"
    )
    found = entries(root)
    # Upcoming only (not Geneva's launch), soonest first.
    assert len(found) == 2
    assert found[0]["link"] == f"{PUBLIC}/{lang}/states-parties/zimbabwe/#individualised-approach"
    assert found[1]["link"] == f"{PUBLIC}/{lang}/states-parties/sudan/#individualised-approach"
    assert len({e["id"] for e in found}) == 2
    if lang == "en":
        assert found[1]["title"].startswith("Sudan — Stakeholder meeting (")
    if lang == "fr":
        assert "[fr] Khartoum" in found[1]["summary"]


def test_atom_feed_takes_the_filters_and_is_refreshed_by_a_publish(
    client, pages, django_capture_on_commit_callbacks
):
    _sudan, zimbabwe = pages
    url = ATOM.format(lang="en") + "?state=zwe"
    root = valid_feed(client.get(url))
    assert len(entries(root)) == 1
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        republish(zimbabwe, body=approach_body(event(days(3), "Mutare"), event(days(4), "Gweru")))
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert [e["summary"].split(" — ")[0] for e in entries(valid_feed(response))] == [
        "Mutare",
        "Gweru",
    ]
