"""Images and documents: who may change them, and who may download them.

Wagtail's ownership rule lets whoever uploaded a file edit, replace and delete it. A file
that a live page shows is part of published content, though: changing it under the page
would change what the public sees with no revision, no review and no cache invalidation.
So, for a file used by a live page, only users whose rights on its collection include
"change" (the ISU) may change or delete it; the uploader's ownership no longer counts.
The rule is in the permission policy that every Wagtail image and document view, bulk
action and multiple-upload endpoint asks, so it holds in all of them.

Documents are served through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD): a document
that no live page uses is not public. Only editors with rights on its collection can
download it; everyone else gets a 404. Stored files (documents, original images and so
renditions) get a random part in their names, so the media folder, which the web server
may serve directly, does not give them away to someone who guesses a file name.

"Used by a live page" comes from Wagtail's reference index, which indexes each page as
stored in its table: for a live page that is its live content (drafts live in revisions
and are not indexed), for a page never published its first saved content — hence the
filter on live pages.
"""

from __future__ import annotations

import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.db.models.signals import pre_save
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

CHANGE_ACTIONS = frozenset({"change", "delete"})


def _live_page_ids():
    return Page.objects.live().annotate(pk_text=Cast("pk", models.CharField())).values("pk_text")


def live_references(model) -> models.QuerySet:
    """Reference index rows from live pages to objects of `model`."""
    return ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_live_page_ids(),
    )


def used_on_live_page(instance) -> bool:
    if instance.pk is None:
        return False
    return live_references(type(instance)).filter(to_object_id=str(instance.pk)).exists()


class LiveFilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection ownership policy, except that owning a file used by a live
    page does not allow changing or deleting it: that needs "change" on its collection.

    Listings keep Wagtail's rule (an uploader still sees their published files among
    those they uploaded); every view that changes or deletes a file, bulk actions
    included, checks the instance and is refused."""

    def _may_change_published(self, user, instance) -> bool:
        return self._check_perm(user, {"change"}, collection=instance.collection)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if (
            actions & CHANGE_ACTIONS
            and not self._may_change_published(user, instance)
            and used_on_live_page(instance)
        ):
            actions -= CHANGE_ACTIONS | {"add"}
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_policies() -> None:
    """Called from FocalPointsConfig.ready(). Registered for the exact model classes, which
    Wagtail looks up before the policies wagtail.images and wagtail.documents register for
    their base classes, whatever the order the apps are ready in."""
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    register_permission_policy(
        get_image_model(),
        LiveFilePermissionPolicy(
            get_image_model(),
            auth_model="wagtailimages.Image",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
    register_permission_policy(
        get_document_model(),
        LiveFilePermissionPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
    for model in (get_image_model(), get_document_model()):
        pre_save.connect(unguessable_file_name, sender=model, dispatch_uid=f"name-{model}")


def unguessable_file_name(sender, instance, raw=False, **kwargs) -> None:
    """A new or replaced file is stored under a name with a random part in front (kept
    when Wagtail shortens a long name): the media folder may be served as it is, and
    an uploader's file name ("article-7-report-2025.pdf") is easy to guess. Renditions
    are named after the original, so theirs are too."""
    file = instance.file
    if raw or not file or file._committed:
        return
    folder, _slash, name = file.name.rpartition("/")
    token = secrets.token_urlsafe(9).replace("-", "x").replace("_", "x")
    file.name = f"{folder}/{token}_{name}" if folder else f"{token}_{name}"


# --- Downloads -------------------------------------------------------------------------


def may_download(user, document) -> bool:
    from wagtail.permissions import policy_registry

    if used_on_live_page(document):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)


@hooks.register("before_serve_document")
def serve_only_published_documents(document, request):
    if not may_download(request.user, document):
        raise Http404
