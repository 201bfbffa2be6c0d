"""What the ISU's dashboard and the focal points view report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from country_pages.models import CountryPage
from home.translation import OUTDATED, translation_status

STALE_AFTER = dt.timedelta(days=365)


def stale_pages() -> list[CountryPage]:
    """Live country pages (any language) not published for 12 months."""
    cutoff = timezone.now() - STALE_AFTER
    return list(
        CountryPage.objects.live()
        .filter(Q(last_published_at__lt=cutoff) | Q(last_published_at__isnull=True))
        .select_related("locale", "state")
        .order_by("last_published_at")
    )


def inactive_focal_points():
    """Focal points who have not signed in for 12 months (or never)."""
    cutoff = timezone.now() - STALE_AFTER
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__state_group__isnull=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True))
        .distinct()
        .order_by("last_login", "email")
    )


@dataclass
class OutdatedTranslation:
    page: CountryPage
    source: CountryPage


def outdated_translations() -> list[OutdatedTranslation]:
    """Live translations published before the latest publication of their source."""
    outdated = []
    seen = set()
    pages = CountryPage.objects.live().exclude(body=[]).select_related("locale")
    for page in pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        rows = translation_status(page)
        source = next(version for _l, status, version in rows if status == "source")
        outdated.extend(
            OutdatedTranslation(version.specific, source)
            for _locale, status, version in rows
            if status == OUTDATED
        )
    return outdated
