from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = True
# Development only: a fixed key so sessions survive restarts. production.py has no default.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105
# The demo accounts sign in with their password alone unless REQUIRE_TWO_FACTOR=1.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", False)
WHITENOISE_USE_FINDERS = True
