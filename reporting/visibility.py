"""Which Article 7 reports the public site shows, and to whom. The report page, its PDF,
the country page's list and the sitemap all ask `visible_reports`.

- Only accepted reports (`live`), and of each period only the latest accepted version:
  a draft or a report in review is never shown here, not even to its own focal point
  (they read it in the admin).
- Public ones to everyone; those for "States Parties and the ISU only" to signed-in
  users who are the ISU or a focal point of any State, and who have passed the second
  factor. Anyone else is told the report does not exist (404), not that it is hidden.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from focal_points.roles import is_isu, states_of
from focal_points.two_factor import requires_two_factor

from .models import Article7Report, ReportKind, Visibility


def sees_restricted(user) -> bool:
    """Whether the user may read reports for States Parties and the ISU only; read once
    per user object (a request's)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_sees_restricted_reports", None)
    if cached is None:
        verified = not requires_two_factor(user) or _verified(user)
        cached = verified and (is_isu(user) or bool(states_of(user)))
        user._sees_restricted_reports = cached
    return cached


def _verified(user) -> bool:
    # OTPMiddleware adds is_verified to the request's user; a user read otherwise has not
    # passed a second factor in this request.
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def latest_accepted() -> QuerySet[Article7Report]:
    """Accepted reports that no later accepted version of the same period replaces."""
    later = Article7Report.objects.filter(
        live=True,
        state=OuterRef("state"),
        kind=OuterRef("kind"),
        version__gt=OuterRef("version"),
    ).filter(Q(year=OuterRef("year")) | Q(kind=ReportKind.INITIAL))
    return Article7Report.objects.filter(live=True).filter(~Exists(later))


def visible_reports(user=None) -> QuerySet[Article7Report]:
    """The reports the public site shows this user (anonymous when None)."""
    reports = latest_accepted()
    if not sees_restricted(user or AnonymousUser()):
        reports = reports.filter(visibility=Visibility.PUBLIC)
    return reports


def parse_period(period: str) -> tuple[str, int | None] | None:
    """ "initial" or a year, as in the report's address: (kind, year), None if neither."""
    if period == "initial":
        return ReportKind.INITIAL, None
    if period.isdigit() and len(period) == 4:
        return ReportKind.ANNUAL, int(period)
    return None


def visible_report(user, iso3: str, period: str) -> Article7Report | None:
    """The report a public address names, if this user may read it."""
    parsed = parse_period(period)
    if parsed is None:
        return None
    kind, year = parsed
    return (
        visible_reports(user)
        .filter(state__iso3=iso3.upper(), kind=kind, year=year)
        .select_related("state", "amends")
        .first()
    )
