from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from core.translation import translation_status
from registry.models import StateParty


class RegistryFactsPanel(Panel):
    """The ISU's registry facts for the page's State, read-only in the page editor: the
    focal point sees what the public page will show, and cannot change it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Status of implementation (kept by the ISU)"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "registry_facts"

    class BoundPanel(Panel.BoundPanel):
        template_name = "country_pages/panels/registry_facts.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            state_id = getattr(self.instance, "state_id", None)
            context["state"] = (
                StateParty.objects.with_related().filter(pk=state_id).first() if state_id else None
            )
            return context


class TranslationStatusPanel(Panel):
    """Which languages this page is up to date, outdated or missing in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Languages"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "country_pages/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["status"] = translation_status(self.instance)
            return context
