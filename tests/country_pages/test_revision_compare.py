"""The ISU's revision comparison reads as the page does: tags by their names, no
"None → False" for a tick box nobody touched, changed numbers as "9,500,000 → 9,800,000"
instead of "95000009800000"."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from country_pages.models import CountryPage
from country_pages.tags import ThematicTag
from tests.conftest import login

pytestmark = pytest.mark.django_db


def section(funding_gap, tags, illustrative):
    value = {
        "introduction": "",
        "needs": [
            {
                "type": "clearance",
                "value": {
                    "description": "<p>Roads to Kassala.</p>",
                    "funding_gap": str(funding_gap),
                    "currency": "USD",
                    "tags": tags,
                    "area_remaining_m2": 12500000,
                },
                "id": "need-1",
            }
        ],
    }
    if illustrative is not None:
        value["illustrative"] = illustrative
    return {"type": "needs_and_challenges", "value": value, "id": "section-1"}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def compare_html(client, sudan, fp_sudan, isu_user):
    first, second = ThematicTag.objects.order_by("name")[:2]
    page = CountryPage.objects.get(pk=sudan.pk)
    # An older revision, made before the section had its "illustrative" tick box.
    page.body = [section(Decimal("9500000"), [first.slug], illustrative=None)]
    before = page.save_revision(user=fp_sudan)
    page = CountryPage.objects.get(pk=sudan.pk)
    page.body = [section(Decimal("9800000"), [first.slug, second.slug], illustrative=False)]
    after = page.save_revision(user=fp_sudan)
    login(client, isu_user)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, before.pk, after.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), f"{first.label}, {second.label}"


def test_numbers_are_grouped_and_kept_apart(compare_html):
    text = text_of(compare_html[0])
    assert "95000009800000" not in text.replace(" ", "").replace("→", "|")
    assert "9,500,000 → 9,800,000" in text
    assert "12,500,000" in text


def test_tags_show_their_names_not_a_python_list(compare_html):
    html, labels = compare_html
    text = text_of(html)
    assert "['" not in text and "[&#x27;" not in html
    assert labels in text


def test_no_change_is_shown_that_nobody_made(compare_html):
    text = text_of(compare_html[0])
    assert "None" not in text
    assert "False" not in text
