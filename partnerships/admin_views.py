"""The partner States' confirmations of the partnerships under Action #21, in Wagtail's
admin. A partnership is written on the affected State's page (edited by its focal points,
reviewed by the ISU); once published, each partner State's focal point confirms its terms
here or withdraws the confirmation. Scoped by role (focal_points.roles): a focal point sees
the partnerships of their States' pages and those naming their States as partner, and
confirms for their own States only — another State's partnership is a 404, a confirmation
for a State they do not serve too, whatever the URL. The ISU sees every partnership and
confirms none (a State's word is its focal point's). Anyone else: 403."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.i18n import active_locale
from focal_points.roles import isu_or_states, states_of

from . import display
from .models import PartnershipConfirmation, PublishedPartnership


def visible_partnerships(request):
    """One row per published partnership the user may see, in the admin's language or the
    version shown in its place."""
    isu, states = isu_or_states(request.user)
    rows = PublishedPartnership.objects.visible_in(active_locale(request).pk)
    if not isu:
        rows = rows.filter(Q(state__in=states) | Q(partners__state__in=states))
    return rows.distinct()


def _views(rows) -> list[tuple[PublishedPartnership, display.Partnership]]:
    items = [
        (row.record, {"translation_key": row.translation_key, "state_id": row.state_id})
        for row in rows
    ]
    return list(zip(rows, display.build(items), strict=True))


def awaiting(user) -> list[tuple[PublishedPartnership, display.Partnership]]:
    """The partnerships naming one of the user's States as a partner whose current terms
    that State has not confirmed."""
    states = {state.pk for state in states_of(user)}
    if not states:
        return []
    rows = list(
        PublishedPartnership.objects.filter(
            partners__state__in=states, page__published_index__is_source=True
        )
    )
    found = []
    for row, view in _views(rows):
        if any(p.state.pk in states and p.status != display.CONFIRMED for p in view.partners):
            found.append((row, view))
    return found


@require_http_methods(["GET"])
def partnership_index(request):
    isu, states = isu_or_states(request.user)
    rows = list(visible_partnerships(request).order_by("state__name_en", "position"))
    return TemplateResponse(
        request,
        "partnerships/admin/index.html",
        {"items": _views(rows), "isu": isu, "my_states": {state.pk for state in states}},
    )


def _visible_or_404(request, translation_key, block_id: str) -> PublishedPartnership:
    row = (
        visible_partnerships(request)
        .filter(translation_key=translation_key, block_id=block_id)
        .first()
    )
    if row is None:
        raise Http404
    return row


@require_http_methods(["GET"])
def partnership_detail(request, translation_key, block_id: str):
    row = _visible_or_404(request, translation_key, block_id)
    [(row, view)] = _views([row])
    mine = {state.pk for state in states_of(request.user)}
    return TemplateResponse(
        request,
        "partnerships/admin/detail.html",
        {
            "row": row,
            "p": view,
            "confirmable": [partner for partner in view.partners if partner.state.pk in mine],
        },
    )


def _partner_row(request, translation_key, block_id: str, state_id: int):
    """The partnership, for a State the user is focal point of that is one of its
    partners: else 404 (another State's partnership, or a State the user does not
    serve)."""
    if not any(state.pk == state_id for state in states_of(request.user)):
        raise Http404
    row = (
        PublishedPartnership.objects.filter(
            translation_key=translation_key, block_id=block_id, partners__state_id=state_id
        )
        .order_by("-page__published_index__is_source")
        .first()
    )
    if row is None:
        raise Http404
    return row


@require_http_methods(["POST"])
def partnership_confirm(request, translation_key, block_id: str, state_id: int):
    row = _partner_row(request, translation_key, block_id, state_id)
    with transaction.atomic():
        PartnershipConfirmation.objects.update_or_create(
            translation_key=row.translation_key,
            block_id=row.block_id,
            state_id=state_id,
            defaults={
                "terms_digest": row.terms_digest,
                "confirmed_by": request.user,
                "confirmed_at": timezone.now(),
            },
        )
    messages.success(
        request,
        _("You confirmed the terms of “%(title)s”. Both States' pages now show it.")
        % {"title": row.title},
    )
    return redirect("partnership", translation_key=row.translation_key, block_id=row.block_id)


@require_http_methods(["POST"])
def partnership_withdraw(request, translation_key, block_id: str, state_id: int):
    row = _partner_row(request, translation_key, block_id, state_id)
    with transaction.atomic():
        deleted, _rows = PartnershipConfirmation.objects.filter(
            translation_key=row.translation_key, block_id=row.block_id, state_id=state_id
        ).delete()
    if deleted:
        messages.success(
            request,
            _("You withdrew your State's confirmation of “%(title)s”.") % {"title": row.title},
        )
    return redirect("partnership", translation_key=row.translation_key, block_id=row.block_id)
