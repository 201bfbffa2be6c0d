from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from core.translation import translation_status
from country_pages import figures
from country_pages.models import CountryPage

from . import guards, review, status, two_factor, views  # noqa: F401 (review: its hooks)
from .roles import is_isu, states_of

# --- wagtail-localize: the translation editor is for translators only -------------------

# This module is imported after wagtail_localize's hooks (INSTALLED_APPS order), so its
# editor-replacing hooks can be wrapped in place. Wagtail has no API to wrap or remove a
# registered hook: this reads its private registry (checked with Wagtail 8.0). The names
# wrapped are recorded; focal_points.wagtail_checks fails at start-up if one is missing.
LOCALIZE_EDIT_HOOKS = ("before_edit_page", "before_edit_snippet")
WRAPPED_LOCALIZE_HOOKS: list[str] = []
for _hook_name in LOCALIZE_EDIT_HOOKS:
    _entries = hooks._hooks.get(_hook_name, [])
    for _index, (_fn, _order) in enumerate(_entries):
        if _fn.__module__ == "wagtail_localize.wagtail_hooks":
            _entries[_index] = (guards.guard_localize_hook(_fn), _order)
            WRAPPED_LOCALIZE_HOOKS.append(_hook_name)


@hooks.register("after_edit_page")
def unsync_translation_edited_by_focal_point(request, page):
    """A focal point's correction to the words of a translated page makes it an
    independently edited page: it follows the review workflow, and a later sync by the ISU
    will not overwrite it. Its figures still follow the source (country_pages/figures.py).
    Nothing happens silently: the editor is told, the ISU's dashboard lists the page."""
    from django.contrib import messages
    from django.utils.translation import gettext, ngettext

    if not isinstance(page, CountryPage):
        return
    source = figures.source_of(page)
    if source.pk == page.pk:
        return
    source_language = source.locale.get_display_name()
    reset = getattr(page, "figures_reset", 0)
    if reset:
        messages.warning(
            request,
            ngettext(
                "%(count)s figure was set back to the value of the %(language)s version: "
                "amounts, dates, years and choices are the same in every language and are "
                "changed in the %(language)s version.",
                "%(count)s figures were set back to the values of the %(language)s version: "
                "amounts, dates, years and choices are the same in every language and are "
                "changed in the %(language)s version.",
                reset,
            )
            % {"count": reset, "language": source_language},
        )
    if guards.can_translate(request.user) or not figures.words_changed(page):
        return
    updated = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).update(enabled=False)
    if updated:
        from wagtail.log_actions import log

        log(instance=page, action="focal_points.translation_unsynced", user=request.user)
        messages.warning(
            request,
            gettext(
                "Your correction stops the synchronisation of this %(language)s version "
                "from the %(source)s version: later updates of its text will not replace "
                "your words. The ISU sees this on its dashboard. Figures still follow the "
                "%(source)s version."
            )
            % {"language": page.locale.get_display_name(), "source": source_language},
        )


# --- Admin scoping -------------------------------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def only_own_pages_in_chooser(pages, request):
    """Wagtail's page chooser lists every page, drafts included; a focal point sees only
    their own country's pages (and the pages above them, to navigate)."""
    if is_isu(request.user):
        return pages
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values_list("pk", flat=True))


@hooks.register("construct_reports_menu")
def hide_isu_reports(request, menu_items):
    if is_isu(request.user):
        return
    hidden = {
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtail_localize:translations_report"),
    }
    menu_items[:] = [item for item in menu_items if item.url not in hidden]


# --- The Focal points view ------------------------------------------------------------------


@hooks.register("register_admin_urls")
def focal_points_urls():
    return [
        path("two-factor/", two_factor.two_factor, name="two_factor"),
        path("focal-points/", views.focal_points_index, name="focal_points_index"),
        path(
            "focal-points/<int:state_id>/<int:user_id>/remove/",
            views.remove,
            name="focal_points_remove",
        ),
    ]


class FocalPointsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.MANAGE_PERMISSION)


@hooks.register("register_admin_menu_item")
def focal_points_menu_item():
    return FocalPointsMenuItem(
        _("Focal points"), reverse("focal_points_index"), icon_name="user", order=240
    )


# --- Dashboard ----------------------------------------------------------------------------------


class IsuDashboardPanel(Component):
    name = "isu_dashboard"
    template_name = "focal_points/dashboard/isu.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["stale_pages"] = status.stale_pages()[:20]
        context["outdated_translations"] = status.outdated_translations()[:20]
        context["detached_translations"] = status.detached_translations()[:20]
        context["inactive_focal_points"] = status.inactive_focal_points()[:20]
        return context


class FocalPointDashboardPanel(Component):
    name = "focal_point_dashboard"
    template_name = "focal_points/dashboard/focal_point.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = []
        for state in states_of(self.user):
            pages = CountryPage.objects.filter(state=state).select_related("locale")
            first = pages.first()
            rows.append(
                {
                    "state": state,
                    "status": translation_status(first) if first else [],
                    "pages": pages,
                }
            )
        context["rows"] = rows
        return context


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    if is_isu(request.user):
        panels.append(IsuDashboardPanel())
    elif states_of(request.user):
        panels.append(FocalPointDashboardPanel(request.user))


# --- Audit log ------------------------------------------------------------------------------------


@hooks.register("register_log_actions")
def focal_point_log_actions(actions):
    @actions.register_action("focal_points.assign")
    class AssignFormatter(LogFormatter):
        label = _("Made focal point")

        def format_message(self, log_entry):
            return _("Made focal point for %(state)s") % {"state": log_entry.data.get("state")}

    @actions.register_action("focal_points.remove")
    class RemoveFormatter(LogFormatter):
        label = _("Removed as focal point")

        def format_message(self, log_entry):
            return _("Removed as focal point for %(state)s") % {
                "state": log_entry.data.get("state")
            }

    @actions.register_action("focal_points.translation_unsynced")
    class UnsyncFormatter(LogFormatter):
        label = _("Translation edited independently")
        message = _(
            "Edited by a focal point: this translation no longer follows the source automatically"
        )


# --- Concurrent edits ------------------------------------------------------------------------
# A form loaded before someone else's newer version is refused by the page editor itself
# (focal_points/editing.py, routed by admin_urls.py): nothing is replaced, the form comes back
# with the user's text and a link comparing the two versions.
