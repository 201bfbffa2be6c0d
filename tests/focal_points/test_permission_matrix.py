"""The permission matrix, generated from the admin URL patterns.

Every admin endpoint that takes a page, revision, workflow state, translation, collection
or media object of State B (Zimbabwe) — in every language its page exists in — and every
user, group, registry, snippet and site-management endpoint is requested with GET and POST
by the focal point of State A (Sudan), by a signed-in user with no group and by an
anonymous visitor. None may succeed, and the database must be unchanged afterwards. The
list comes from the URL resolver, so an endpoint added later is covered, and a parameter
the test cannot fill makes it fail rather than skip the endpoint.
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    Task,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail.models.media import UploadedFile
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from country_pages.models import CountryPage, Organisation
from country_pages.tags import ThematicTag
from focal_points.models import StateGroup
from registry.models import Article5Deadline, MembershipEvent, StateParty
from registry.models import Article7Report as RegistryArticle7Report
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country, make_user, translate_everything

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# Endpoints any signed-in editor may use whatever State they serve: they list public data
# (the names of States, organisations and themes for choosers) or nothing at all.
OPEN_TO_EDITORS = {
    "wagtail_localize:javascript_catalog",
    # Ends the caller's own editing session only; answers {} whatever the id.
    "wagtailadmin_editing_sessions:release",
    "wagtailsnippetchoosers_registry_stateparty:choose",
    "wagtailsnippetchoosers_registry_stateparty:choose_results",
    "wagtailsnippetchoosers_registry_stateparty:chosen",
    "wagtailsnippetchoosers_country_pages_organisation:choose",
    "wagtailsnippetchoosers_country_pages_organisation:choose_results",
    "wagtailsnippetchoosers_country_pages_organisation:chosen",
    "wagtailsnippetchoosers_country_pages_thematictag:choose",
    "wagtailsnippetchoosers_country_pages_thematictag:choose_results",
    "wagtailsnippetchoosers_country_pages_thematictag:chosen",
    # The kinds of snippet the user has rights on (a focal point: Article 7 reports and mine
    # types), with no object of any State.
    "wagtailsnippets:index",
}
# Management areas: denied even without an object of State B in the URL.
MANAGEMENT_PREFIXES = (
    "wagtailusers_users:",
    "wagtailusers_groups:",
    "wagtailsnippets_registry_stateparty:",
    "wagtailsnippets_country_pages_organisation:",
    "wagtailsnippets_country_pages_thematictag:",
    "wagtailsnippets:",
    "wagtailadmin_workflows:",
    "wagtaillocales:",
    "wagtailsites:",
    "wagtailredirects:",
    "wagtailadmin_collections:",
    "wagtailsettings:",
    "guarded_localize:",
    "wagtail_localize:",
    "focal_points_",
    "wagtailadmin_reports:page_types_usage",
    "guarded_page_types_usage",
    "guarded_type_use",
    "guarded_task_",
    "guarded_api_documents",
    "guarded_api_images",
    "wagtailsnippetchoosers_reporting_article7report:",
    "reporting_proposal",
    "reporting_crosscutting",
    "reporting_analysis",
    "wagtailadmin_api:documents",
    "wagtailadmin_api:images",
)
# Public endpoints under /admin/ (signing in, resetting a password).
# Parameters that name a kind of object, not an object of State B.
CONTENT_TYPE_PARAMS = {
    "app_label",
    "model_name",
    "content_type_app_name",
    "content_type_model_name",
    "app_name",
}
PUBLIC = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def admin_patterns():
    """(full name, parameter names) of every named admin URL pattern."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + route, inner)
            elif isinstance(pattern, URLPattern):
                yield prefix + route, (namespace + pattern.name) if pattern.name else None

    seen = set()
    for route, name in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        params = tuple(a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))
        # An unnamed pattern cannot be reversed: fine without parameters (Wagtail's
        # "test404"), a gap in the matrix otherwise.
        assert name or not params, f"unnamed admin URL {route!r} takes parameters: name it"
        name = name or f"/{route}"
        if (name, params) not in seen:
            seen.add((name, params))
            yield name, params


class World:
    """State A (Sudan) and State B (Zimbabwe), with everything an admin URL can name."""

    def __init__(self, states_index):
        resources = [
            (
                "additional_resources",
                {
                    "links": [
                        {
                            "kind": "other",
                            "title": "Site",
                            "url": "https://example.org/",
                            "document": None,
                        }
                    ]
                },
            )
        ]
        body = [
            (
                "national_context",
                {"text": "<p>Context.</p>", "casualties": [], "sdg_links": [], "tags": []},
            ),
            *resources,
        ]
        self.a_page = make_country(states_index, "SDN", languages=("fr",), body=body)
        # B's page also states a partnership under Action #21 with Norway (not A).
        from tests.partnerships.data import partnership, partnerships_section

        self.b_page = make_country(
            states_index,
            "ZWE",
            languages=("fr", "ar", "ru", "zh-hans"),
            body=[*body, partnerships_section(partnership(partners=("NOR",)))],
        )
        from partnerships.models import PublishedPartnership

        self.b_partnership = PublishedPartnership.objects.filter(page=self.b_page).get()
        spanish = translate_everything(self.b_page, "es", publish=False)  # a draft translation
        assert not spanish.live
        self.fp_a = make_user("Focal point — Sudan", email="fp.a@example.org")
        self.fp_b = make_user("Focal point — Zimbabwe", email="fp.b@example.org")
        self.isu = make_user("ISU", email="isu.member@example.org")
        self.no_group = make_user(email="nobody@example.org")

        self.b_pages = list(CountryPage.objects.filter(state__iso3="ZWE").order_by("pk"))
        self.a_pages = list(CountryPage.objects.filter(state__iso3="SDN").order_by("pk"))
        assert {p.locale.language_code for p in self.b_pages} == {
            code for code, _ in settings.LANGUAGES
        }
        # State B's focal point saves a draft and submits the English page for review.
        draft = self.b_page.save_revision(user=self.fp_b)
        self.b_page.get_workflow().start(self.b_page, self.fp_b)
        self.b_page.refresh_from_db()
        self.b_revisions = list(
            Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in self.b_pages])
        )
        assert draft in self.b_revisions
        self.b_workflow_states = list(
            WorkflowState.objects.filter(
                base_content_type__model="page", object_id=str(self.b_page.pk)
            )
        )
        self.b_task_states = list(
            TaskState.objects.filter(workflow_state__in=self.b_workflow_states)
        )
        keys = [self.b_page.translation_key]
        self.b_sources = list(TranslationSource.objects.filter(object_id__in=keys))
        self.b_translations = list(Translation.objects.filter(source__in=self.b_sources))
        self.b_string_segments = list(StringSegment.objects.filter(source__in=self.b_sources)[:2])
        self.b_overridable_segments = list(
            OverridableSegment.objects.filter(source__in=self.b_sources)[:1]
        )
        assert self.b_translations and self.b_string_segments and self.b_overridable_segments

        b_group = StateGroup.objects.get(state__iso3="ZWE")
        self.b_state = b_group.state
        self.b_group = b_group.group
        self.b_collection = b_group.collection
        self.b_image = make_image(self.b_collection, self.fp_b)
        self.b_document = make_document(self.b_collection, self.fp_b)
        self.b_uploaded = UploadedFile.objects.create(
            file=SimpleUploadedFile("upload.pdf", b"%PDF-1.4"),
            uploaded_by_user=self.fp_b,
            for_content_type=None,
        )
        self.redirect = Redirect.objects.create(
            old_path="/old", redirect_link="https://example.org/"
        )
        self.organisation = Organisation.objects.create(name="Org", kind="other")
        from django.contrib.contenttypes.models import ContentType
        from wagtail.admin.models import EditingSession

        self.b_reports, self.b_mine_type = b_reports(self.b_state, self.fp_b)
        from approach.models import ApproachRequest

        self.b_approach_request = ApproachRequest.objects.create(
            state=self.b_state, requested_by=self.fp_b, message="B asks to start."
        )
        self.b_session = EditingSession.objects.create(
            user=self.fp_b,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(self.b_page.pk),
            last_seen_at=self.b_page.latest_revision_created_at,
        )

    def values(self, name: str, param: str) -> list:
        """Values of State B (or of management objects) for a URL parameter."""
        if name.startswith(REPORT_URLS):
            return self.report_values(name, param)
        b_page_ids = [p.pk for p in self.b_pages]
        if param in ("page_id", "parent_page_id", "page_to_move_id", "page_pk"):
            return b_page_ids
        if param == "destination_id":
            return [self.a_pages[0].get_parent().pk]
        if param == "object_id":
            return [str(self.b_page.pk)]
        if param == "pk":
            return self.pk_values(name)
        if param in ("revision_id", "revision_id_a", "revision_id_b"):
            return [r.pk for r in self.b_revisions]
        if param == "workflow_state_id":
            return [s.pk for s in self.b_workflow_states]
        if param == "task_state_id":
            return [s.pk for s in self.b_task_states]
        if param == "task_id":
            return list(Task.objects.values_list("pk", flat=True))
        if param == "translation_id":
            return [t.pk for t in self.b_translations]
        if param == "translation_source_id":
            return [s.pk for s in self.b_sources]
        if param == "string_segment_id":
            return [s.pk for s in self.b_string_segments]
        if param == "overridable_segment_id":
            return [s.pk for s in self.b_overridable_segments]
        if param == "image_id":
            return [self.b_image.pk]
        if param in ("document_id", "doc_id"):
            return [self.b_document.pk]
        if param == "collection_id":
            return [self.b_collection.pk]
        if param == "redirect_id":
            return [self.redirect.pk]
        if param == "uploaded_file_id":
            return [self.b_uploaded.pk]
        if param == "session_id":
            return [self.b_session.pk]
        if param == "state_id" and name.startswith("partnership_"):
            # Confirming B's partnership for its partner, for B, for A (not a partner).
            return [StateParty.objects.get(iso3=iso3).pk for iso3 in ("NOR", "ZWE", "SDN")]
        if param == "state_id":
            return [self.b_state.pk]
        if param == "translation_key":
            return [self.b_partnership.translation_key]
        if param == "block_id":
            return [self.b_partnership.block_id]
        if param == "user_id":
            return [self.fp_b.pk]
        if param == "proposal_id":
            from reporting.models import RegistryProposal

            proposals = RegistryProposal.objects.filter(state=self.b_state)
            assert proposals.exists()
            return list(proposals.values_list("pk", flat=True))
        if param == "approach_request_id":
            return [self.b_approach_request.pk]
        if param == "workflow_pk":
            return list(Workflow.objects.values_list("pk", flat=True))
        if param in ("app_label", "content_type_app_name", "app_name"):
            if name.startswith(("guarded_localize:", "wagtail_localize:")):
                return ["country_pages"]
            if name == "wagtail_bulk_action":
                return ["wagtailcore", "reporting"]
            return ["country_pages", "registry"]
        if param in ("model_name", "content_type_model_name"):
            if name.startswith(("guarded_localize:", "wagtail_localize:")):
                return ["organisation"]
            if name == "wagtail_bulk_action":
                return ["page", "article7report"]
            return ["countrypage", "stateparty"]
        if param == "action_name":
            if name.startswith("wagtailadmin_api"):
                return ["publish", "unpublish", "delete", "copy", "move", "copy_for_translation"]
            return ["approve", "reject"]
        if param == "action":
            return ["delete", "publish", "unpublish", "move"]
        if param == "mode":
            return [""]
        if param == "filter_spec":
            return ["original"]
        raise AssertionError(f"no value for parameter {param!r} of {name}: extend the matrix")

    def report_values(self, name: str, param: str) -> list:
        """State B's Article 7 reports: a draft, one in the ISU's review, an accepted one,
        and B's proposed mine type; their revisions and review states."""
        reports = self.b_reports
        if param == "pk":
            if "minetype" in name:
                return [self.b_mine_type.pk]
            return [r.pk for r in reports]
        keys = [str(r.pk) for r in reports]
        if param in ("revision_id", "revision_id_a", "revision_id_b"):
            return list(
                Revision.objects.filter(
                    base_content_type__model="article7report", object_id__in=keys
                ).values_list("pk", flat=True)
            )
        states = WorkflowState.objects.filter(
            base_content_type__model="article7report", object_id__in=keys
        )
        if param == "workflow_state_id":
            return list(states.values_list("pk", flat=True))
        if param == "task_state_id":
            return list(
                TaskState.objects.filter(workflow_state__in=states).values_list("pk", flat=True)
            )
        if param == "task_id":
            return list(Task.objects.values_list("pk", flat=True))
        if param == "action_name":
            return ["approve", "reject"]
        raise AssertionError(f"no value for parameter {param!r} of {name}: extend the matrix")

    def pk_values(self, name: str) -> list:
        b_page_ids = [p.pk for p in self.b_pages]
        table = [
            ("wagtailadmin_api:pages", b_page_ids),
            ("wagtailadmin_pages:", b_page_ids),
            ("wagtailadmin_api:documents", [self.b_document.pk]),
            ("guarded_api_documents", [self.b_document.pk]),
            ("guarded_api_images", [self.b_image.pk]),
            ("wagtaildocs", [self.b_document.pk]),
            ("wagtailadmin_api:images", [self.b_image.pk]),
            ("wagtailimages", [self.b_image.pk]),
            ("wagtailadmin_collections", [self.b_collection.pk]),
            ("wagtailadmin_workflows:edit_task", list(Task.objects.values_list("pk", flat=True))),
            (
                "wagtailadmin_workflows:disable_task",
                list(Task.objects.values_list("pk", flat=True)),
            ),
            ("wagtailadmin_workflows:enable_task", list(Task.objects.values_list("pk", flat=True))),
            ("wagtailadmin_workflows", list(Workflow.objects.values_list("pk", flat=True))),
            ("wagtailsnippets_registry_stateparty", [self.b_state.pk]),
            ("wagtailsnippetchoosers_registry_stateparty", [self.b_state.pk]),
            ("wagtailsnippets_country_pages_organisation", [self.organisation.pk]),
            ("wagtailsnippetchoosers_country_pages_organisation", [self.organisation.pk]),
            ("wagtailsnippets_country_pages_thematictag", [ThematicTag.objects.first().pk]),
            ("wagtailsnippetchoosers_country_pages_thematictag", [ThematicTag.objects.first().pk]),
            ("wagtaillocales", list(Locale.objects.values_list("pk", flat=True)[:1])),
            ("wagtailsites", list(Site.objects.values_list("pk", flat=True))),
            ("wagtailusers_users", [self.fp_b.pk, self.isu.pk]),
            ("wagtailusers_groups", [self.b_group.pk, Group.objects.get(name="ISU").pk]),
            ("guarded_localize", [self.organisation.pk]),
            ("wagtail_localize", [self.organisation.pk]),
            ("wagtailsettings", [1]),
        ]
        for prefix, values in table:
            if name.startswith(prefix):
                return values
        raise AssertionError(f"no value for 'pk' of {name}: extend the matrix")


REPORT_URLS = (
    "wagtailsnippets_reporting_",
    "wagtailsnippetchoosers_reporting_",
)


def b_reports(state, fp_b):
    """State B's reports: accepted for 2023, submitted to the ISU for 2024, a draft for
    2025; and a mine type B proposed."""
    from django.utils import timezone

    from reporting.models import Article7Report, MineType
    from tests.reporting.helpers import accept, build_report

    accepted = accept(build_report(state, 2023))
    submitted = build_report(state, 2024)
    submitted.save()
    submitted.save_revision(user=fp_b)
    submitted.get_workflow().start(submitted, fp_b)
    draft = build_report(state, 2025)
    draft.save()
    draft.save_revision(user=fp_b)
    Article7Report.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=fp_b, locked_at=timezone.now()
    )
    proposed = MineType.objects.create(designation="B-secret-mine", proposed_by=state)
    return [accepted, submitted, draft], proposed


def make_image(collection, user):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), "white").save(buffer, "PNG")
    image = get_image_model()(title="B's map", collection=collection, uploaded_by_user=user)
    image.file = ImageFile(buffer, name="b.png")
    image.save()
    return image


def make_document(collection, user):
    document = get_document_model()(
        title="B's report", collection=collection, uploaded_by_user=user
    )
    document.file.save("b.pdf", SimpleUploadedFile("b.pdf", b"%PDF-1.4 b"), save=False)
    document.save()
    return document


def snapshot() -> dict:
    """Everything a forbidden request could change."""
    from django.contrib.auth import get_user_model

    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "title",
                "draft_title",
                "slug",
                "live",
                "path",
                "numchild",
                "locked",
                "latest_revision_id",
                "live_revision_id",
                "has_unpublished_changes",
                "alias_of_id",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id")),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        "registry": list(StateParty.objects.order_by("pk").values()),
        "events": list(MembershipEvent.objects.order_by("pk").values()),
        "deadlines": list(Article5Deadline.objects.order_by("pk").values()),
        "users": list(
            get_user_model()
            .objects.order_by("pk")
            .values_list(
                "pk", "username", "email", "is_active", "is_superuser", "is_staff", "password"
            )
        ),
        "memberships": sorted(
            get_user_model().groups.through.objects.values_list("user_id", "group_id")
        ),
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "group_perms": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "page_perms": list(
            GroupPagePermission.objects.order_by("pk").values_list(
                "group_id", "page_id", "permission_id"
            )
        ),
        "collection_perms": list(
            GroupCollectionPermission.objects.order_by("pk").values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
        "collections": list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        "images": list(
            get_image_model().objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "documents": list(
            get_document_model().objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "tags": list(ThematicTag.objects.order_by("pk").values()),
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "name", "active")),
        "sites": list(Site.objects.order_by("pk").values()),
        "locales": list(Locale.objects.order_by("pk").values()),
        "redirects": list(Redirect.objects.order_by("pk").values()),
        "reports": list(report_rows()),
        "registry_reports": list(RegistryArticle7Report.objects.order_by("pk").values()),
        "proposals": list(proposal_rows()),
        "mine_types": list(mine_type_rows()),
        "approach_requests": list(approach_request_rows()),
        "partnership_confirmations": list(confirmation_rows()),
    }


def report_rows():
    from reporting.models import Article7Report

    return Article7Report.objects.order_by("pk").values_list(
        "pk",
        "live",
        "locked",
        "locked_by_id",
        "latest_revision_id",
        "live_revision_id",
        "contact_name",
        "state_id",
        "visibility",
    )


def proposal_rows():
    from reporting.models import RegistryProposal

    return RegistryProposal.objects.order_by("pk").values_list("pk", "status", "decided_by_id")


def mine_type_rows():
    from reporting.models import MineType

    return MineType.objects.order_by("pk").values_list("pk", "designation", "status")


def approach_request_rows():
    from approach.models import ApproachRequest

    return ApproachRequest.objects.order_by("pk").values_list(
        "pk", "state_id", "status", "answer", "message"
    )


def confirmation_rows():
    from partnerships.models import PartnershipConfirmation

    return PartnershipConfirmation.objects.order_by("pk").values_list(
        "pk", "state_id", "terms_digest", "confirmed_by_id"
    )


def hostile_post_data(world: World, url_name: str) -> dict:
    """What an attacker would post: a full page edit with publish, or the fields of the
    management forms (making themselves superuser, joining the ISU, …)."""
    if url_name == "wagtailadmin_pages:edit":
        data = page_form_data(world.b_page, title="Taken over")
        data["action-publish"] = "1"
        return data
    return {
        "title": "Taken over",
        "name": "Taken over",
        "username": "intruder",
        "email": "intruder@example.org",
        "is_superuser": "on",
        "is_active": "on",
        "groups": [Group.objects.get(name="ISU").pk],
        "password1": "a-long-intruder-password",
        "password2": "a-long-intruder-password",
        "comment": "ok",
        "answer": "Taken over",
        "message": "Taken over",
        "locales": list(Locale.objects.values_list("pk", flat=True)),
        "publish_translations": "on",
        "id": [p.pk for p in world.b_pages],
        "collection": world.b_collection.pk,
        "new_parent_page": world.a_pages[0].get_parent().pk,
        "restriction_type": "none",
        "iso3": "ZWE",
    }


def is_denial(client: Client, response, hops: int = 2) -> bool:
    """403/404/405, or a redirect to the dashboard or login page (how Wagtail refuses),
    or to another admin page that itself refuses."""
    if response.status_code in (401, 403, 404, 405):
        return True
    if response.status_code in (301, 302):
        location = response["Location"]
        if location == "/admin/" or "/admin/login/" in location:
            return True
        if location.startswith("/admin/") and hops:
            return is_denial(client, client.get(location), hops - 1)
    return False


def leaks_state_b(world: World, response) -> bool:
    """Whether a response shows State B's pages (titles, draft titles) or files."""
    text = response.content.decode(errors="replace")
    secrets = {p.draft_title for p in world.b_pages} | {world.b_document.title, world.b_image.title}
    secrets |= {str(r) for r in world.b_reports} | {world.b_mine_type.designation}
    return any(secret in text for secret in secrets)


def requested_urls(world: World):
    """(url name, url, applies-to-State-B-object) for every admin pattern."""
    for name, params in admin_patterns():
        if name in PUBLIC:
            continue
        if not params:
            if name.startswith(MANAGEMENT_PREFIXES) and name not in OPEN_TO_EDITORS:
                yield name, reverse(name), "management"
            continue
        assert not name.startswith("/"), name
        kind = "object" if set(params) - CONTENT_TYPE_PARAMS else "content type"
        choices = [world.values(name, param) for param in params]
        for combination in itertools.product(*choices):
            kwargs = dict(zip(params, combination, strict=True))
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if name == "wagtail_bulk_action":
                objects = world.b_reports if kwargs["app_label"] == "reporting" else world.b_pages
                url += "?" + "&".join(f"id={o.pk}" for o in objects)
            yield name, url, kind


@pytest.fixture
def world(states_index):
    return World(states_index)


def run_matrix(client: Client, world: World, label: str) -> dict:
    before = snapshot()
    tried, violations = 0, []
    endpoints, objects = set(), set()
    report_tried, report_endpoints = 0, set()
    for name, url, kind in requested_urls(world):
        if name in OPEN_TO_EDITORS:
            continue
        endpoints.add(name)
        objects.add(url)
        for method in ("get", "post"):
            if method == "get":
                response = client.get(url)
            else:
                response = client.post(url, hostile_post_data(world, name))
            tried += 1
            if name.startswith((*REPORT_URLS, "reporting_")) or "reporting" in url:
                report_tried += 1
                report_endpoints.add(name)
            denied = is_denial(client, response)
            if kind == "content type" and not denied:
                # A listing by kind may answer, but must not show State B's objects.
                denied = response.status_code < 300 and not leaks_state_b(world, response)
            if not denied:
                where = f" {response['Location']}" if response.has_header("Location") else ""
                violations.append(
                    f"{label} {method.upper()} {url} ({name}) -> {response.status_code}{where}"
                )
    after = snapshot()
    changed = [key for key in before if before[key] != after[key]]
    return {
        "tried": tried,
        "endpoints": len(endpoints),
        "urls": len(objects),
        "violations": violations,
        "changed": changed,
        "report_endpoints": len(report_endpoints),
        "report_tried": report_tried,
    }


def report(label: str, result: dict) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "permission-matrix.txt").open("a", encoding="utf-8") as handle:
        handle.write(
            f"{label}: {result['endpoints']} endpoint names, {result['urls']} URLs, "
            f"{result['tried']} requests, {len(result['violations'])} violations, "
            f"changed tables: {result['changed']}; of which Article 7 reporting: "
            f"{result.get('report_endpoints', 0)} endpoint names, "
            f"{result.get('report_tried', 0)} requests\n"
        )
        for line in result["violations"]:
            handle.write(f"  {line}\n")


@pytest.mark.parametrize("who", ["focal point of another State", "user with no group", "anonymous"])
def test_nobody_else_can_touch_state_b(client, world, who):
    if who == "focal point of another State":
        login(client, world.fp_a)
    elif who == "user with no group":
        login(client, world.no_group)
    result = run_matrix(client, world, who)
    report(who, result)
    assert result["tried"] > 1000
    assert result["violations"] == [], "\n".join(result["violations"][:40])
    assert result["changed"] == []


def test_own_page_in_every_language_can_be_edited_and_submitted_not_published(client, world):
    """The control: the same focal point does have the rights the matrix denies elsewhere."""
    login(client, world.fp_a)
    for page in world.a_pages:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        data = page_form_data(page, title=f"{page.title} (proposed)")
        data["action-publish"] = "1"
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        page.refresh_from_db()
        assert page.title != f"{page.title} (proposed)" and not page.title.endswith("(proposed)")
        data = page_form_data(page, title=f"{page.title} (submitted)")
        data["action-submit"] = "1"
        assert (
            client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
        )
        page.refresh_from_db()
        assert page.workflow_in_progress
        assert not page.title.endswith("(submitted)")
