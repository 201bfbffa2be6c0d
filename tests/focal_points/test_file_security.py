"""Images and documents: a focal point can neither read another State's unpublished files
(through the chooser blocks of their own page, the preview or a download link, or a bulk
action's confirmation page) nor change a published file without the ISU's review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision

from country_pages.models import CountryPage
from focal_points.models import StateGroup
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country, make_user
from tests.focal_points.test_permission_matrix import is_denial, make_document, make_image

pytestmark = pytest.mark.django_db

REFUSED = "You cannot use this file"


def shows(html: str, text: str) -> bool:
    return text in html or escape(text) in html


def maps_section(image):
    return (
        "maps",
        {
            "maps": [
                {
                    "image": image,
                    "caption": "Cleared areas",
                    "text_alternative": "A map of the cleared areas.",
                    "source": "National authority",
                    "date": dt.date(2020, 1, 1),
                    "data_tool_url": "",
                }
            ]
        },
    )


def resources_section(document):
    return (
        "additional_resources",
        {"links": [{"kind": "other", "title": "Report", "url": "", "document": document}]},
    )


class Files:
    """Sudan's (A) and Zimbabwe's (B) pages, focal points and files."""

    def __init__(self, states_index):
        self.a_page = make_country(states_index, "SDN", languages=())
        self.b_page = make_country(states_index, "ZWE", languages=())
        self.fp_a = make_user("Focal point — Sudan", email="fp.a@example.org")
        self.fp_b = make_user("Focal point — Zimbabwe", email="fp.b@example.org")
        self.isu = make_user("ISU", email="isu.member@example.org")
        a_collection = StateGroup.objects.get(state__iso3="SDN").collection
        b_collection = StateGroup.objects.get(state__iso3="ZWE").collection
        self.b_image = make_image(b_collection, self.fp_b)
        self.b_document = make_document(b_collection, self.fp_b)
        self.a_image = make_image(a_collection, self.fp_a)
        self.a_document = make_document(a_collection, self.fp_a)
        for file, title in ((self.a_image, "Sudan's map"), (self.a_document, "Sudan's report")):
            file.title = title
            file.save()

    def publish_a_page_with_own_files(self):
        """A's live page shows A's image and document (the ISU approved it)."""
        self.a_page.body = [maps_section(self.a_image), resources_section(self.a_document)]
        self.a_page.save_revision(user=self.isu).publish()


@pytest.fixture
def files(states_index):
    return Files(states_index)


def edit(client, page, body, **extra):
    data = page_form_data(page, body=body)
    data.update(extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


# --- 1. Chooser blocks: only files the editor may choose ----------------------------------


@pytest.mark.parametrize("kind", ["image", "document"])
def test_another_states_file_is_refused_in_the_page_form(client, files, kind):
    login(client, files.fp_a)
    section = (
        maps_section(files.b_image.pk)
        if kind == "image"
        else resources_section(files.b_document.pk)
    )
    target = files.b_image if kind == "image" else files.b_document
    revisions = Revision.objects.count()
    response = edit(client, files.a_page, [section])
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert REFUSED in html
    assert Revision.objects.count() == revisions
    # The form shown again does not show the file either (the chooser is emptied).
    assert not shows(html, target.title) and Path(target.file.name).stem not in html


@pytest.mark.parametrize("kind", ["image", "document"])
def test_preview_does_not_show_another_states_file(client, files, kind):
    login(client, files.fp_a)
    target = files.b_image if kind == "image" else files.b_document
    section = maps_section(target.pk) if kind == "image" else resources_section(target.pk)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[files.a_page.pk])
    answer = client.post(url, page_form_data(files.a_page, body=[section])).json()
    assert answer["is_valid"] is False
    html = client.get(url).content.decode()
    assert Path(target.file.name).stem not in html
    assert not shows(html, target.title)


def test_own_and_shared_files_can_be_chosen(client, files):
    shared = Collection.objects.get(name="Shared")
    shared_document = make_document(shared, files.isu)
    login(client, files.fp_a)
    body = [maps_section(files.a_image.pk), resources_section(shared_document.pk)]
    assert edit(client, files.a_page, body).status_code == 302
    files.a_page.refresh_from_db()
    draft = files.a_page.get_latest_revision_as_object()
    assert draft.body[0].value["maps"][0]["image"] == files.a_image
    assert draft.body[1].value["links"][0]["document"] == shared_document
    body = [maps_section(files.a_image.pk), resources_section(files.a_document.pk)]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[files.a_page.pk])
    assert client.post(url, page_form_data(files.a_page, body=body)).json()["is_valid"]
    assert Path(files.a_image.file.name).stem in client.get(url).content.decode()


def test_isu_may_choose_any_file_and_focal_point_keeps_it(client, files):
    login(client, files.isu)
    body = [maps_section(files.b_image.pk)]
    assert edit(client, files.a_page, body, **{"action-publish": "1"}).status_code == 302
    files.a_page.refresh_from_db()
    # The focal point edits the page the ISU published: the ISU's choice stays valid.
    login(client, files.fp_a)
    page = CountryPage.objects.get(pk=files.a_page.pk)
    assert edit(client, page, page.body).status_code == 302


# --- Downloads: only documents a live page uses are public ---------------------------------


def test_unpublished_document_is_not_public(client, files):
    url = files.b_document.url
    assert client.get(url).status_code == 404  # anonymous
    login(client, files.fp_a)
    assert client.get(url).status_code == 404  # another State
    login(client, files.fp_b)
    assert client.get(url).status_code == 200  # its State's focal point
    login(client, files.isu)
    assert client.get(url).status_code == 200


def test_document_is_public_once_a_live_page_uses_it_not_while_only_in_a_draft(client, files):
    page = files.b_page
    page.body = [resources_section(files.b_document)]
    page.save_revision(user=files.fp_b)  # a draft only
    assert client.get(files.b_document.url).status_code == 404
    page.get_latest_revision().publish()
    response = client.get(files.b_document.url)
    assert response.status_code == 200
    # Removed from the live page again: private again.
    page.refresh_from_db()
    page.body = []
    page.save_revision().publish()
    assert client.get(files.b_document.url).status_code == 404


# --- 2. A file a live page uses changes only through the ISU -------------------------------


def file_state(file) -> tuple:
    file.refresh_from_db()
    return file.title, file.file.name, file.collection_id, file.file_hash


@pytest.mark.parametrize("kind", ["image", "document"])
def test_uploader_cannot_change_a_published_file(client, files, kind):
    files.publish_a_page_with_own_files()
    file = files.a_image if kind == "image" else files.a_document
    before = file_state(file)
    app = "wagtailimages" if kind == "image" else "wagtaildocs"
    id_param = "image_id" if kind == "image" else "document_id"
    multi_param = "image_id" if kind == "image" else "doc_id"
    replacement = (
        SimpleUploadedFile("new.png", make_image(file.collection, files.fp_a).file.read())
        if kind == "image"
        else SimpleUploadedFile("new.pdf", b"%PDF-1.4 replaced")
    )
    shared = StateGroup.objects.get(state__iso3="SDN").collection
    login(client, files.fp_a)
    attempts = [
        (
            reverse(f"{app}:edit", kwargs={id_param: file.pk}),
            {"title": "Replaced", "file": replacement, "collection": shared.pk, "tags": ""},
        ),
        (reverse(f"{app}:delete", kwargs={id_param: file.pk}), {}),
        (
            reverse(f"{app}:edit_multiple", kwargs={multi_param: file.pk}),
            {f"{kind if kind == 'image' else 'doc'}-{file.pk}-title": "Replaced"},
        ),
        (reverse(f"{app}:delete_multiple", kwargs={multi_param: file.pk}), {}),
    ]
    model = file._meta
    for action in ("delete", "add_to_collection", "add_tags"):
        attempts.append(
            (
                reverse(
                    "wagtail_bulk_action",
                    args=[model.app_label, model.model_name, action],
                )
                + f"?id={file.pk}",
                {"collection": shared.pk, "tags": "x"},
            )
        )
    for url, data in attempts:
        response = client.post(url, data)
        assert is_denial(client, response) or REFUSED in response.content.decode(), url
        assert file_state(file) == before, url
    assert type(file).objects.filter(pk=file.pk).exists()
    # The edit page itself refuses, rather than offering a form that would fail.
    assert is_denial(client, client.get(attempts[0][0]))


def test_uploader_can_still_change_a_file_no_live_page_uses(client, files):
    login(client, files.fp_a)
    response = client.post(
        reverse("wagtaildocs:edit", args=[files.a_document.pk]),
        {"title": "Corrected", "collection": files.a_document.collection_id, "tags": ""},
    )
    assert response.status_code == 302
    files.a_document.refresh_from_db()
    assert files.a_document.title == "Corrected"
    client.post(reverse("wagtailimages:delete", args=[files.a_image.pk]))
    assert not get_image_model().objects.filter(pk=files.a_image.pk).exists()


def test_isu_change_to_a_published_file_shows_at_once_to_visitors(
    client, files, django_capture_on_commit_callbacks
):
    """The page cache holds Sudan's page with its report and map; when the ISU replaces the
    report's file (or deletes the map) the visitor gets the page as it now is."""
    files.publish_a_page_with_own_files()
    visitor = client.__class__()
    url = files.a_page.url
    visitor.get(url)
    cached = visitor.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert files.a_document.url in cached.content.decode()
    login(client, files.isu)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:edit", args=[files.a_document.pk]),
            {
                "title": "Report corrected by the ISU",
                "collection": files.a_document.collection_id,
                "file": SimpleUploadedFile("corrected.pdf", b"%PDF-1.4 corrected report"),
            },
        )
    assert response.status_code == 302
    files.a_document.refresh_from_db()
    fresh = visitor.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert files.a_document.url in fresh.content.decode()
    assert "corrected.pdf" in files.a_document.url

    assert "<img" in visitor.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailimages:delete", args=[files.a_image.pk]))
    assert not get_image_model().objects.filter(pk=files.a_image.pk).exists()
    after_delete = visitor.get(url)
    assert after_delete["X-Page-Cache"] == "miss"
    assert "<img" not in after_delete.content.decode()

    # A file no live page uses: the cached pages stay.
    visitor.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtaildocs:edit", args=[files.b_document.pk]),
            {"title": "Unused", "collection": files.b_document.collection_id},
        )
    assert visitor.get(url)["X-Page-Cache"] == "hit"


# --- 13. Bulk action confirmation pages ------------------------------------------------------


@pytest.mark.parametrize("kind", ["image", "document"])
@pytest.mark.parametrize("action", ["delete", "add_to_collection", "add_tags"])
def test_bulk_confirmation_does_not_list_another_states_files(client, files, kind, action):
    login(client, files.fp_a)
    file = files.b_image if kind == "image" else files.b_document
    url = reverse("wagtail_bulk_action", args=[file._meta.app_label, file._meta.model_name, action])
    response = client.get(f"{url}?id={file.pk}")
    assert response.status_code == 404
    assert not shows(response.content.decode(), file.title)
    own = files.a_image if kind == "image" else files.a_document
    response = client.get(f"{url}?id={file.pk}&id={own.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert shows(html, own.title) and not shows(html, file.title)
    # The ISU sees every file.
    login(client, files.isu)
    assert shows(client.get(f"{url}?id={file.pk}").content.decode(), file.title)


def test_bulk_action_with_no_known_id_is_404(client, files):
    """No id the user may act on: 404, as for an id that does not exist."""
    login(client, files.fp_a)
    url = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"])
    missing = get_document_model().objects.order_by("-pk").first().pk + 100
    assert client.get(f"{url}?id={missing}").status_code == 404


def test_uploaded_file_names_cannot_be_guessed(client, files):
    """The media folder may be served as it is: an uploader's file name must not be
    enough to find a file there, nor its renditions."""
    login(client, files.fp_b)
    collection = files.b_document.collection_id
    png = make_image(files.b_image.collection, files.fp_b).file.read()
    client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Plan",
            "collection": collection,
            "file": SimpleUploadedFile("mine-action-plan.pdf", b"%PDF-1.4 plan"),
        },
    )
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Hazards",
            "collection": collection,
            "file": SimpleUploadedFile("hazard-map.png", png),
        },
    )
    document = get_document_model().objects.get(title="Plan")
    image = get_image_model().objects.get(title="Hazards")
    for file, name in ((document, "mine-action-plan.pdf"), (image, "hazard-map.png")):
        stored = Path(file.file.name).name
        token, _, rest = stored.partition("_")
        assert rest == name and len(token) >= 12, stored
    rendition = image.get_rendition("width-10")
    assert Path(image.file.name).stem in rendition.file.name
