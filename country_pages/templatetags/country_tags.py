from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from country_pages import blocks
from country_pages.models import states_index_url as index_url_for
from country_pages.tags import ThematicTag
from country_pages.worldmap import VIEWBOX, world_shapes
from registry.models import Region

register = template.Library()

# Display labels of the choice values stored in blocks (values are synchronised codes).
CHOICE_SETS = {
    "sdg": dict(blocks.SDG_CHOICES),
    "event_kind": dict(blocks.EventBlock.KIND_CHOICES),
    "document_kind": dict(blocks.EventDocumentBlock.KIND_CHOICES),
    "contact_role": dict(blocks.ContactBlock.ROLE_CHOICES),
    "resource_kind": dict(blocks.ResourceLinkBlock.KIND_CHOICES),
    "story_kind": dict(blocks.StoryBlock.KIND_CHOICES),
    "need_theme": dict(blocks.offer_theme_choices()),
    "offer_kind": dict(blocks.OFFER_KINDS),
    "region": dict(Region.choices),
}


@register.filter
def choice_display(value: str, choice_set: str) -> str:
    return CHOICE_SETS[choice_set].get(value, value)


@register.filter
def present(items, key: str) -> list:
    """The items whose chosen snippet still exists. A chooser block gives None for an
    organisation or State deleted since the page was published: the page leaves the item
    out rather than print "None" (the ISU was warned of the usage when deleting it)."""
    return [item for item in items or () if item.get(key) is not None]


@register.filter
def present_items(items) -> list:
    """The chosen snippets of a list of choosers that still exist (see `present`)."""
    return [item for item in items or () if item is not None]


@register.filter
def area(value: int | None) -> str:
    """An area in m², with km² when it helps a reader grasp it."""
    if value is None:
        return ""
    text = _("%(m2)s m²") % {"m2": intcomma(value)}
    if value >= 1_000_000:
        km2 = Decimal(value) / Decimal(1_000_000)
        text += " " + _("(%(km2)s km²)") % {"km2": intcomma(round(km2, 1))}
    return text


@register.simple_tag
def money(amount, currency: str | None) -> str:
    if amount is None:
        return ""
    return f"{currency or ''} {intcomma(int(amount))}".strip()


def _labels_by_slug(context) -> dict[str, str]:
    """Thematic tag labels in the active language, read once a request."""
    request = context.get("request")
    cached = getattr(request, "_theme_labels", None)
    if cached is None:
        cached = {tag.slug: tag.label for tag in ThematicTag.objects.all()}
        if request is not None:
            request._theme_labels = cached
    return cached


@register.inclusion_tag("includes/theme_tags.html", takes_context=True)
def theme_tags(context, slugs) -> dict:
    labels = _labels_by_slug(context)
    return {"tags": [labels[slug] for slug in slugs or () if slug in labels]}


# Django date formats for each precision an event date can be known to.
PRECISION_FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


@register.simple_tag
def event_dates(event) -> str:
    """An event's date or date range, to the precision it is known, as <time> elements."""
    precision = event.get("date_precision") or "day"
    fmt = PRECISION_FORMATS.get(precision, "DATE_FORMAT")

    def stamp(date) -> str:
        machine = {"day": "Y-m-d", "month": "Y-m", "year": "Y"}[precision]
        return format_html(
            '<time datetime="{}">{}</time>', date_format(date, machine), date_format(date, fmt)
        )

    if event.get("end_date") and event["end_date"] != event["date"] and precision == "day":
        return format_html("{}–{}", stamp(event["date"]), stamp(event["end_date"]))
    return stamp(event["date"])


@register.inclusion_tag("includes/world_map.html")
def world_map(listings, caption_id: str = "world-map-caption"):
    """The world map: each listed State coloured by its status and linked to its page;
    other land in grey. The same listings fill the accessible table next to it."""
    by_iso3 = {listing.state.iso3: listing for listing in listings}
    shapes = [(shape, by_iso3.get(shape.iso3)) for shape in world_shapes()]
    return {"shapes": shapes, "viewbox": VIEWBOX, "caption_id": caption_id}


@register.simple_tag
def time_left(deadline) -> str:
    """ "in 1 year, 4 months" or "passed 11 months ago", in the visitor's language."""
    from django.utils import timezone

    today = timezone.localdate()
    if deadline >= today:
        return _("in %(time)s") % {"time": rounded_duration((deadline - today).days)}
    return _("passed %(time)s ago") % {"time": rounded_duration((today - deadline).days)}


DAYS_PER_MONTH = 365.2425 / 12


def rounded_duration(days: int) -> str:
    """A duration as people say it: rounded to the nearest day (under two weeks), week
    (under two months) or month, with years and months beyond a year; never "10 months,
    4 weeks". The units are Django's msgids, translated in the site's catalogs (which
    take precedence), so Django's timesince reads the same."""
    from django.utils.translation import ngettext, pgettext

    # Literal calls, so that makemessages puts the units in the site's catalogs, where
    # each language writes them naturally ("%(num)d个月", not Django's "%(num)d 月").
    def days_text(n):
        return ngettext("%(num)d day", "%(num)d days", n) % {"num": n}

    def weeks_text(n):
        return ngettext("%(num)d week", "%(num)d weeks", n) % {"num": n}

    def months_text(n):
        return ngettext("%(num)d month", "%(num)d months", n) % {"num": n}

    def years_text(n):
        return ngettext("%(num)d year", "%(num)d years", n) % {"num": n}

    if days < 14:
        return days_text(days)
    if days < 61:
        return weeks_text(round(days / 7))
    months = round(days / DAYS_PER_MONTH)
    years, months = divmod(months, 12)
    if not years:
        return months_text(months)
    if not months:
        return years_text(years)
    return pgettext("a duration", "%(years)s, %(months)s") % {
        "years": years_text(years),
        "months": months_text(months),
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.simple_tag
def any_illustrative(sections, *others) -> bool:
    """Whether the page shows anything marked illustrative: it then gets one notice, and
    each illustrative item a mark. `others`: lists of items from other pages (the
    assistance they credit, the partnerships they name the State in)."""
    return any(section.block.is_illustrative(section.value) for section in sections) or any(
        getattr(item, "illustrative", False) for items in others for item in items or ()
    )


@register.simple_tag(takes_context=True)
def states_index_url(context) -> str:
    """URL of the States Parties index in the visitor's language (every page's menu)."""
    return index_url_for(context.get("request"))
