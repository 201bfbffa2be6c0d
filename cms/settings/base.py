"""Settings shared by every environment. Values come from the environment with safe
development defaults; production.py removes the defaults for secrets."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "home",
    "core",
    "registry",
    "country_pages",
    "explorer",
    "publishing",
    "reporting",
    "approach",
    "partnerships",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    # After wagtail_localize (it wraps some of its hooks), before wagtail.admin (templates).
    "focal_points",
    # The demonstration content and accounts (`make run`, `make serve`); it imports the apps
    # above, none of them imports it.
    "demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy, on cached responses too.
    "core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Invalidations the cache could not take at their commit, applied by any server.
    "publishing.middleware.RetryInvalidationsMiddleware",
    # Anonymous visitors are served from the page cache before sessions are even read.
    # It sits outside GZip, so a cached page is kept compressed and not compressed again
    # on every hit (the cache key tells gzip and plain clients apart).
    "core.page_cache.PageCacheMiddleware",
    # HTML and JSON compressed for slow links (static files come precompressed from
    # whitenoise, which answers before this). Django's GZip pads against BREACH and CSRF
    # tokens are masked per response; cached public pages carry no secret.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "focal_points.two_factor.RequireTwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses sign-ins from a client address with too many recent failures, any user name.
    "core.signin.ClientThrottleBackend",
    # Counts failed sign-ins and locks the account (per user name and address) after 5.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Reverse proxies in front of the site: the client's address is then read from
# X-Forwarded-For as they wrote it (core.signin.client_ip). 0 here: requests come straight
# from clients. Production defaults to 1 (one proxy terminating TLS).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.signin.client_ip"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hour
# A user name is locked for the client address the failures came from only: someone
# elsewhere cannot lock the ISU out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And each client address, whatever user names it tries: refused for an hour after 20.
SIGNIN_FAILURES_PER_CLIENT = int(env("SIGNIN_FAILURES_PER_CLIENT", "20"))
SIGNIN_THROTTLE_SECONDS = 3600
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "focal_points/locked_out.html"
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "focal_points.two_factor.lockout_username"

# ISU and focal point accounts must confirm each sign-in with an authenticator app (TOTP)
# or a recovery code. Only the development settings may turn this off.
REQUIRE_TWO_FACTOR = True
OTP_TOTP_ISSUER = "Mine Ban Convention"

# Content-Security-Policy: no inline script or style on public pages. The Wagtail admin
# needs inline code; core.headers relaxes the policy for /admin/ only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
        # A connection dropped by a database restart is noticed and replaced.
        conn_health_checks=True,
    )
}
USING_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for a small office: readers do not block the writer (WAL), a writer waits for
    # another instead of failing with "database is locked" (busy timeout), and every
    # transaction takes the write lock when it starts, so two saves (say an autosave and
    # "Save draft") queue instead of one failing when it upgrades its read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

# Cache and sessions: Redis when REDIS_URL is set. If Redis goes away the site keeps
# serving: cache errors are ignored (a miss), sessions fall back to the database, and a
# circuit breaker stops reconnecting for a few seconds after a failure.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    from core.redis_breaker import CircuitBreakerConnection

    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "aplc"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_KWARGS": {"connection_class": CircuitBreakerConnection},
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    # The breaker logs the outage once; a traceback per cache call would flood the log.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "3600"))
# How often each process looks for cache invalidations left pending by a cache outage.
PUBLISH_RETRY_SECONDS = float(env("PUBLISH_RETRY_SECONDS", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the six UN languages. English, French and Spanish are the
# Convention's working languages; Arabic, Chinese and Russian are UN languages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# A new translation must go through review, never live on creation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded files on S3-compatible storage when a bucket is configured; local otherwise.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_QUERYSTRING_AUTH = True  # private documents stay private
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Anti-Personnel Mine Ban Convention")
# Wagtail's form without a label on the password field (core/login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "core.login.LoginForm"
# No third-party avatars in the admin: the CSP blocks Gravatar (broken images), and it
# would learn who uses the admin. Wagtail shows its default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The address the public reaches the site at: every absolute URL the site writes (canonical
# and hreflang links, sitemap, API, emails) starts with it, and the Wagtail Site's hostname
# and port follow it (core/public_url.py). Production requires it.
PUBLIC_BASE_URL = (env("PUBLIC_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL") or PUBLIC_BASE_URL
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL  # the API's detail_url and file URLs
# Public addresses that are not Wagtail pages, for the sitemap (core.views.sitemap): each a
# function (request) -> entries, in the apps that serve them.
SITEMAP_SECTIONS = ["reporting.sitemap.entries"]

# The due date from which the ISU has recorded every Article 7 report received (online or
# sent by email), so that the reporting status page may call a missing one overdue; before
# it, or unset, a missing report shows as "no record" (docs/operations.md).
_records_since = env("ARTICLE7_RECORDS_COMPLETE_SINCE")
ARTICLE7_RECORDS_COMPLETE_SINCE = dt.date.fromisoformat(_records_since) if _records_since else None
# On PostgreSQL, full-text search uses each language's own configuration (stemming for
# English, French, Spanish, Russian and Arabic); see core/search_backend.py.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "core.search_backend" if USING_POSTGRESQL else "wagtail.search.backends.database"
    }
}

# Uploads a focal point may add: PDF, Office and OpenDocument files, common images.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are served through Django so that privacy and permissions apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "isu@apminebanconvention.invalid")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

FORMAT_MODULE_PATH = ["cms.formats"]
# Wagtail 8 runs search-index and reference-index updates as django-tasks; their
# per-task INFO lines would drown everything else.
LOGGING["loggers"] = {
    "django_tasks": {"level": "WARNING"},
    "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"

# Machine translation for the ISU's translation flow, chosen by environment variables.
# Without any, the "machine translate" button is hidden and translations are by hand.
if env("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_AUTH_KEY")},
    }
elif env("GOOGLE_TRANSLATE_PROJECT_ID"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        # Credentials come from GOOGLE_APPLICATION_CREDENTIALS, as the Google client expects.
        "OPTIONS": {"PROJECT_ID": env("GOOGLE_TRANSLATE_PROJECT_ID"), "LOCATION": "global"},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Concurrent editing: the editor autosaves (and refuses to autosave over a newer version)
# and tells each editor who else has the page open and when it was saved.
WAGTAIL_AUTOSAVE_INTERVAL = 2000  # milliseconds after the last keystroke
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10000  # milliseconds
