from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .compare import install_on_country_pages
from .models import Organisation
from .tags import ThematicTag

# Readable revision comparisons of the page's sections (country_pages/compare.py).
install_on_country_pages()


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def editor_js():
    # Large numbers grouped by thousands beside their input as they are typed.
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))


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
