"""Two-factor authentication for the admin: ISU and focal point accounts confirm each
sign-in with a code from an authenticator app (TOTP) or a one-time recovery code.

After the password, an account without a confirmed device is sent to set one up (a QR code
to scan, a code to confirm, then ten recovery codes shown once); an account with one is
asked for a code. Until then no admin page is served.
"""

from __future__ import annotations

import secrets
from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
# Admin paths an account may reach before its second factor: signing in and out,
# resetting a password, and these views themselves.
OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/two-factor/",
    "/admin/jsi18n/",
)


def requires_two_factor(user) -> bool:
    """ISU members, focal points and anyone with admin rights."""
    if not getattr(settings, "REQUIRE_TWO_FACTOR", True) or not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/admin/")
            and not path.startswith(OPEN_PATHS)
            and requires_two_factor(request.user)
            and not request.user.is_verified()
        ):
            return redirect(f"{reverse('two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return reverse("wagtailadmin_home")
    return target


def two_factor(request):
    """Ask for the second factor, or set it up for an account that has none."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if request.POST.get("action") == "sign-out":
        logout(request)
        return redirect("wagtailadmin_login")
    if confirmed_device(user) is None:
        return setup(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("This code is not valid. Codes change every 30 seconds."))
    return TemplateResponse(
        request, "focal_points/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


@transaction.atomic
def setup(request):
    user = request.user
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            device.confirmed = True
            device.save()
            codes = issue_recovery_codes(user)
            otp_login(request, device)
            return TemplateResponse(
                request,
                "focal_points/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error(
            "code", _("This code is not valid. Check the time on your phone and try again.")
        )
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "focal_points/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, dark="#1b1f24", light="#ffffff"),
            "secret": b32encode(device.bin_key).decode(),
            "next": _next_url(request),
        },
    )


def issue_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; any earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [secrets.token_hex(4) for _ in range(RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


def lockout_username(request, credentials: dict | None = None) -> str | None:
    """The username django-axes counts failed sign-ins for (AXES_USERNAME_CALLABLE), as
    axes reads it, cut to its 255-character column: no account has a longer name, and a
    longer one must be a refused sign-in, not a database error."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    source = credentials or getattr(request, "data", None) or getattr(request, "POST", {})
    username = source.get(field)
    return username[:255] if isinstance(username, str) else username
