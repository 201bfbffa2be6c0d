"""A field added to a block after pages were stored (say a list of partnerships in the
partnerships section): the source and its translations stored before lack it, and publishing
the source (which copies its figures into the translations, country_pages.figures) must
still load both. Found on a database loaded before such a field was added: publishing
Sudan's page failed in the translations' copy of the figures."""

import pytest

from country_pages import figures
from country_pages.models import CountryPage

pytestmark = pytest.mark.django_db


def stored_before_casualties(text: str) -> list:
    """A national-context section as stored before it had its "casualties" list."""
    return [
        {
            "type": "national_context",
            "id": "22222222-0000-0000-0000-000000000001",
            "value": {"illustrative": False, "text": text, "sdg_links": [], "tags": []},
        }
    ]


def test_figures_merge_into_a_translation_stored_before_a_field_was_added():
    stream_block = CountryPage.body.field.stream_block
    merged = figures.merge(
        stream_block,
        stored_before_casualties("<p>Mines block the roads.</p>"),
        stored_before_casualties("<p>Les mines bloquent les routes.</p>"),
    )
    (section,) = stream_block.to_python(merged)  # loads: no None where a list belongs
    assert section.value["text"].source == "<p>Les mines bloquent les routes.</p>"
    # Absent, as before the merge: Wagtail gives the field its default.
    assert "casualties" not in merged[0]["value"]
