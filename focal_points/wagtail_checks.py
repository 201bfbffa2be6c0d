"""A start-up check that every place where this project works around Wagtail or
wagtail-localize is still where it was found. An upgrade that moves a view, renames a hook
or a posted action would otherwise silently remove a guard, and a focal point would get
back what the guard took away.

The workarounds, one module per concern, each saying why it exists (checked against
Wagtail 8.0 and wagtail-localize 1.14):
- focal_points/admin_urls.py: admin views re-routed to guarded versions (found by name);
- focal_points/wagtail_hooks.py: wagtail-localize's editor-replacing hooks, wrapped;
- focal_points/editing.py: the page editor (stale forms, drafts validated in full, the
  ISU's actions refused to focal points);
- focal_points/integrity.py: wagtail-localize's translation writes and the account forms;
- focal_points/guards.py: wagtail-localize's views and Wagtail's listings that check no
  object permission.

A Django system check: it runs with every management command that checks (`migrate`,
which `make run` and `make serve` run before serving; the development server) and in
the test suite (tests/focal_points/test_wagtail_checks.py).
"""

from __future__ import annotations

import inspect

from django.core import checks


def problems() -> list[str]:
    """What is no longer where the workarounds expect it."""
    found: list[str] = []
    try:
        from . import admin_urls  # builds the guarded routes: raises if a name is gone

        del admin_urls
    except LookupError as error:
        found.append(f"admin URL guard: {error}")

    from . import wagtail_hooks

    missing = set(wagtail_hooks.LOCALIZE_EDIT_HOOKS) - set(wagtail_hooks.WRAPPED_LOCALIZE_HOOKS)
    found += [f"wagtail-localize registers no {name!r} hook to guard" for name in sorted(missing)]

    from wagtail.admin.views import account
    from wagtail.admin.views.pages.edit import EditView
    from wagtail.users import forms as user_forms
    from wagtail_localize.models import TranslationSource

    from . import editing, integrity

    create = TranslationSource.__dict__.get("create_or_update_translation")
    if not getattr(create, "keeps_translations_draft", False):
        found.append("TranslationSource.create_or_update_translation is not guarded")
    if not getattr(account.NameEmailSettingsPanel.form_class, "checks_impersonation", False):
        found.append("the account settings' name and email form is not guarded")
    if user_forms.UserForm.__dict__.get("clean_email") is not integrity._clean_unique_email:
        found.append("UserForm.clean_email is not guarded")
    source = inspect.getsource(EditView)
    found += [
        f"Wagtail's page editor no longer reads the posted {name!r}"
        for name in editing.ISU_ACTIONS
        if f'"{name}"' not in source
    ]
    return found


@checks.register(checks.Tags.security)
def wagtail_workarounds_in_place(app_configs=None, **kwargs) -> list[checks.Error]:
    return [
        checks.Error(
            problem, hint="Review the workaround before upgrading.", id="focal_points.E001"
        )
        for problem in problems()
    ]
