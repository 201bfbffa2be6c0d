"""The public API's view of contacts: the email addresses a country page hides from
harvesters (behind its "Show email address" button) stay hidden in /api/v2/ too."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from rest_framework.fields import Field

from core.public_url import public_url

CONTACT_ID = "contact_id"
PAGE = "page"


def with_contact_id(context: dict | None, contact_id: str) -> dict:
    return {**(context or {}), CONTACT_ID: contact_id}


def email_reveal_url(value, context: dict | None) -> str | None:
    """The address of the page's reveal form for this contact (POST, as the page's button
    does), when the page and the contact are known; else None."""
    context = context or {}
    page, contact_id = context.get(PAGE), context.get(CONTACT_ID)
    if page is None or not contact_id:
        return None
    with translation.override(page.locale.language_code):
        path = reverse("reveal_contact", kwargs={"page_id": page.pk, "contact_id": contact_id})
    return public_url(path)


class BodyField(Field):
    """A page's StreamField, serialised as Wagtail's API serialises StreamFields, with the
    page in the blocks' context (the contact block links to the page's reveal form)."""

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_representation(self, value):
        page, stream = value
        return stream.stream_block.get_api_representation(stream, {**self.context, PAGE: page})
