"""What the ISU's dashboard and the focal points view report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from core.translation import OUTDATED, SOURCE, translation_status
from country_pages.models import CountryPage

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
        source = next(version for _l, status, version in rows if status == SOURCE)
        outdated.extend(
            OutdatedTranslation(version.specific, source)
            for _locale, status, version in rows
            if status == OUTDATED
        )
    return outdated


@dataclass
class DetachedTranslation:
    page: CountryPage
    by: object = None  # who detached it, when the log says
    at: object = None


def detached_translations() -> list[DetachedTranslation]:
    """Country pages whose synchronisation from the source is stopped (a focal point's
    correction, or the ISU's choice): later syncs do not update their text."""
    from wagtail.models import PageLogEntry
    from wagtail_localize.models import Translation

    detached = []
    translations = Translation.objects.filter(enabled=False).select_related("source")
    for translation in translations:
        page = (
            CountryPage.objects.filter(
                translation_key=translation.source.object_id,
                locale_id=translation.target_locale_id,
            )
            .select_related("locale")
            .first()
        )
        if page is None:
            continue
        entry = (
            PageLogEntry.objects.filter(page=page, action="focal_points.translation_unsynced")
            .select_related("user")
            .order_by("-timestamp")
            .first()
        )
        detached.append(
            DetachedTranslation(
                page, getattr(entry, "user", None), getattr(entry, "timestamp", None)
            )
        )
    return detached
