from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
ALLOWED_HOSTS = ["*"]
# Wagtail's dummy machine translator: real code path, no network.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": env("LOG_LEVEL", "WARNING")},
}
WHITENOISE_USE_FINDERS = True
# The admin always asks for the second factor in tests, as in production.
REQUIRE_TWO_FACTOR = True
# Tests that exercise the retry of pending invalidations set it to 0; others must not pay
# its query at random points of their query counts.
PUBLISH_RETRY_SECONDS = 3600
