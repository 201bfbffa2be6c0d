"""A Wagtail or wagtail-localize upgrade that moves what a guard wraps fails at start-up,
instead of silently giving focal points back what the guard took away."""

from django.core import checks
from wagtail.users import forms as user_forms
from wagtail_localize.models import TranslationSource

from focal_points import admin_urls, editing, wagtail_hooks


def errors() -> list[str]:
    return [
        message.msg
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.id == "focal_points.E001"
    ]


def test_every_workaround_is_in_place():
    assert errors() == []


def test_a_hook_wagtail_localize_no_longer_registers_is_reported(monkeypatch):
    monkeypatch.setattr(wagtail_hooks, "WRAPPED_LOCALIZE_HOOKS", ["before_edit_page"])
    assert errors() == ["wagtail-localize registers no 'before_edit_snippet' hook to guard"]


def test_an_unguarded_translation_write_is_reported(monkeypatch):
    unguarded = TranslationSource.__dict__["create_or_update_translation"].__wrapped__
    monkeypatch.setattr(TranslationSource, "create_or_update_translation", unguarded)
    assert errors() == ["TranslationSource.create_or_update_translation is not guarded"]


def test_an_unguarded_user_form_is_reported(monkeypatch):
    monkeypatch.setattr(user_forms.UserForm, "clean_email", lambda self: self.cleaned_data)
    assert errors() == ["UserForm.clean_email is not guarded"]


def test_an_editor_action_wagtail_no_longer_reads_is_reported(monkeypatch):
    monkeypatch.setattr(editing, "ISU_ACTIONS", ("action-cancel-workflow", "action-gone"))
    assert errors() == ["Wagtail's page editor no longer reads the posted 'action-gone'"]


def test_a_renamed_admin_view_stops_the_guarded_routes():
    try:
        admin_urls.guarded(admin_urls.page_urls.urlpatterns, "no_such_view", "pages/", None)
    except LookupError as error:
        assert "no_such_view" in str(error)
    else:
        raise AssertionError("a missing admin view was not reported")
