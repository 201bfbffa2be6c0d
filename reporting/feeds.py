"""The Atom feed of new public Article 7 reports, in the visitor's language: the accepted
reports an anonymous visitor may read (reporting.visibility: public ones, the latest
accepted version of each period), the most recently accepted first, each linking to its
public page. Built on explorer.feeds' base; at /<lang>/feeds/article-7-reports/, so in the
page cache's listings group, which accepting, withdrawing or deleting a report invalidates
(publishing.receivers.report_changed)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.i18n import active_language
from core.public_url import public_url
from explorer.feeds import FeedRequest, SiteFeed, tag_uri

from .reading import public_path
from .views import report_title
from .visibility import visible_reports

REPORT_ENTRIES = 50


class ReportsFeed(SiteFeed):
    def get_object(self, request: HttpRequest) -> FeedRequest:
        return FeedRequest(
            request=request,
            path=reverse("article7_reports_feed"),
            link=reverse("reporting_status"),
            title=_("Article 7 reports"),
        )

    def subtitle(self, obj: FeedRequest) -> str:
        return _("New public Article 7 reports, as the ISU accepts them.")

    def items(self, obj: FeedRequest):
        # Anonymous visitors' reports, whoever asks: the feed is the same for everyone.
        reports = list(
            visible_reports(None)
            .select_related("state")
            .order_by("-last_published_at", "-pk")[:REPORT_ENTRIES]
        )
        language = active_language()
        now = timezone.now()
        for report in reports:
            accepted = report.last_published_at or now  # live reports have one
            report.feed_title = report_title(report)
            report.feed_link = public_url(public_path(report))
            report.feed_id = tag_uri("article-7-report", language, report.pk)
            summary = _("Accepted on %(date)s.") % {
                "date": date_format(localtime(accepted), "DATE_FORMAT")
            }
            if report.version > 1:
                summary += " " + _("Version %(version)s, correcting an earlier version.") % {
                    "version": report.version
                }
            report.feed_summary = summary
            report.feed_published = report.first_published_at or accepted
            report.feed_updated = accepted
            report.feed_categories = (str(report.state.get_region_display()),)
        return reports


reports_feed = ReportsFeed()
