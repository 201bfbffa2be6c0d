"""Who helps whom: the assisting States linked to the States they support, by theme and
region, as a diagram (explorer.diagram_svg) and as a table of the same links.

Read from the derived index only (country_pages.index_models.PublishedAssistance, written
when a page is published): each link is a State named in the partnerships section of
another State's published, public country page, in the version a visitor in this language
sees. One query for the links, whatever their number, and the theme labels the filter
form reads anyway.

The themes of a link are the partnerships section's "Themes supported": thematic tags (the
ISU's vocabulary, `tag` as in the explorer's filter), not the themes of needs. The region
filter is the supported State's region."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import page_cache
from core.forms import FilterForm
from core.i18n import active_locale, text_direction
from country_pages import matching
from country_pages.directory import collation_key
from country_pages.models import states_index_url
from country_pages.tags import tag_choices
from registry.models import Region, StateParty

from . import diagram_svg

# Beyond these the diagram is not drawn, and the page says why: the table lists every
# link. With ~60 assisting States and ~60 States supported (no filter, all the pages
# published) the lines would cross in a mass no one can follow, at 390 px above all,
# and the drawing would be several screens tall; a theme or a region brings it back
# under the limits. A diagram of only the "top" States would hide links without saying
# which, so it is all or nothing.
MAX_NAMES = 40  # in either column
MAX_LINKS = 120


class WhoHelpsWhomForm(FilterForm):
    """The explorer's filters that apply to assistance, with their choices: the theme
    supported (a thematic tag, the explorer's `tag`; assistance is not given the themes
    of needs) and the region (UN M49) of the State supported."""

    tag = forms.ChoiceField(label=gettext_lazy("Theme supported"), required=False, choices=())
    region = forms.ChoiceField(
        label=gettext_lazy("Region of the State supported"),
        required=False,
        choices=[("", gettext_lazy("All regions")), *Region.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", gettext_lazy("All themes")), *tag_choices()]

    def theme_labels(self) -> dict[str, str]:
        """{tag slug: label in the active language}, from the choices already read."""
        return {slug: label for slug, label in self.fields["tag"].choices if slug}


@dataclass
class Link:
    """One State named as assisting another, as the table shows it."""

    donor: StateParty
    recipient: StateParty
    url: str  # the supported State's page, its partnerships section
    themes: list[str]  # labels, in the active language
    support: str
    language: str  # of the support text: the page's, which may not be the visitor's
    illustrative: bool


@dataclass
class Picture:
    links: list[Link]  # by assisting State, then State supported (alphabetical)
    donors: list[StateParty] = field(default_factory=list)  # as the diagram orders them
    recipients: list[StateParty] = field(default_factory=list)

    @property
    def drawable(self) -> bool:
        return bool(self.links) and (
            len(self.links) <= MAX_LINKS
            and len(self.donors) <= MAX_NAMES
            and len(self.recipients) <= MAX_NAMES
        )

    def table(self) -> list[tuple[StateParty, list[Link]]]:
        """(assisting State, its links), one group of rows each."""
        rows: dict[int, list[Link]] = defaultdict(list)
        for link in self.links:
            rows[link.donor.pk].append(link)
        return [(items[0].donor, items) for items in rows.values()]


def links_for(locale_id: int, filters: dict, index_url: str, labels: dict[str, str]) -> list:
    """The links a visitor in this language sees, filtered (the form's valid filters).
    One query. The theme is checked here: a JSON list cannot be searched in SQLite."""
    rows = matching.visible_assistance(locale_id)
    if filters.get("region"):
        rows = rows.filter(source__state__region=filters["region"])
    links = [
        Link(
            donor=row.donor,
            recipient=row.source.state,
            url=f"{row.source.url_under(index_url)}#partnerships",
            themes=[labels[slug] for slug in row.themes if slug in labels],
            support=row.support,
            language=row.source.locale.language_code,
            illustrative=row.illustrative,
        )
        for row in rows
        if not filters.get("tag") or filters["tag"] in row.themes
    ]
    links.sort(key=lambda one: (collation_key(one.donor.name), collation_key(one.recipient.name)))
    return links


def _ranked(counts: dict[int, int], states: dict[int, StateParty]) -> list[StateParty]:
    """The most linked first, then alphabetically: the busiest lines at the top."""
    return sorted(
        (states[pk] for pk in counts), key=lambda s: (-counts[s.pk], collation_key(s.name))
    )


def picture(links: list[Link]) -> Picture:
    pairs = {(link.donor.pk, link.recipient.pk) for link in links}
    donors: dict[int, int] = defaultdict(int)
    recipients: dict[int, int] = defaultdict(int)
    for donor, recipient in pairs:
        donors[donor] += 1
        recipients[recipient] += 1
    states = {link.donor.pk: link.donor for link in links}
    states.update({link.recipient.pk: link.recipient for link in links})
    return Picture(links, _ranked(donors, states), _ranked(recipients, states))


def link_title(donor: str, recipient: str, themes: list[str], illustrative: bool, rtl: bool) -> str:
    """A line's tooltip: "Norway → Zimbabwe: Land release, Capacity building". The arrow
    points from the assisting State, whichever way the text runs."""
    title = f"{donor} {'←' if rtl else '→'} {recipient}"
    if themes:
        title += f": {', '.join(themes)}"
    if illustrative:
        title += f" ({_('Illustrative')})"
    return title


# Arabic letters look smaller than Latin ones at the same size (Naskh's short x-height):
# in Arabic the drawing's names are a size larger (checked at 390 px).
TEXT_SIZES = {"ar": diagram_svg.FONT_SIZE * 1.15}


def diagram(shown: Picture, title: str, desc: str, language: str):
    """The drawing of the links, one line per pair of States (a page names a State once)."""
    rtl = text_direction(language) == "rtl"
    by_pair: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for link in shown.links:
        by_pair[(link.donor.pk, link.recipient.pk)].append(link)
    lines = []
    for (donor, recipient), items in by_pair.items():
        themes = list(dict.fromkeys(label for item in items for label in item.themes))
        illustrative = all(item.illustrative for item in items)
        lines.append(
            diagram_svg.Link(
                source=donor,
                target=recipient,
                title=link_title(
                    items[0].donor.name, items[0].recipient.name, themes, illustrative, rtl
                ),
                dashed=illustrative,
            )
        )
    return diagram_svg.bipartite(
        uid="whw",
        title=title,
        desc=desc,
        headings=(_("Assisting States"), _("States supported")),
        sources=[diagram_svg.Node(state.pk, state.name) for state in shown.donors],
        targets=[diagram_svg.Node(state.pk, state.name) for state in shown.recipients],
        links=lines,
        rtl=rtl,
        size=TEXT_SIZES.get(language, diagram_svg.FONT_SIZE),
    )


def count_sentence(shown: Picture) -> str:
    links = ngettext(
        "%(count)s link between States.", "%(count)s links between States.", len(shown.links)
    ) % {"count": len(shown.links)}
    if not shown.links:
        return links
    return " ".join(
        [
            links,
            _("Assisting States: %(donors)s. States supported: %(recipients)s.")
            % {"donors": len(shown.donors), "recipients": len(shown.recipients)},
        ]
    )


def who_helps_whom(request):
    """The assisting States and the States they support, as a diagram and a table."""
    locale = active_locale(request)
    form = WhoHelpsWhomForm(request.GET or None)
    page_cache.accept_query(request, form)
    filters = form.filters()
    index_url = states_index_url(request) or "/"
    labels = form.theme_labels()
    shown = picture(links_for(locale.pk, filters, index_url, labels))
    counts = count_sentence(shown)
    chosen = [labels[filters["tag"]]] if filters.get("tag") else []
    if filters.get("region"):
        chosen.append(str(Region(filters["region"]).label))
    title = _("Who helps whom")
    if chosen:
        title = f"{title}: {', '.join(chosen)}"
    desc = " ".join(
        [
            counts,
            _(
                "Each line joins an assisting State to a State it supports; the table below "
                "lists the same links."
            ),
        ]
    )
    return TemplateResponse(
        request,
        "explorer/who_helps_whom.html",
        {
            "form": form,
            "filtered": bool(filters),
            "picture": shown,
            "table": shown.table(),
            "diagram": diagram(shown, title, desc, locale.language_code) if shown.drawable else "",
            "count_sentence": counts,
            "has_illustrative": any(link.illustrative for link in shown.links),
        },
    )
