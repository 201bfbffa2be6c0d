"""Checking an Atom feed as a validator would: against the RELAX NG schema of RFC 4287
(atom.rng, beside this file, read with lxml) and the two rules the RFC's schema states as
Schematron annotations, which RELAX NG does not check."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_schema = None


def schema() -> etree.RelaxNG:
    global _schema
    if _schema is None:
        _schema = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
    return _schema


def valid_feed(response) -> etree._Element:
    """The feed of a response, once checked: served as Atom, valid against RFC 4287's
    schema, every entry with an author (its own or the feed's) and an alternate link."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = etree.fromstring(response.content)
    checker = schema()
    assert checker.validate(root), str(checker.error_log)
    has_author = bool(root.xpath("atom:author", namespaces=NS))
    for entry in root.xpath("atom:entry", namespaces=NS):
        assert has_author or entry.xpath("atom:author", namespaces=NS)
        assert entry.xpath(
            "atom:link[@rel='alternate' or not(@rel)] or atom:content", namespaces=NS
        )
    return root


def text(element, path: str) -> str:
    return element.xpath(f"string({path})", namespaces=NS)


def entries(root) -> list[dict]:
    """Each entry's title, id, alternate link, summary and dates, in the feed's order."""
    return [
        {
            "title": text(entry, "atom:title"),
            "id": text(entry, "atom:id"),
            "link": text(entry, "atom:link[@rel='alternate']/@href"),
            "summary": text(entry, "atom:summary"),
            "updated": text(entry, "atom:updated"),
            "published": text(entry, "atom:published"),
        }
        for entry in root.xpath("atom:entry", namespaces=NS)
    ]
