"""The partnerships under Action #21 on the country pages: the affected State's own (from
the page's body, so a preview shows the draft) and those a State is a partner in (from the
index)."""

from django import template

from core.i18n import active_language, active_locale
from country_pages.blocks import partnership_records
from country_pages.models import states_index_url

from .. import display
from ..models import PublishedPartnership

register = template.Library()


@register.simple_tag(takes_context=True)
def own_partnerships(context, value, page) -> list[display.Partnership]:
    """The partnerships of a partnerships section's value on its page; no query when the
    section states none."""
    items = value.get("action21")
    # A section saved before the list existed, or a preview's sample value: none.
    if not items or not hasattr(items, "bound_blocks"):
        return []
    records = list(partnership_records(items, page.state_id))
    illustrative = bool(value.get("illustrative"))
    context_of = {
        "translation_key": page.translation_key,
        "state_id": page.state_id,
        "illustrative": illustrative,
    }
    return display.build([(record, context_of) for record in records])


@register.simple_tag(takes_context=True)
def partner_in(context, state_id: int) -> list[display.Partnership]:
    """The partnerships this State is a partner in, as the affected States' pages state
    them in the visitor's language (or the version shown in its place). Three queries."""
    request = context.get("request")
    rows = list(
        PublishedPartnership.objects.visible_in(active_locale(request).pk)
        .filter(partners__state_id=state_id)
        .select_related("locale")
        .order_by("state__name_en", "position")
    )
    return display.from_index(rows, states_index_url(request) or "/", active_language())
