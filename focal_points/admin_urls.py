"""Admin URLs routed to guarded views before Wagtail's own admin URLs (cms/urls.py
includes this module first, so these paths win). Each wraps the view Wagtail registers
for the same route, found by name, so the route and the view stay Wagtail's."""

from functools import partial

from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.cache import never_cache
from wagtail.admin import urls as admin_urls
from wagtail.admin.urls import pages as page_urls
from wagtail.admin.urls import reports as report_urls
from wagtail.admin.urls import workflows as workflow_urls
from wagtail_localize.wagtail_hooks import register_admin_urls as localize_admin_urls

from . import editing, guards


def guarded(patterns, name: str, prefix: str, wrap) -> URLPattern:
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name == name:
            return path(
                prefix + str(pattern.pattern),
                never_cache(wrap(pattern.callback)),
                name=f"guarded_{name}",
            )
    raise LookupError(f"Wagtail has no admin view named {name!r}")


def guarded_localize_patterns() -> list:
    (localize_resolver,) = localize_admin_urls()
    patterns = []
    for pattern in localize_resolver.url_patterns:
        if pattern.name in guards.LOCALIZE_OPEN:
            continue
        view = never_cache(guards.guard_localize_view(pattern.name, pattern.callback))
        patterns.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
    return patterns


def api_patterns() -> list:
    """The admin API's image and document endpoints list every file, whatever its
    collection: for the ISU only. The page endpoints filter by permission already."""
    (api,) = [
        p for p in admin_urls.urlpatterns if isinstance(p, URLResolver) and str(p.pattern) == "api/"
    ]
    patterns = []
    for main in api.url_patterns:
        for endpoint in main.url_patterns:
            if endpoint.namespace in ("documents", "images"):
                prefix = f"api/{main.pattern}{endpoint.pattern}".replace("^", "")
                for pattern in endpoint.url_patterns:
                    patterns.append(
                        path(
                            prefix + str(pattern.pattern).replace("^", "").replace("$", ""),
                            never_cache(guards.isu_only(pattern.callback)),
                            name=f"guarded_api_{endpoint.namespace}_{pattern.name}",
                        )
                    )
    return patterns


explorable = partial(guards.page_guard, test=guards.explorable)
editable = partial(guards.page_guard, test=guards.editable)
movable = partial(guards.page_guard, test=guards.movable_to_destination)

urlpatterns = [
    path("localize/", include((guarded_localize_patterns(), "guarded_localize"))),
    *api_patterns(),
    # Views that show a page's admin title and status without checking the user may see it.
    guarded(admin_urls.urlpatterns, "wagtailadmin_explore", "", explorable),
    guarded(admin_urls.urlpatterns, "wagtailadmin_explore_results", "", explorable),
    guarded(admin_urls.urlpatterns, "wagtailadmin_choose_page_child", "", explorable),
    guarded(
        admin_urls.urlpatterns,
        "wagtailadmin_choose_page_chosen_multiple",
        "",
        editing.chosen_multiple_guard,
    ),
    # The page editor, refusing a stale form instead of dropping someone else's version.
    guarded(page_urls.urlpatterns, "edit", "pages/", editing.edit_page_view),
    guarded(page_urls.urlpatterns, "move_confirm", "pages/", movable),
    guarded(page_urls.urlpatterns, "confirm_workflow_cancellation", "pages/", editable),
    # Site-wide listings and management, for the ISU only.
    guarded(admin_urls.urlpatterns, "wagtail_bulk_action", "", guards.bulk_guard),
    guarded(page_urls.urlpatterns, "type_use", "pages/", guards.isu_only),
    guarded(page_urls.urlpatterns, "type_use_results", "pages/", guards.isu_only),
    guarded(report_urls.urlpatterns, "page_types_usage", "reports/", guards.isu_only),
    guarded(report_urls.urlpatterns, "page_types_usage_results", "reports/", guards.isu_only),
    guarded(workflow_urls.urlpatterns, "task_chooser", "workflows/", guards.isu_only),
    guarded(workflow_urls.urlpatterns, "task_chooser_results", "workflows/", guards.isu_only),
    guarded(workflow_urls.urlpatterns, "task_chooser_create", "workflows/", guards.isu_only),
    guarded(workflow_urls.urlpatterns, "task_chosen", "workflows/", guards.isu_only),
]
