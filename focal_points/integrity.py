"""What was reviewed stays as it was reviewed, and an account is who it says it is.

Installed once at start-up (apps.py), for every path that reaches these models — the
editor, autosave, wagtail-localize, management commands:

- (Reviewed revisions are never overwritten in place: core.revisions, on BasePage.)
- wagtail-localize's `create_or_update_translation(publish=False)` writes the translated
  text onto the page row. For a live page (a live alias being translated again, after
  "convert to alias") that puts unreviewed text live without a publish or a log entry.
  The live content is put back; the new text stays a draft until someone publishes it,
  and a publication by wagtail-localize is logged with the user who asked for it.
- Emails are unique across accounts (case-insensitive; a database index backs the forms),
  focal points do not change their email in their account settings (the ISU does, in user
  management), and nobody takes another account's name.
"""

from __future__ import annotations

import json
from functools import wraps

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .roles import is_isu

EMAIL_TAKEN = _("This email address is already used by another account.")
NAME_TAKEN = _(
    "This name is already used by another account. Use your own name, so that the "
    "history shows who did what."
)


# --- wagtail-localize ---------------------------------------------------------------------


def _live_target(source, locale):
    from wagtail.models import Page

    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if isinstance(target, Page) and target.live:
        return Page.objects.get(pk=target.pk).specific
    return None


def _restore_live_content(live):
    """Put the live content back on the page row, keeping the new revision as its draft
    (what Revision.publish does the other way round)."""
    from wagtail.models import Page

    current = Page.objects.get(pk=live.pk).specific
    restored = current.with_content_json(json.loads(live.to_json()))
    restored.alias_of_id = current.alias_of_id
    restored.live_revision_id = current.live_revision_id
    restored.has_unpublished_changes = current.latest_revision_id != current.live_revision_id
    restored.save(clean=False)


def _translation_stays_draft(create_or_update_translation):
    @wraps(create_or_update_translation)
    def guarded(self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False):
        from wagtail.models import Page

        is_page = issubclass(self.specific_content_type.model_class() or object, Page)
        live = _live_target(self, locale) if is_page else None
        result = create_or_update_translation(
            self,
            locale,
            user=user,
            # A page is saved as a draft, then published below by the user who asked.
            publish=publish and not is_page,
            copy_parent_pages=copy_parent_pages,
            fallback=fallback,
        )
        if live is not None:
            _restore_live_content(live)
        if is_page and publish:
            # wagtail-localize publishes without naming who did it in the history.
            translation, _created = result
            revision = Page.objects.get(pk=translation.pk).get_latest_revision()
            transaction.on_commit(lambda: revision.publish(user=user))
        return result

    guarded.keeps_translations_draft = True
    return guarded


# --- Accounts -------------------------------------------------------------------------------


def email_taken(email: str, user) -> bool:
    others = get_user_model().objects.filter(email__iexact=(email or "").strip())
    if user is not None and user.pk:
        others = others.exclude(pk=user.pk)
    return bool(email) and others.exists()


def name_taken(first_name: str, last_name: str, user) -> bool:
    first, last = " ".join(first_name.split()), " ".join(last_name.split())
    if not (first or last):
        return False
    others = get_user_model().objects.filter(first_name__iexact=first, last_name__iexact=last)
    if user is not None and user.pk:
        others = others.exclude(pk=user.pk)
    return others.exists()


def _clean_unique_email(self):
    email = self.cleaned_data.get("email")
    if email_taken(email, self.instance):
        raise ValidationError(EMAIL_TAKEN, code="email_taken")
    return email


def make_name_email_form(base):
    class NameEmailForm(base):
        """Account settings: a focal point changes their name, not their email (the ISU
        does, in user management, and invitations go to the address the ISU chose); no
        two accounts share an email or a name."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "email" in self.fields and not is_isu(self.instance):
                del self.fields["email"]

        clean_email = _clean_unique_email

        def clean(self):
            cleaned = super().clean()
            first, last = cleaned.get("first_name") or "", cleaned.get("last_name") or ""
            if name_taken(first, last, self.instance):
                self.add_error("last_name", ValidationError(NAME_TAKEN, code="name_taken"))
            return cleaned

    return NameEmailForm


# --- Installation ---------------------------------------------------------------------------


def install() -> None:
    from wagtail.admin.views import account
    from wagtail.users import forms as user_forms
    from wagtail_localize.models import TranslationSource

    current = TranslationSource.__dict__["create_or_update_translation"]
    if not getattr(current, "keeps_translations_draft", False):
        TranslationSource.create_or_update_translation = _translation_stays_draft(current)

    panel = account.NameEmailSettingsPanel
    if not getattr(panel.form_class, "checks_impersonation", False):
        panel.form_class = make_name_email_form(panel.form_class)
        panel.form_class.checks_impersonation = True
    # User management (the ISU): the same uniqueness.
    user_forms.UserForm.clean_email = _clean_unique_email
