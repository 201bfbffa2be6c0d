"""More generated dimensions of the permission matrix (test_permission_matrix.py):

(a) ids in query strings: every parameterless admin endpoint (and those taking only a
    kind of object), chooser endpoints first among them, is requested by State A's focal
    point with State B's page, image and document ids in `?id=`, `?page_id=`,
    `?parent_page_id=` (and the other names Wagtail reads). No response may show a State B
    draft title, a non-live State B page or a State B file.
(b) autosave / overwrite: every revision of State A's pages that the ISU approved or sent
    back, and the live one, is posted as `overwrite_revision_id` by State A's focal point
    (autosave and plain save): it must stay as reviewed. Every State B revision posted the
    same way must be refused and stay unchanged.
(c) account settings: every field of every account settings form is posted with the
    ISU's email and name: the focal point must not end up with either.

The counts are appended to test-artifacts/permission-matrix.txt, as report() does.
"""

from __future__ import annotations

import html
import itertools
import json
import re

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Revision, TaskState

from country_pages.models import CountryPage
from tests.admin_forms import page_form_data
from tests.conftest import login
from tests.focal_points.test_permission_matrix import (
    ARTIFACTS,
    CONTENT_TYPE_PARAMS,
    PUBLIC,
    World,
    admin_patterns,
    report,
    snapshot,
)

pytestmark = pytest.mark.django_db

SECRET_DRAFT_TITLE = "Zimbabwe — unpublished draft title"
ISU_FIRST, ISU_LAST = "Implementation", "Support Unit"
# Endpoints whose GET ends the session or is not an admin view one can probe.
NOT_PROBED = {"wagtailadmin_logout", "wagtailadmin_error_test"}  # the latter fails on purpose
CHOOSER = re.compile(r"choose|chosen|chooser")
REVIEWED = {"approve": "approved", "reject": "sent-back"}


@pytest.fixture
def world(states_index):
    world = World(states_index)
    # A State B draft whose title is nowhere public.
    page = world.b_page
    page.title = SECRET_DRAFT_TITLE
    page.save_revision(user=world.fp_b)
    world.isu.first_name, world.isu.last_name = ISU_FIRST, ISU_LAST
    world.isu.save()
    return world


def secrets(world: World) -> set[str]:
    non_live = [p for p in CountryPage.objects.filter(state__iso3="ZWE") if not p.live]
    assert non_live, "State B needs a non-live page"
    return (
        {SECRET_DRAFT_TITLE, world.b_document.title, world.b_image.title}
        | {p.draft_title for p in non_live}
        | {p.title for p in non_live}
    )


def report_errors(errors: list[str]) -> None:
    if errors:
        with (ARTIFACTS / "permission-matrix.txt").open("a", encoding="utf-8") as handle:
            handle.write(f"  {len(errors)} server errors:\n")
            handle.writelines(f"    {line}\n" for line in errors)


def forms(secret: str) -> set[str]:
    """A title as a response may carry it: as is, HTML-escaped, JSON-escaped."""
    return {secret, html.escape(secret), json.dumps(secret)[1:-1], html.escape(secret, quote=False)}


# --- (a) ids in query strings ----------------------------------------------------------------


def query_variants(world: World) -> list[str]:
    page_ids = [p.pk for p in CountryPage.objects.filter(state__iso3="ZWE").order_by("pk")]
    file_ids = [world.b_image.pk, world.b_document.pk]
    variants = ["&".join(f"id={pk}" for pk in page_ids)]
    variants += [f"id={pk}" for pk in file_ids]
    for name in ("page_id", "parent_page_id", "target_pages[]", "p", "parent"):
        variants += [f"{name}={pk}" for pk in page_ids]
    return variants


def query_endpoints(world: World):
    """(name, url) of every admin endpoint that could read ids from the query string:
    those without parameters in the path, and those taking only a kind of object."""
    for name, params in admin_patterns():
        if name in PUBLIC or name in NOT_PROBED or name.startswith("/"):
            continue
        if not params:
            yield name, reverse(name)
        elif set(params) <= CONTENT_TYPE_PARAMS:
            choices = [world.values(name, param) for param in params]
            for combination in itertools.product(*choices):
                try:
                    yield name, reverse(name, kwargs=dict(zip(params, combination, strict=True)))
                except NoReverseMatch:
                    continue


def run_query_matrix(client, world: World) -> dict:
    hidden = secrets(world)
    before = snapshot()
    tried, violations, errors, endpoints, urls = 0, [], [], set(), set()
    for name, url in query_endpoints(world):
        endpoints.add(name)
        for query in query_variants(world):
            full = f"{url}?{query}"
            urls.add(full)
            tried += 1
            try:
                response = client.get(full)
            except Exception as error:  # a crash shows nothing, but is worth knowing
                errors.append(f"GET {full} ({name}) -> {type(error).__name__}: {error}")
                continue
            if response.status_code >= 300:
                continue
            text = response.content.decode(errors="replace")
            shown = sorted(secret for secret in hidden if any(f in text for f in forms(secret)))
            if shown:
                violations.append(f"GET {full} ({name}) -> {response.status_code} shows {shown}")
    after = snapshot()
    return {
        "tried": tried,
        "endpoints": len(endpoints),
        "urls": len(urls),
        "violations": violations,
        "changed": [key for key in before if before[key] != after[key]],
        "names": endpoints,
        "errors": errors,
    }


def test_ids_in_query_strings_show_nothing_of_state_b(client, world):
    login(client, world.fp_a)
    result = run_query_matrix(client, world)
    report("query-string ids, focal point of another State", result)
    report_errors(result["errors"])
    choosers = {name for name in result["names"] if CHOOSER.search(name)}
    assert "wagtailadmin_choose_page_chosen_multiple" in choosers
    assert {"wagtailimages_chooser:chosen_multiple", "wagtaildocs_chooser:chosen_multiple"} <= (
        choosers
    )
    assert result["tried"] > 500
    assert result["violations"] == [], "\n".join(result["violations"][:40])
    assert result["errors"] == [], "\n".join(result["errors"][:40])
    assert result["changed"] == []


# --- (b) autosave and overwrite_revision_id --------------------------------------------------


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(client, page, action):
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": "checked"})


def reviewed_revision(client, world: World, page, action: str, n: int) -> Revision:
    """State A's focal point submits; the ISU approves (live) or sends it back."""
    login(client, world.fp_a)
    data = page_form_data(page, title=f"{page.title.split(' #')[0]} #{n}")
    data["action-submit"] = "Submit"
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    submitted = page.get_latest_revision()
    login(client, world.isu)
    workflow_action(client, page, action)
    page.refresh_from_db()
    if action == "approve":
        assert page.live_revision == submitted == page.get_latest_revision()
    else:  # sent back: the focal point's editor is open again
        workflow_state = page.current_workflow_state
        assert workflow_state is not None and workflow_state.status == "needs_changes"
    assert TaskState.objects.filter(revision=submitted).exists()
    return submitted


def overwrite(client, page, revision, as_json: bool):
    data = page_form_data(page, title="Rewritten in place")
    data.update(
        overwrite_revision_id=str(revision.pk),
        loaded_revision_id=str(revision.pk),
        loaded_revision_created_at=revision.created_at.isoformat(),
    )
    if as_json:
        return client.post(edit_url(page), data, HTTP_ACCEPT="application/json")
    return client.post(edit_url(page), data)


def as_stored(revision) -> tuple:
    revision = Revision.objects.get(pk=revision.pk)
    return revision.content, revision.created_at, revision.object_str


def run_autosave_matrix(client, world: World) -> dict:
    tried, violations, targets = 0, [], set()
    n = itertools.count(1)
    for page in [CountryPage.objects.get(pk=p.pk) for p in world.a_pages]:
        for action, as_json in itertools.product(("approve", "reject"), (True, False)):
            revision = reviewed_revision(client, world, page, action, next(n))
            # Every reviewed or live revision of the page, the new one first (the latest,
            # so the only one Wagtail itself would let its author overwrite).
            reviewed = [revision] + [
                r
                for r in Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-pk")
                if r.pk != revision.pk
                and (r.pk == page.live_revision_id or TaskState.objects.filter(revision=r).exists())
            ]
            login(client, world.fp_a)
            for target in reviewed:
                kept = as_stored(target)
                targets.add(target.pk)
                response = overwrite(client, page, target, as_json)
                tried += 1
                if as_stored(target) != kept:
                    violations.append(
                        f"{'autosave' if as_json else 'save'} over {REVIEWED[action]} revision "
                        f"{target.pk} of {page} ({page.locale.language_code}) rewrote it "
                        f"-> {response.status_code}"
                    )
            page.refresh_from_db()
            if page.workflow_in_progress:  # a sent-back submission: close it for the next round
                page.current_workflow_state.cancel(user=world.isu)
                page.refresh_from_db()
    login(client, world.fp_a)
    for revision in world.b_revisions:
        page = CountryPage.objects.get(pk=int(revision.object_id))
        for as_json in (True, False):
            kept = as_stored(revision)
            targets.add(revision.pk)
            response = overwrite(client, page, revision, as_json)
            tried += 1
            refused = response.status_code in (302, 403, 404, 405) and (
                response.status_code != 302 or response["Location"] in ("/admin/",)
            )
            if not refused or as_stored(revision) != kept:
                violations.append(
                    f"{'autosave' if as_json else 'save'} over State B revision {revision.pk} "
                    f"({page.locale.language_code}) -> {response.status_code}"
                )
    return {
        "tried": tried,
        "endpoints": 1,
        "urls": len(targets),
        "violations": violations,
        "changed": [],
    }


def test_reviewed_revisions_cannot_be_overwritten(client, world):
    result = run_autosave_matrix(client, world)
    report("overwrite_revision_id, focal point of State A", result)
    assert result["tried"] >= 8 + len(world.b_revisions) * 2
    assert result["violations"] == [], "\n".join(result["violations"][:40])


# --- (c) account settings ---------------------------------------------------------------------


def account_fields(client) -> dict:
    """Every field of the account settings forms, with what the page shows."""
    from wagtail.admin.views.account import AccountView
    from wagtail.users.models import UserProfile

    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    request = response.wsgi_request
    view = AccountView()
    view.request = request
    fields = {}
    profile = UserProfile.get_for_user(request.user)
    for panel in view.get_panels():
        form = panel.get_form()
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            initial = form.initial.get(name, field.initial)
            choices = [c[0] for c in getattr(field, "choices", []) if c[0] not in ("", None)]
            if name in ("first_name", "last_name"):  # a valid name of their own
                fields[key] = initial or {"first_name": "Amal", "last_name": "Osman"}[name]
            elif isinstance(initial, bool) or getattr(field.widget, "input_type", "") == "checkbox":
                fields[key] = "on" if initial else ""
            elif initial not in (None, ""):
                fields[key] = str(initial)
            elif choices:
                fields[key] = str(choices[0])
            else:
                fields[key] = ""
    assert profile is not None
    return fields


def run_account_matrix(client, world: World) -> dict:
    login(client, world.fp_a)
    base = account_fields(client)
    isu = world.isu
    name_fields = [key for key in base if key.endswith(("first_name", "last_name"))]
    field_names = set(base) | {"name_email-email"}  # posted even when not shown
    attempts = []
    for key in sorted(field_names):
        value = {
            "first_name": ISU_FIRST,
            "last_name": ISU_LAST,
        }.get(key.rsplit("-", 1)[-1], isu.email)
        attempts.append({key: value})
    attempts.append({"name_email-email": isu.email.upper()})
    attempts.append(
        {"name_email-first_name": ISU_FIRST.lower(), "name_email-last_name": ISU_LAST.upper()}
    )
    attempts.append(
        {
            "name_email-first_name": ISU_FIRST,
            "name_email-last_name": ISU_LAST,
            "name_email-email": isu.email,
        }
    )
    tried, violations = 0, []
    for attempt in attempts:
        data = dict(base)
        if set(attempt) & set(name_fields) and not set(name_fields) <= set(attempt):
            # One half of the name: the other half from the ISU too, to impersonate.
            data.update({"name_email-first_name": ISU_FIRST, "name_email-last_name": ISU_LAST})
        data.update(attempt)
        response = client.post(reverse("wagtailadmin_account"), data)
        tried += 1
        user = type(world.fp_a).objects.get(pk=world.fp_a.pk)
        took = []
        if user.email.lower() == isu.email.lower():
            took.append("email")
        full_name = " ".join(user.get_full_name().split())
        if full_name.casefold() == f"{ISU_FIRST} {ISU_LAST}".casefold():
            took.append("name")
        if took:
            violations.append(
                f"POST account {sorted(attempt)} -> {response.status_code} took {took}"
            )
            type(user).objects.filter(pk=user.pk).update(
                email=world.fp_a.email, first_name="", last_name=""
            )
    return {
        "tried": tried,
        "endpoints": 1,
        "urls": len(field_names),
        "violations": violations,
        "changed": [],
    }


def test_account_settings_cannot_take_the_isus_email_or_name(client, world):
    result = run_account_matrix(client, world)
    report("account settings with the ISU's email and name, focal point", result)
    assert result["tried"] > 5
    assert result["violations"] == [], "\n".join(result["violations"][:40])


def test_controls_the_focal_point_may_still_edit_and_autosave_own_drafts(client, world):
    """The control: a plain draft is still autosaved in place, and a name is accepted."""
    page = CountryPage.objects.get(pk=world.a_pages[0].pk)
    draft = page.save_revision(user=world.fp_a)
    login(client, world.fp_a)
    response = overwrite(client, page, draft, as_json=True)
    assert response.json()["success"] and response.json()["revision_id"] == draft.pk
    assert Page.objects.get(pk=page.pk).get_latest_revision().content["title"] == (
        "Rewritten in place"
    )
    data = account_fields(client)
    data.update({"name_email-first_name": "Amal", "name_email-last_name": "Osman"})
    assert client.post(reverse("wagtailadmin_account"), data).status_code == 302
