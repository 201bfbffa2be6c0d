"""Hostile input through the admin: script in text comes out inert on the public page,
script URLs and bad uploads are refused with a clear message."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from country_pages.models import CountryPage, Organisation
from country_pages.tags import ThematicTag
from focal_points.models import StateGroup
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
]
PAYLOAD = " ".join(PAYLOADS)


def hostile_value(block, refs: dict):
    """A valid value for `block` with the payload in every text and rich-text field."""
    if isinstance(block, blocks.StreamBlock):
        return [(name, hostile_value(child, refs)) for name, child in block.child_blocks.items()]
    if isinstance(block, blocks.ListBlock):
        return [hostile_value(block.child_block, refs)]
    if isinstance(block, blocks.StructBlock):
        value = {name: hostile_value(child, refs) for name, child in block.child_blocks.items()}
        return fix_struct(block, value, refs)
    if isinstance(block, blocks.RichTextBlock):
        return hostile_content_state()
    if isinstance(block, blocks.URLBlock):
        return "https://example.org/safe"
    if isinstance(block, blocks.EmailBlock):
        return "contact@example.org"
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        limit = block.field.max_length or 1000
        return PAYLOAD[:limit]
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, blocks.DateBlock):
        return dt.date(2018, 6, 7)
    if isinstance(block, blocks.IntegerBlock):
        return 2020
    if isinstance(block, blocks.DecimalBlock):
        return 1000
    if isinstance(block, blocks.MultipleChoiceBlock):
        return [ThematicTag.objects.first().slug]
    if isinstance(block, blocks.ChoiceBlock):
        return next(value for value, _label in block.field.choices if value)
    if isinstance(block, blocks.ChooserBlock):
        return refs[block.model_class._meta.label_lower]
    raise AssertionError(f"no hostile value for {block!r}")


def hostile_content_state() -> dict:
    """What a browser could post from the rich text editor: the payloads as text, and a
    link whose target is a script URL."""
    text = f"{PAYLOAD} click"
    return {
        "blocks": [
            {
                "key": "hostile",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": len(text) - 5, "length": 5, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }


def fix_struct(block, value, refs):
    """Make the few interdependent fields pass validation."""
    name = type(block).__name__
    if name == "CasualtyYearBlock":
        value.update(year=2017, killed=10, injured=10, women=1, men=1, girls=1, boys=1, unknown=1)
    if name == "ContactBlock":
        value["phone"] = "+41 22 000 00 00"
    if name == "ResourceLinkBlock":
        value["document"] = None
    if name == "EventBlock":
        value["end_date"] = None
    if "start_year" in value:
        value["end_year"] = None
    if name == "OtherNeedBlock" or "funding_gap" in value:
        value["currency"] = "USD"
    if name in ("OfferBlock", "OrganisationOfferBlock"):
        value.update(themes=["clearance"], regions=["africa"], kinds=["funding"])
    if name == "PartnershipsBlock":
        value["assisting_states"] = value["assisting_states"][:1]
    return value


@pytest.fixture
def refs(sudan):
    from tests.country_pages.test_pages import make_document, make_image

    return {
        "wagtailimages.image": make_image(),
        "wagtaildocs.document": make_document(),
        "registry.stateparty": StateParty.objects.get(iso3="JPN"),
        "country_pages.organisation": Organisation.objects.create(name="NGO", kind="other"),
    }


def test_script_in_every_text_field_is_inert_on_the_public_page(client, sudan, isu_user, refs):
    body = hostile_value(sudan.body.stream_block, refs)
    login(client, isu_user)
    data = page_form_data(sudan, body=body, search_description=PAYLOAD)
    data["action-publish"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[sudan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    sudan.refresh_from_db()
    assert [child.block_type for child in sudan.body] == list(sudan.body.stream_block.child_blocks)

    html = client.get(sudan.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # The text is there, as text…
    assert "<script>alert('xss')</script>" in soup.get_text()
    # …but never as markup: no script but ours, no event handler, no script URL.
    scripts = [tag.get("src") for tag in soup.find_all("script")]
    assert scripts == ["/static/js/site.js"]
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), tag
            if attribute in ("href", "src", "action", "formaction"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:")), tag
    assert not soup.find_all(["svg", "iframe", "object", "embed"])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_script_urls_are_refused_with_a_field_error(client, sudan, fp_sudan, url):
    login(client, fp_sudan)
    body = [
        (
            "additional_resources",
            {"links": [{"kind": "other", "title": "Link", "url": url, "document": None}]},
        )
    ]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[sudan.pk]), page_form_data(sudan, body=body)
    )
    assert response.status_code == 200
    assert "Enter a web address starting with http:// or https://." in response.content.decode()
    assert sudan.get_latest_revision().content["title"] == sudan.title


def test_organisation_website_refuses_script_urls(client, isu_user):
    from wagtail.models import Locale

    login(client, isu_user)
    url = reverse("wagtailsnippets_country_pages_organisation:add")
    response = client.post(
        url,
        {
            "name": "Org",
            "acronym": "",
            "kind": "other",
            "website": "javascript:alert(1)",
            "locale": Locale.objects.get(language_code="en").pk,
            "offers-count": 0,  # the offer profile's (empty) StreamField
        },
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not Organisation.objects.filter(name="Org").exists()


def upload_document(client, collection, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "collection": collection.pk, "file": SimpleUploadedFile(name, content)},
    )


@pytest.fixture
def sudan_collection(sudan):
    return StateGroup.objects.get(state__iso3="SDN").collection


def test_a_real_pdf_is_accepted(client, fp_sudan, sudan_collection):
    login(client, fp_sudan)
    response = upload_document(client, sudan_collection, "report.pdf", b"%PDF-1.7\n%...")
    assert response.status_code == 302
    assert (
        get_document_model()
        .objects.filter(title="report.pdf", collection=sudan_collection)
        .exists()
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "page.html",
            b"<html><script>alert(1)</script></html>",
            "File extension “html” is not allowed",
        ),
        ("tool.exe", b"MZ\x90\x00", "File extension “exe” is not allowed"),
        (
            "report.pdf",
            b"<html><script>alert(1)</script></html>",
            "This file is not a real PDF file.",
        ),
        ("minutes.docx", b"<script>alert(1)</script>", "This file is not a real DOCX file."),
    ],
)
def test_documents_of_other_types_are_refused(
    client, fp_sudan, sudan_collection, name, content, message
):
    login(client, fp_sudan)
    response = upload_document(client, sudan_collection, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.filter(title=name).exists()


def test_documents_over_the_size_limit_are_refused(client, fp_sudan, sudan_collection, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024  # keep the test small; 20 MB in production
    login(client, fp_sudan)
    response = upload_document(
        client, sudan_collection, "big.pdf", b"%PDF-1.7" + b"0" * (1024 * 1024 + 1)
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.filter(title="big.pdf").exists()


def test_configured_limits():
    from django.conf import settings

    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_svg_with_script_is_refused(client, fp_sudan, sudan_collection):
    login(client, fp_sudan)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "map",
            "collection": sudan_collection.pk,
            "file": SimpleUploadedFile("map.svg", svg, content_type="image/svg+xml"),
        },
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.filter(title="map").exists()


def test_focal_point_uploads_only_to_own_collection(client, fp_sudan, zimbabwe, sudan_collection):
    """Asking for another State's collection is ignored: the file lands in their own."""
    other = StateGroup.objects.get(state__iso3="ZWE").collection
    login(client, fp_sudan)
    upload_document(client, other, "report.pdf", b"%PDF-1.7")
    assert not get_document_model().objects.filter(collection=other).exists()
    assert get_document_model().objects.get(title="report.pdf").collection == sudan_collection


def test_image_upload_works(client, fp_sudan, sudan_collection):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), "white").save(buffer, "PNG")
    login(client, fp_sudan)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "map",
            "collection": sudan_collection.pk,
            "file": SimpleUploadedFile("map.png", buffer.getvalue(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    assert CountryPage.objects.exists()
