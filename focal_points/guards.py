"""Permission checks that wagtail-localize and some Wagtail reports do not make.

wagtail-localize's Translate and Sync views check only the global "submit translation"
permission, its translation editor publishes without review, and Wagtail's page types
report shows the last edited page of every type, whoever may see it. These wrappers sit in
front of those views (admin_urls.py routes to them first) and check the rights on the
actual objects.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import require_admin_access
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .roles import is_isu

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def can_translate(user) -> bool:
    return user.is_active and user.has_perm(TRANSLATE_PERMISSION)


def _instance_of(source: TranslationSource):
    try:
        return source.get_source_instance()
    except Exception as error:  # the source object was deleted
        raise PermissionDenied from error


def _target_of(translation: Translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return target.specific if isinstance(target, Page) else target


def _can_edit(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _can_publish(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def check_submit_page(request, page_id: int, **kwargs) -> None:
    """Translate a page: edit rights on the source, and rights to add a page under its
    parent's translation in every language the translation will be made in."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not _can_edit(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        parent = page.get_parent()
        for locale_id in request.POST.getlist("locales"):
            locale = get_object_or_404(Locale, pk=locale_id)
            target_parent = parent.get_translation_or_none(locale) if parent else None
            if (
                target_parent is None
                or not target_parent.permissions_for_user(request.user).can_add_subpage()
            ):
                raise PermissionDenied


def check_submit_snippet(request, app_label: str, model_name: str, pk: str, **kwargs) -> None:
    if not request.user.has_perm(f"{app_label}.change_{model_name}"):
        raise PermissionDenied


def check_update(request, translation_source_id: int, **kwargs) -> None:
    """Sync translations: edit rights on the source; publish rights on every target when
    "publish immediately" is chosen."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = _instance_of(source)
    if not _can_edit(request.user, instance):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("publish_translations"):
        for translation in source.translations.filter(enabled=True):
            target = _target_of(translation)
            if target is not None and not _can_publish(request.user, target):
                raise PermissionDenied


def check_translation(request, translation_id: int, **kwargs) -> None:
    """The translation editor's actions: edit rights on the target."""
    translation = get_object_or_404(Translation, pk=translation_id)
    target = _target_of(translation)
    if target is None or not _can_edit(request.user, target):
        raise PermissionDenied


def check_page(request, page_id: int, **kwargs) -> None:
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied


def check_publish_page(request, page_id: int, **kwargs) -> None:
    """Converting a translation to an alias replaces the live page by the source's
    content: a publication."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


def no_object_check(request, **kwargs) -> None:
    return None


# wagtail-localize URL name → the object check added to the global permission.
LOCALIZE_CHECKS = {
    "submit_page_translation": check_submit_page,
    "submit_snippet_translation": check_submit_snippet,
    "update_translations": check_update,
    "edit_string_translation": check_translation,
    "edit_override": check_translation,
    "download_pofile": check_translation,
    "upload_pofile": check_translation,
    "machine_translate": check_translation,
    "preview_translation": check_translation,
    "stop_translation": check_translation,
    "convert_to_alias": check_publish_page,
    "translations_report": no_object_check,
    "translations_report_results": no_object_check,
    "snippets_api_listing": no_object_check,
    "snippets_api_detail": no_object_check,
}
# Harmless everywhere: the admin's JavaScript translation catalogue.
LOCALIZE_OPEN = {"javascript_catalog"}


def guard_localize_view(name: str, view):
    """Only translators (the ISU), and only with rights on the objects concerned. A view
    wagtail-localize adds in a later version is closed to everyone until reviewed."""
    check = LOCALIZE_CHECKS.get(name)

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if check is None or not can_translate(request.user):
            raise PermissionDenied
        check(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def isu_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_isu(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def guard_localize_hook(hook):
    """wagtail-localize's before_edit_page/before_edit_snippet hooks replace the editor by
    its translation editor, which publishes without review. For anyone who is not a
    translator, skip them: the normal editor, and so the review workflow, is used."""

    @wraps(hook)
    def guarded(request, instance):
        if not can_translate(request.user):
            return None
        return hook(request, instance)

    return guarded


# --- Wagtail admin views that show a page they never check the user may see -------------


def _explorable_ids(user) -> set[int]:
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return set(PagePermissionPolicy().explorable_instances(user).values_list("pk", flat=True))


def page_guard(view, *, test):
    """Wrap a Wagtail view taking a page id: for anyone but the ISU, `test(user, page,
    kwargs)` must hold or the request is refused."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_isu(request.user):
            page_id = (
                kwargs.get("page_id")
                or kwargs.get("parent_page_id")
                or kwargs.get("page_to_move_id")
            )
            page = get_object_or_404(Page, pk=page_id).specific
            if not test(request.user, page, kwargs):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def explorable(user, page, kwargs) -> bool:
    """The explorer and the page chooser show a page's title (its draft title) and
    status: only for the user's own pages and the pages above them."""
    return page.pk in _explorable_ids(user)


def editable(user, page, kwargs) -> bool:
    return page.permissions_for_user(user).can_edit()


def movable_to_destination(user, page, kwargs) -> bool:
    destination = get_object_or_404(Page, pk=kwargs["destination_id"])
    return page.permissions_for_user(user).can_move_to(destination)


def _visible_file_ids(user, model, ids: list[str]) -> list[str]:
    """Of the posted ids, the files the user may choose or change: Wagtail's confirmation
    page lists the others' titles ("you cannot delete …") without that check."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model)
    visible = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    wanted = [pk for pk in ids if pk.isdigit()]
    return [str(pk) for pk in visible.filter(pk__in=wanted).values_list("pk", flat=True)]


def bulk_guard(view):
    """Bulk actions on pages and reports are the ISU's. On images and documents, the ids of
    files the user may not see are dropped (none left: 404), before Wagtail's per-object
    checks."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    file_models = {
        (m._meta.app_label, m._meta.model_name): m
        for m in (get_image_model(), get_document_model())
    }

    @wraps(view)
    def guarded(request, app_label, model_name, action, *args, **kwargs):
        # Pages, and Article 7 reports (whose confirmation page would name other States'
        # reports), are the ISU's to act on in bulk.
        isu_only_models = (app_label, model_name) == (
            "wagtailcore",
            "page",
        ) or app_label == "reporting"
        if isu_only_models and not is_isu(request.user):
            raise PermissionDenied
        model = file_models.get((app_label, model_name))
        if model is not None and not is_isu(request.user):
            ids = request.GET.getlist("id")
            if "all" not in ids:  # "all" is Wagtail's own listing of what the user may change
                query = request.GET.copy()
                query.setlist("id", _visible_file_ids(request.user, model, ids))
                request.GET = query
        return view(request, app_label, model_name, action, *args, **kwargs)

    return require_admin_access(guarded)
