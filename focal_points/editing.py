"""Wagtail admin views with a check Wagtail does not make; admin_urls.py routes to them.

- The page editor refuses a form loaded before someone else's newer version: Wagtail
  refuses a stale autosave, but an explicit save, submit or publish of a stale form makes
  a new latest revision without the other person's change (its concurrent-editing
  notice is only shown in the browser). The form comes back with the user's data, the
  reason and a link comparing the two versions; nothing is saved until they save a form
  based on the newer version.
- A draft (autosave or "Save draft") is validated like a submission: Wagtail would store
  it with required fields left empty, without a warning.
- Focal points get no "Set schedule": the ISU publishes after review (focal_points/review.py
  hides the other actions that are not theirs). Hiding is not enough: the editor also
  refuses a focal point's posted cancel/restart of the review, and keeps the page's
  publishing dates whatever dates they post.
- The page chooser's "chosen multiple" endpoint applies `construct_page_chooser_queryset`
  like the chooser's other views, so it names no page the user may not choose.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from .roles import is_isu

# Posted names of the editor's actions that are the ISU's alone (Wagtail 8.0).
ISU_ACTIONS = ("action-cancel-workflow", "action-restart-workflow")
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class EditPageView(EditView):
    def newer_revision_by_someone_else(self):
        """The latest revision made by someone else after the one the form was loaded
        from, if the form is stale."""
        if not self.latest_revision or not self.is_out_of_date:
            return None
        loaded = self.request.POST.get("overwrite_revision_id") or self.request.POST.get(
            "loaded_revision_id"
        )
        if not str(loaded).isdigit():
            return None
        return (
            self.real_page_record.revisions.filter(pk__gt=int(loaded))
            .exclude(user_id=self.request.user.pk)
            .order_by("-pk")
            .select_related("user")
            .first()
        )

    def post(self, request, *args, **kwargs):
        # Wagtail saves a draft ("Save draft" and autosave) with its required fields
        # unchecked, so an autosave could store a required field empty (and then overwrite
        # the previous value in place) without anyone seeing a warning. Here a draft is
        # validated as fully as a submission: an autosave that validation would refuse is
        # answered with Wagtail's JSON validation error and stores nothing; "Save draft"
        # shows the form again with the errors and the typed text.
        self.form_class = validated_in_full(self.form_class)
        if not is_isu(request.user):
            if any(request.POST.get(action) for action in ISU_ACTIONS):
                raise PermissionDenied
            self.form_class = publishing_dates_kept(self.form_class)
        # Wagtail refuses a stale autosave (JSON) itself.
        if not self.page.alias_of_id and not self.expects_json_response:
            newer = self.newer_revision_by_someone_else()
            if newer is not None:
                return self.refuse_stale_form(newer)
        return super().post(request, *args, **kwargs)

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        if not is_isu(self.request.user):
            # Publishing dates are the ISU's: it publishes after review.
            for panel in side_panels:
                if hasattr(panel, "show_schedule_publishing_toggle"):
                    panel.show_schedule_publishing_toggle = False
        return side_panels

    def refuse_stale_form(self, newer):
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        self.form.defer_required_fields()
        self.form.is_valid()  # binds the posted values, to show them again
        self.form.restore_required_fields()
        loaded = self.request.POST.get("overwrite_revision_id") or self.request.POST.get(
            "loaded_revision_id"
        )
        compare = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[self.real_page_record.pk, int(loaded), newer.pk],
        )
        who = (newer.user.get_full_name() or newer.user.email) if newer.user else _("Someone")
        messages.error(
            self.request,
            format_html(
                _(
                    "{who} saved a newer version of this page while you were editing it. "
                    "Your changes have not been saved; they are still in the form below. "
                    '<a href="{url}">Compare the newer version with the one you started '
                    "from</a>, make sure the form keeps their changes, then save again."
                ),
                who=who,
                url=compare,
            ),
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


def validated_in_full(form_class):
    """`form_class`, whose forms ignore Wagtail's request to defer required fields."""

    def build(*args, **kwargs):
        form = form_class(*args, **kwargs)
        form.defer_required_fields = lambda: None
        return form

    return build


def publishing_dates_kept(form_class):
    """`form_class`, whose forms keep the page's publishing dates whatever is posted."""

    def build(*args, **kwargs):
        form = form_class(*args, **kwargs)
        clean = form.clean

        def clean_keeping_dates():
            cleaned = clean()
            cleaned = form.cleaned_data if cleaned is None else cleaned
            for name in SCHEDULE_FIELDS:
                if name in form.fields:
                    cleaned[name] = getattr(form.instance, name)
            return cleaned

        form.clean = clean_keeping_dates
        return form

    return build


def chosen_multiple_guard(view):
    """Only the ids the page chooser would list for this user."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        # Not the root either: it cannot be chosen, and Wagtail's view fails on it.
        pages = Page.objects.filter(pk__in=ids, depth__gt=1)
        for hook in hooks.get_hooks("construct_page_chooser_queryset"):
            pages = hook(pages, request)
        allowed = {str(pk) for pk in pages.values_list("pk", flat=True)}
        query = request.GET.copy()
        query.setlist("id", [pk for pk in ids if pk in allowed])
        request.GET = query
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def edit_page_view(_wagtail_view):
    return require_admin_access(EditPageView.as_view())
