"""Who is signing in, as far as failed sign-ins are counted.

Behind the reverse proxy, every request comes from the proxy's address: counting failures
by it let anyone lock the ISU out (five wrong passwords for the ISU's user name, from
anywhere). The client's address is taken from X-Forwarded-For instead, as the trusted
proxies wrote it: each proxy appends the address it received the request from, so with N
trusted proxies the client is the N-th address from the right; what the client itself put
in the header, further left, is never read. django-axes locks a user name per client
address (AXES_CLIENT_IP_CALLABLE, AXES_LOCKOUT_PARAMETERS), and this module throttles each
client address whatever user names it tries (ClientThrottleBackend).
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

log = logging.getLogger(__name__)


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front,
    the address the outermost trusted proxy saw (AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if not forwarded:
        return remote  # not through the proxy
    # Fewer entries than proxies: the request skipped the outer ones; the leftmost entry
    # was still written by a trusted proxy.
    candidate = forwarded[-min(count, len(forwarded))]
    return candidate if _valid(candidate) else remote


def _failures_key(address: str) -> str:
    return f"signin-failures:{address}"


def client_failures(request) -> int:
    address = client_ip(request)
    if not address:
        return 0
    try:
        return int(cache.get(_failures_key(address)) or 0)
    except Exception:  # the cache is down: axes' per user name lock still applies
        log.warning("Sign-in throttle: cache unavailable", exc_info=True)
        return 0


# Connected when Django loads the authentication backends, which authenticate() does
# before any failure is signalled (ClientThrottleBackend is the first of them).
@receiver(user_login_failed, dispatch_uid="core.signin.count_failure")
def count_failure(sender, credentials=None, request=None, **kwargs):
    address = client_ip(request) if request is not None else None
    if not address:
        return
    key = _failures_key(address)
    try:
        cache.add(key, 0, timeout=settings.SIGNIN_THROTTLE_SECONDS)
        cache.incr(key)
    except Exception:
        log.warning("Sign-in throttle: cache unavailable", exc_info=True)


class ClientThrottleBackend:
    """Refuses every sign-in from a client address with too many recent failures (any
    user names), before a password is checked. First of AUTHENTICATION_BACKENDS. The
    visitor sees the same page as an axes lockout (AxesMiddleware answers 429)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and client_failures(request) >= settings.SIGNIN_FAILURES_PER_CLIENT:
            request.axes_locked_out = True
            raise PermissionDenied
        return None

    # No get_user(): it signs no one in, and Django (force_login, sessions) must not pick
    # it as a user's backend.
