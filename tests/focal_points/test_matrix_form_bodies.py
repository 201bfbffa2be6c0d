"""The permission matrix, second dimension: ids inside submitted form bodies, and the
endpoints that change a file.

1. Every chooser block of the country page body (found by walking the block definitions,
   so a chooser added later is covered) is posted in State A's own page edit form — save
   draft and preview — with an object of State B. The save must be refused with a form
   error, no revision may store the id, and the preview must not show the object. Each is
   first posted with A's own object (the control), which must be accepted: the refusal is
   then the chooser's, not some other field's.
2. Every image and document admin endpoint that takes a file id (from the URL patterns),
   and every bulk action on images and documents (from Wagtail's registry), is requested
   by A's focal point with State B's files and with A's own files that A's live page
   shows. B's files: always refused. A's published files: never changed or deleted.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.urls import reverse
from django.utils.html import escape
from wagtail import blocks
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Page, Revision

from country_pages.blocks import CountryPageBodyBlock
from country_pages.models import CountryPage, Organisation
from focal_points.models import StateGroup
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login
from tests.focal_points.test_permission_matrix import (
    ARTIFACTS,
    World,
    admin_patterns,
    is_denial,
    make_document,
    make_image,
)

pytestmark = pytest.mark.django_db

# Public reference data any editor may name on their page (another State as a partner,
# an organisation): not State B's to hide. Checked to be public below.
PUBLIC_CHOOSER_MODELS = {StateParty, Organisation}


# --- Walking the block definitions -----------------------------------------------------


def chooser_paths(block, path=()):
    """(path, block) for every chooser block under `block`; a path lists child names,
    "[]" for a list's item."""
    if isinstance(block, blocks.ChooserBlock):
        yield path, block
    elif isinstance(block, blocks.ListBlock):
        yield from chooser_paths(block.child_block, (*path, "[]"))
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from chooser_paths(child, (*path, name))
    else:
        assert not hasattr(block, "child_blocks") and not hasattr(block, "child_block"), (
            f"{type(block).__name__} has children the walk does not know: extend it"
        )


def filler(block, own: dict):
    """A valid value for a block off the path: required fields only."""
    if isinstance(block, blocks.ChooserBlock):
        return own[block.model_class] if block.required else None
    if isinstance(block, blocks.ListBlock):
        return [filler(block.child_block, own)] if block.meta.min_num else []
    if isinstance(block, blocks.StreamBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        return {name: filler(child, own) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.BooleanBlock):
        return False
    if isinstance(block, blocks.MultipleChoiceBlock):
        # A required one (an offer's themes) needs a choice.
        choices = [value for value, _label in block.field.choices if value]
        return choices[:1] if block.required else []
    if not getattr(block, "required", False):
        return None
    if isinstance(block, blocks.ChoiceBlock):
        return next(value for value, _label in block.field.choices if value)
    if isinstance(block, blocks.DateBlock):
        return dt.date(2020, 1, 1)
    if isinstance(block, blocks.IntegerBlock):
        return 2020  # the required numbers are years
    if isinstance(block, blocks.DecimalBlock | blocks.FloatBlock):
        return 1
    if isinstance(block, blocks.RichTextBlock):
        return "<p>Example.</p>"
    if isinstance(block, blocks.URLBlock):
        return "https://example.org/"
    if isinstance(block, blocks.EmailBlock):
        return "focal.point@example.org"
    return "Example"


def value_at(block, path, target, own: dict):
    """A valid value for `block` with `target` at `path`."""
    if not path:
        return target
    head, rest = path[0], path[1:]
    if isinstance(block, blocks.StreamBlock):
        return [(head, value_at(block.child_blocks[head], rest, target, own))]
    if isinstance(block, blocks.ListBlock):
        return [value_at(block.child_block, rest, target, own)]
    return {
        name: value_at(child, rest, target, own) if name == head else filler(child, own)
        for name, child in block.child_blocks.items()
    }


# --- The objects -----------------------------------------------------------------------


class FileWorld(World):
    def __init__(self, states_index):
        super().__init__(states_index)
        a_collection = StateGroup.objects.get(state__iso3="SDN").collection
        self.a_image = make_image(a_collection, self.fp_a)
        self.a_document = make_document(a_collection, self.fp_a)
        for file, title in ((self.a_image, "Sudan's map"), (self.a_document, "Sudan's report")):
            file.title = title
            file.save()
        # A's live page shows A's own files (the ISU approved them).
        self.a_page.refresh_from_db()
        body = CountryPageBodyBlock()
        own = self.own_objects()
        self.a_page.body = [
            value_at(body, ("maps", "maps", "[]", "image"), self.a_image, own)[0],
            value_at(
                body, ("additional_resources", "links", "[]", "document"), self.a_document, own
            )[0],
        ]
        self.a_page.save_revision(user=self.isu).publish()
        self.a_page.refresh_from_db()

    def own_objects(self) -> dict:
        return {
            get_image_model(): self.a_image,
            get_document_model(): self.a_document,
            StateParty: self.a_page.state,
            Organisation: self.organisation,
            Page: self.a_page,
        }

    def attack_and_control(self, model) -> tuple[Model, Model]:
        """State B's object for a chooser of `model`, and A's own."""
        table = {
            get_image_model(): (self.b_image, self.a_image),
            get_document_model(): (self.b_document, self.a_document),
            StateParty: (self.b_state, self.a_page.state),
            Organisation: (self.organisation, self.organisation),
            # B's draft translation: never published, its title is B's secret.
            Page: (next(p for p in self.b_pages if not p.live), self.a_page),
        }
        for known, pair in table.items():
            if issubclass(model, known):
                return pair
        raise AssertionError(f"no State B object for a chooser of {model.__name__}: extend")


def secrets_of(obj) -> list[str]:
    found = [obj.title] if hasattr(obj, "title") else []
    file = getattr(obj, "file", None)
    if file:
        found.append(Path(file.name).stem)
    if hasattr(obj, "url") and isinstance(obj.url, str):
        found.append(obj.url)
    return [s for s in found if s]


def shows(html: str, secrets) -> bool:
    return any(s in html or escape(s) in html for s in secrets)


def revisions_referencing(page, model, object_id) -> int:
    count = 0
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)):
        body = revision.as_object().body
        refs = {(m, str(i)) for m, i, *_ in body.stream_block.extract_references(body)}
        count += (model._meta.concrete_model, str(object_id)) in {
            (m._meta.concrete_model, i) for m, i in refs
        }
    return count


def form_errors(response) -> dict:
    context = response.context
    form = context.get("form") if context is not None else None
    return dict(form.errors) if form is not None else {}


def run_form_bodies(client, world: FileWorld) -> dict:
    login(client, world.fp_a)
    page = world.a_page
    body_block = page.body.stream_block
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    paths = list(chooser_paths(body_block))
    assert paths, "the country page has no chooser block: the walk is broken"
    tried, violations, public = 0, [], []
    own = world.own_objects()
    for path, chooser in paths:
        where = "/".join(path)
        model = chooser.model_class
        attack, control = world.attack_and_control(model)
        if model in PUBLIC_CHOOSER_MODELS:
            # Public reference data: naming B's record is legitimate; it must really be
            # public (no drafts, no collection).
            assert not issubclass(model, DraftStateMixin), model
            assert not hasattr(model, "collection"), model
            public.append(where)
        # The control: A's own object is accepted, in the form and the preview.
        control_body = value_at(body_block, path, control.pk, own)
        response = client.post(edit_url, page_form_data(page, body=control_body))
        tried += 1
        assert response.status_code == 302, (where, form_errors(response))
        page = CountryPage.objects.get(pk=page.pk)
        if model in PUBLIC_CHOOSER_MODELS:
            continue
        # The attack: State B's object at the same place.
        attack_body = value_at(body_block, path, attack.pk, own)
        revisions = Revision.objects.count()
        response = client.post(edit_url, page_form_data(page, body=attack_body))
        tried += 1
        if response.status_code != 200 or "body" not in form_errors(response):
            violations.append(f"save {where}: {attack!r} accepted ({response.status_code})")
        if Revision.objects.count() != revisions or revisions_referencing(page, model, attack.pk):
            violations.append(f"save {where}: a revision stores {attack!r}")
        if shows(response.content.decode(), secrets_of(attack)):
            violations.append(f"save {where}: the form shows {attack!r}")
        answer = client.post(preview_url, page_form_data(page, body=attack_body)).json()
        html = client.get(preview_url).content.decode()
        tried += 2
        if answer["is_valid"]:
            violations.append(f"preview {where}: {attack!r} accepted")
        if shows(html, secrets_of(attack)):
            violations.append(f"preview {where}: shows {attack!r}")
    return {
        "blocks": len(paths),
        "public": public,
        "tried": tried,
        "violations": violations,
    }


# --- File endpoints ----------------------------------------------------------------------

FILE_PARAMS = {"image_id", "document_id", "doc_id"}
READ_ONLY = {"image_usage", "document_usage", "preview", "url_generator", "url_generator_output"}


def file_state(file) -> tuple | None:
    found = type(file).objects.filter(pk=file.pk).first()
    if found is None:
        return None
    # Not the hash and size: Wagtail's edit view fills them in when they are missing.
    return found.title, found.file.name, found.collection_id


def png_bytes() -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 10), "black").save(buffer, "PNG")
    return buffer.getvalue()


def replacement(kind: str, file) -> dict:
    shared = Collection.objects.get(name="Shared")
    upload = (
        SimpleUploadedFile("new.png", png_bytes())
        if kind == "image"
        else SimpleUploadedFile("new.pdf", b"%PDF-1.4 replaced")
    )
    prefix = "image" if kind == "image" else "doc"
    return {
        "title": "Replaced",
        "file": upload,
        "collection": shared.pk,
        "tags": "replaced",
        f"{prefix}-{file.pk}-title": "Replaced",
        f"{prefix}-{file.pk}-collection": shared.pk,
    }


def file_requests(world: FileWorld):
    """(label, url, file, kind, read-only) for every file endpoint and bulk action."""
    files = {
        "image": [("B's", world.b_image), ("A's live", world.a_image)],
        "document": [("B's", world.b_document), ("A's live", world.a_document)],
    }
    for name, params in admin_patterns():
        if not name.startswith(("wagtailimages:", "wagtaildocs:")):
            continue
        (file_param,) = set(params) & FILE_PARAMS or {None}
        if file_param is None:
            continue
        kind = "image" if name.startswith("wagtailimages:") else "document"
        for owner, file in files[kind]:
            kwargs = {file_param: file.pk}
            if "filter_spec" in params:
                kwargs["filter_spec"] = "original"
            read_only = name.split(":")[1] in READ_ONLY
            yield f"{owner} {name}", reverse(name, kwargs=kwargs), file, kind, read_only
    for kind, model in (("image", get_image_model()), ("document", get_document_model())):
        opts = model._meta
        for action in bulk_action_registry.get_bulk_actions_for_model(
            opts.app_label, opts.model_name
        ):
            url = reverse(
                "wagtail_bulk_action", args=[opts.app_label, opts.model_name, action.action_type]
            )
            for owner, file in files[kind]:
                label = f"{owner} bulk {opts.model_name} {action.action_type}"
                # For A's own file, Wagtail's confirmation page may answer, listing it
                # among the files the user cannot act on; the file must stay unchanged.
                yield label, f"{url}?id={file.pk}", file, kind, owner != "B's"


def run_file_endpoints(client, world: FileWorld) -> dict:
    login(client, world.fp_a)
    tried, violations, endpoints = 0, [], set()
    for label, url, file, kind, read_only in file_requests(world):
        endpoints.add(label.split(" ", 1)[1])
        before = file_state(file)
        for method in ("get", "post"):
            if method == "get":
                response = client.get(url)
            else:
                response = client.post(url, replacement(kind, file))
            tried += 1
            b_file = file in (world.b_image, world.b_document)
            denied = is_denial(client, response)
            if b_file and not denied:
                violations.append(f"{method.upper()} {label} -> {response.status_code}")
            elif not b_file and not read_only and not denied:
                violations.append(f"{method.upper()} {label} offered -> {response.status_code}")
            if file_state(file) != before:
                violations.append(f"{method.upper()} {label} changed the file")
                before = file_state(file)
    return {"endpoints": len(endpoints), "tried": tried, "violations": violations}


def report(label: str, result: dict, unit: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "permission-matrix.txt").open("a", encoding="utf-8") as handle:
        handle.write(
            f"{label}: {result[unit]} {unit}, {result['tried']} requests, "
            f"{len(result['violations'])} violations\n"
        )
        for line in result["violations"]:
            handle.write(f"  {line}\n")


@pytest.fixture
def file_world(states_index):
    return FileWorld(states_index)


def test_ids_inside_form_bodies(client, file_world):
    result = run_form_bodies(client, file_world)
    report("form bodies (focal point of another State)", result, "blocks")
    assert result["blocks"] >= 3
    assert result["violations"] == [], "\n".join(result["violations"])


def test_file_endpoints_with_other_and_published_files(client, file_world):
    result = run_file_endpoints(client, file_world)
    report("file endpoints (focal point, B's files and A's published files)", result, "endpoints")
    assert result["tried"] > 40
    assert result["violations"] == [], "\n".join(result["violations"])
