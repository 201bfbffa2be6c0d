"""Focal point accounts: one service used by the admin view and `add_focal_point`."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.translation import source_page_of
from country_pages.models import CountryPage
from registry.models import StateParty

from . import roles


@dataclass
class Assignment:
    user: object
    created: bool
    invitation_url: str


def invitation_url(user) -> str:
    """A one-time link where the user sets their password (Wagtail's reset form)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


@transaction.atomic
def assign_focal_point(
    state: StateParty,
    email: str,
    *,
    first_name: str = "",
    last_name: str = "",
    several_states: bool = False,
    acting_user=None,
    invite: bool = True,
    language: str | None = None,
) -> Assignment:
    """Make `email` a focal point of `state`, creating and inviting the account if new.

    A user is focal point for one State only, unless the ISU decides otherwise
    (several_states=True). ISU members are never focal points: their rights already
    cover everything and mixing roles would blur who reviews whom.
    """
    email = email.strip().lower()
    validate_email(email)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    if roles.is_isu(user):
        raise ValidationError(_("This account belongs to the ISU and cannot be a focal point."))
    others = [s for s in roles.states_of(user) if s.pk != state.pk]
    if others and not several_states:
        raise ValidationError(
            _(
                "%(email)s is already focal point for %(states)s. A user is focal point for "
                "one State only, unless the ISU decides otherwise."
            )
            % {"email": email, "states": ", ".join(s.name_en for s in others)}
        )
    state_group = roles.ensure_state_group(state)
    state_group.group.user_set.add(user)
    language = set_working_language(user, state, language)
    log(
        instance=user,
        action="focal_points.assign",
        user=acting_user,
        data={"state": state.iso3, "several_states": bool(others)},
    )
    url = invitation_url(user) if invite and not user.has_usable_password() else ""
    if url:
        with translation.override(language):
            _send_invitation(state, email, url)
    return Assignment(user=user, created=created, invitation_url=url)


def _send_invitation(state: StateParty, email: str, url: str) -> None:
    send_mail(
        subject=_("Your focal point account on the Mine Ban Convention website"),
        message=_(
            "You are now a national focal point for %(state)s on the website of the "
            "Anti-Personnel Mine Ban Convention.\n\nChoose your password here (the link "
            "works once):\n%(url)s\n\nThen sign in at %(admin)s to edit your country's page."
        )
        % {
            "state": state.name,
            "url": url,
            "admin": f"{settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}",
        },
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )


@transaction.atomic
def remove_focal_point(state: StateParty, user, *, acting_user=None) -> None:
    state_group = roles.ensure_state_group(state)
    state_group.group.user_set.remove(user)
    log(instance=user, action="focal_points.remove", user=acting_user, data={"state": state.iso3})


def working_language_of(state: StateParty) -> str:
    """The language a State's focal points work in, unless the ISU says otherwise: the
    language its page is written in (the source of its translations), else English."""
    page = CountryPage.objects.filter(state=state).select_related("locale").first()
    if page is None:
        return settings.LANGUAGE_CODE
    return source_page_of(page).locale.language_code


def set_working_language(user, state: StateParty, language: str | None = None) -> str:
    """Record the focal point's language in Wagtail's user profile, which Wagtail uses for
    the admin and for every notification it emails them (review requested, approved,
    changes requested). A preference the user already chose is kept unless the ISU gives
    one."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if language or not profile.preferred_language:
        profile.preferred_language = language or working_language_of(state)
        profile.save(update_fields=["preferred_language"])
    return profile.preferred_language
