from .base import *  # noqa: F403
from .base import env

DEBUG = True
# Development only: a fixed key so sessions survive restarts. production.py has no default.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105
