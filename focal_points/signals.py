"""Keep focal point rights in step with the pages and the registry.

wagtail-localize makes each translation a separate page, and a locale sync makes alias
pages: each new CountryPage, in whatever language and however it was made, gets its
State group's rights at once.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from country_pages.models import CountryPage
from registry.models import StateParty

from . import roles


@receiver(post_save, sender=StateParty)
def create_state_group(sender, instance: StateParty, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        roles.ensure_state_group(instance)


@receiver(post_save, sender=CountryPage)
def grant_country_page(sender, instance: CountryPage, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        roles.grant_page(instance)


@receiver(copy_for_translation_done)
def grant_translated_page(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, CountryPage):
        roles.grant_page(target_obj)
