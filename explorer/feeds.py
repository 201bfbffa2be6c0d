"""Atom feeds of what changes on the public site, in the visitor's language: a country
page's updates (its published versions), the needs, new or changed, by theme, region and
cross-cutting issue (the explorer's filters), and the offers of assistance, new or changed,
by theme and region (the needs ↔ offers view's). `reporting.feeds` adds the accepted public
Article 7 reports on the same base.

Each feed is a public view like the others: its address is under the language prefix, so
the page cache keeps it in the group its path names (core.page_cache.group_of: a country
page's feed, /<lang>/states-parties/<slug>/feed/, in that country's group; the others in
the listings' group), and the publishing app's invalidations refresh it with the pages it
follows. Only what a visitor may read is listed: live, public versions, read from Wagtail's
publish log and the derived index (which holds public live pages only). Every link in a
feed is absolute, from PUBLIC_BASE_URL (core.public_url), so it is right behind a proxy."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from core import page_cache
from core.i18n import active_language, active_locale, bcp47
from core.public_url import public_url, site_address
from country_pages import matching
from country_pages.blocks import OFFER_KINDS
from country_pages.directory import need_theme_choices
from country_pages.index_models import PublishedPage
from country_pages.models import CountryPage, states_index_url
from country_pages.templatetags.country_tags import money
from registry.models import Region

from .views import (
    ExplorerFilterForm,
    ThemeRegionFilterForm,
    feed_path,
    matching_needs,
    matching_offers,
    needs_feed_path,
)

# The year in the feeds' tag: URIs (RFC 4151): the entries' ids must never change.
TAG_YEAR = "2025"
# Wagtail's log actions of a version going live: by an editor, or at its scheduled time.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
COUNTRY_ENTRIES = 20
NEEDS_ENTRIES = 50
OFFERS_ENTRIES = 50


def tag_uri(*parts) -> str:
    """A permanent, unique id for a feed's entry (RFC 4151), under the site's host name."""
    hostname, _port = site_address()
    return f"tag:{hostname},{TAG_YEAR}:" + "/".join(str(part) for part in parts)


@dataclass
class FeedRequest:
    """What one request's feed is about: the feed view is one object for every request,
    so the request's state travels here (Feed passes it to each of its methods)."""

    request: HttpRequest
    path: str  # the feed's own address, with its valid filters only
    link: str  # the page the feed follows
    title: str
    extra: dict = field(default_factory=dict)


class SiteFeed(Feed):
    """Atom 1.0, in the active language, written by the Convention's site."""

    feed_type = Atom1Feed

    @property
    def language(self) -> str:
        # Read by Feed.get_feed for the feed's xml:lang: the visitor's language.
        return bcp47(active_language())

    def title(self, obj: FeedRequest) -> str:
        # As the page's own <title>: what it follows, then the site's name.
        return f"{obj.title} · {_('Anti-Personnel Mine Ban Convention')}"

    def link(self, obj: FeedRequest) -> str:
        return public_url(obj.link)

    def feed_url(self, obj: FeedRequest) -> str:
        return public_url(obj.path)

    def feed_guid(self, obj: FeedRequest) -> str:
        return public_url(obj.path)

    def author_name(self, obj: FeedRequest) -> str:
        return _("Anti-Personnel Mine Ban Convention")

    # Each entry carries what the item methods need, computed in items(): no query per entry.
    def item_title(self, item) -> str:
        return item.feed_title

    def item_link(self, item) -> str:
        return item.feed_link

    def item_guid(self, item) -> str:
        return item.feed_id

    def item_description(self, item) -> str:
        # Atom1Feed writes the summary as type="html": plain text is escaped once for it.
        return escape(item.feed_summary)

    def item_updateddate(self, item):
        return item.feed_updated

    def item_pubdate(self, item):
        return getattr(item, "feed_published", None)

    def item_categories(self, item):
        return getattr(item, "feed_categories", ())


# --- A country page's updates -------------------------------------------------------------


class CountryPageFeed(SiteFeed):
    """The published versions of a State's page in the visitor's language (or of the
    version shown in its place where the page is not translated), newest first."""

    def get_object(self, request: HttpRequest, slug: str) -> FeedRequest:
        locale = active_locale(request)
        # The page a visitor reads at this address: theirs, or the original in its place;
        # public and live, since the derived index holds nothing else.
        page = (
            CountryPage.objects.filter(
                slug=slug, published_index__in=PublishedPage.objects.visible_in(locale.pk)
            )
            .select_related("state")
            .first()
        )
        if page is None:
            raise Http404
        state = page.state.name
        return FeedRequest(
            request=request,
            path=reverse("country_feed", kwargs={"slug": page.slug}),
            link=f"{states_index_url(request)}{page.slug}/",
            title=state,
            extra={"page": page, "state": state},
        )

    def subtitle(self, obj: FeedRequest) -> str:
        return _("Each new version of the page of %(state)s, once published.") % {
            "state": obj.extra["state"]
        }

    def items(self, obj: FeedRequest):
        page = obj.extra["page"]
        entries = list(
            PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS).order_by(
                "-timestamp", "-pk"
            )[:COUNTRY_ENTRIES]
        )
        link = public_url(obj.link)
        for entry in entries:
            day = date_format(localtime(entry.timestamp), "DATE_FORMAT")
            entry.feed_title = _("%(state)s: page updated on %(date)s") % {
                "state": obj.extra["state"],
                "date": day,
            }
            entry.feed_link = link
            entry.feed_id = tag_uri("country-page", page.pk, "published", entry.pk)
            # Wagtail keeps no message with a version; the review's comments are the
            # ISU's to the focal point, not the public's.
            entry.feed_summary = _("Page updated")
            entry.feed_updated = entry.feed_published = entry.timestamp
        return entries


# --- Needs, new or changed ------------------------------------------------------------------


class NeedsFeed(SiteFeed):
    """The needs the explorer shows with the same filters, the most recently published
    first (a need is as new as the last publication of the page that states it)."""

    def get_object(self, request: HttpRequest) -> FeedRequest:
        form = ExplorerFilterForm(request.GET or None)
        # As the explorer: valid filters make the query cacheable; others are ignored.
        page_cache.accept_query(request, form)
        filters = form.filters()
        labels = dict(form.fields["theme"].choices)
        regions = dict(form.fields["region"].choices)
        tags = dict(form.fields["tag"].choices)
        chosen = [
            str(choices[filters[name]])
            for name, choices in (("theme", labels), ("region", regions), ("tag", tags))
            if filters.get(name)
        ]
        title = _("Needs")
        if chosen:
            title = f"{title} — {', '.join(chosen)}"
        explorer = reverse("explorer")
        query = needs_feed_path(filters).partition("?")[2]
        return FeedRequest(
            request=request,
            path=needs_feed_path(filters),
            link=f"{explorer}?{query}#needs" if query else f"{explorer}#needs",
            title=title,
            extra={"filters": filters, "locale": active_locale(request)},
        )

    def subtitle(self, obj: FeedRequest) -> str:
        return _("New or changed needs, as the published country pages state them.")

    def items(self, obj: FeedRequest):
        needs = list(
            matching_needs(obj.extra["locale"].pk, obj.extra["filters"]).order_by(
                "-source__last_published_at", "source__state__name_en", "position"
            )[:NEEDS_ENTRIES]
        )
        themes = dict(need_theme_choices())
        index_url = states_index_url(obj.request) or "/"
        language = active_language()
        now = timezone.now()
        for need in needs:
            state = need.source.state
            theme = str(themes.get(need.theme, need.theme))
            need.feed_title = f"{state.name} — {need.title or theme}"
            need.feed_link = public_url(f"{need.source.url_under(index_url)}#need-{need.block_id}")
            need.feed_id = tag_uri("need", language, need.block_id)
            need.feed_summary = need.summary
            # Live pages have a publication date; the index's column merely allows none.
            need.feed_updated = need.source.last_published_at or now
            need.feed_categories = (theme, str(state.get_region_display()))
        return needs


# --- Offers of assistance, new or changed ----------------------------------------------------


class OffersFeed(SiteFeed):
    """The offers the needs ↔ offers view lists with the same filters, the most recently
    changed first: a State's offer is as new as the last publication of its page, an
    organisation's as the last change of that offer in its profile
    (PublishedOffer.updated_at)."""

    def get_object(self, request: HttpRequest) -> FeedRequest:
        form = ThemeRegionFilterForm(request.GET or None)
        # As the needs ↔ offers view: valid filters make the query cacheable.
        page_cache.accept_query(request, form)
        filters = form.filters()
        title = _("Offers of assistance")
        chosen = form.chosen_labels(filters)
        if chosen:
            title = f"{title} — {', '.join(chosen)}"
        path = feed_path("offers_feed", filters)
        query = path.partition("?")[2]
        view = reverse("needs_offers")
        return FeedRequest(
            request=request,
            path=path,
            link=f"{view}?{query}#offers" if query else f"{view}#offers",
            title=title,
            extra={"filters": filters, "locale": active_locale(request)},
        )

    def subtitle(self, obj: FeedRequest) -> str:
        return _(
            "New or changed offers of assistance, from the published country pages and "
            "the organisations' profiles."
        )

    def items(self, obj: FeedRequest):
        offers, states = matching_offers(obj.extra["locale"].pk, obj.extra["filters"])
        index_url = states_index_url(obj.request) or "/"
        language = active_language()
        now = timezone.now()
        for offer in offers:
            offer.provider = matching.provider_of(offer, index_url)
            if offer.source_id:
                # Live pages have a publication date; the index's column merely allows none.
                offer.feed_updated = offer.source.last_published_at or now
                key = ("offer", language, offer.source.translation_key, offer.block_id)
            else:
                offer.feed_updated = offer.updated_at or now
                key = (
                    "organisation-offer",
                    language,
                    offer.organisation.translation_key,
                    offer.block_id,
                )
            # The same in every version of the page or profile, and across republishing.
            offer.feed_id = tag_uri(*key)
        offers.sort(key=lambda o: (-o.feed_updated.timestamp(), o.provider.name, o.position))
        offers = offers[:OFFERS_ENTRIES]
        themes = dict(need_theme_choices())
        regions = dict(Region.choices)
        kinds = dict(OFFER_KINDS)
        for offer in offers:
            title = offer.title or _("Offer")
            offer.feed_title = _("%(provider)s: %(offer)s") % {
                "provider": offer.provider.name,
                "offer": title,
            }
            if offer.illustrative:  # as the pages mark it, beside the provider
                offer.feed_title += f" ({_('Illustrative')})"
            offer.feed_link = public_url(offer.provider.url)
            countries = [states[pk].name for pk in offer.countries if pk in states]
            facts = [
                (_("Themes"), [str(themes.get(t, t)) for t in offer.themes]),
                (_("Regions of focus"), [str(regions.get(r, r)) for r in offer.regions]),
                (_("Countries of focus"), countries),
                (_("Kinds of assistance"), [str(kinds.get(k, k)) for k in offer.kinds]),
                (_("Indicative amount"), [money(offer.amount, offer.currency)]),
                (_("Years"), [offer_years(offer)]),
            ]
            lines = [
                _("%(label)s: %(values)s.") % {"label": label, "values": ", ".join(values)}
                for label, values in facts
                if any(values)
            ]
            if offer.illustrative:
                lines.insert(0, _("Illustrative example, not official information."))
            if offer.description:
                lines.append(offer.description)
            offer.feed_summary = "\n".join(lines)
            offer.feed_categories = [str(themes.get(t, t)) for t in offer.themes] + [
                str(regions.get(r, r)) for r in offer.regions
            ]
        return offers


def offer_years(offer) -> str:
    """The years of an offer as its page shows them: "2025–2027", "2025" or nothing."""
    if not offer.start_year:
        return ""
    return f"{offer.start_year}–{offer.end_year}" if offer.end_year else str(offer.start_year)


country_page_feed = CountryPageFeed()
needs_feed = NeedsFeed()
offers_feed = OffersFeed()
