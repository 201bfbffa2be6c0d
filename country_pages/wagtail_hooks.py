from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, ThematicTag


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "acronym"]


class ThematicTagViewSet(SnippetViewSet):
    model = ThematicTag
    icon = "tag"
    menu_label = _("Thematic tags")
    list_display = ["name", "slug", "name_fr", "name_es"]
    search_fields = ["name", "slug"]


class PartnersGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, ThematicTagViewSet)
    menu_icon = "group"
    menu_label = _("Partners and themes")
    menu_order = 260


register_snippet(PartnersGroup)
