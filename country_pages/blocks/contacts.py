"""8. Contact information: the national authority and focal points."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..contact_api import email_reveal_url, with_contact_id
from .fields import phone_validator
from .section import AnnexSectionBlock


class ContactBlock(blocks.StructBlock):
    ROLE_CHOICES = [
        ("national_authority", _("National mine action authority")),
        ("victim_assistance", _("Victim assistance focal point")),
        ("capacity_building", _("Capacity building focal point")),
        ("other", _("Other focal point")),
    ]
    role = blocks.ChoiceBlock(choices=ROLE_CHOICES, label=_("Role"))
    organisation = blocks.CharBlock(max_length=200, label=_("Organisation"))
    name = blocks.CharBlock(max_length=150, required=False, label=_("Name"))
    position = blocks.CharBlock(max_length=150, required=False, label=_("Position"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    phone = blocks.CharBlock(
        max_length=40, required=False, validators=[phone_validator], label=_("Phone")
    )
    address = blocks.TextBlock(max_length=400, required=False, label=_("Postal address"))

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "blocks/contact.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value["email"] or value["phone"] or value["address"]):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give at least an email, a phone number or an address."))
                ]
            )
        return value

    def get_api_representation(self, value, context=None):
        """What the page shows, never the email: the page hides it from harvesters behind
        a button, so the API gives the same reveal form's address (POST), or nothing."""
        data = super().get_api_representation(value, context=context)
        data.pop("email", None)
        data["email_reveal_url"] = email_reveal_url(value, context) if value["email"] else None
        return data


class ContactInformationBlock(AnnexSectionBlock):
    contacts = blocks.ListBlock(ContactBlock(), min_num=1, label=_("Contacts"))

    class Meta:
        icon = "mail"
        label = _("Contact information")
        description = _(
            "The national authority and other national focal points (victim assistance, "
            "capacity building, …). Email addresses are not exposed to harvesting robots."
        )
        template = "blocks/contact_information.html"
        preview_value = {
            "contacts": [
                {
                    "role": "national_authority",
                    "organisation": "National Mine Action Centre",
                    "email": "info@example.org",
                    "phone": "+41 22 000 00 00",
                }
            ]
        }

    def get_api_representation(self, value, context=None):
        # Each contact with its id, which its reveal address needs.
        data = super().get_api_representation(value, context=context)
        contacts = self.child_blocks["contacts"].child_block
        data["contacts"] = [
            contacts.get_api_representation(item.value, with_contact_id(context, item.id))
            for item in value["contacts"].bound_blocks
        ]
        return data

    def find_contact(self, value, contact_id: str):
        """The contact of this id (the id the reveal form's address carries), or None."""
        for item in value["contacts"].bound_blocks:
            if item.id == contact_id:
                return item.value
        return None
