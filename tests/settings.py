"""Test settings: the production settings, plus what makes tests fast and HTTP-only."""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-that-is-long-enough-to-look-real-123"
)

from careerfit.settings import *  # noqa: F403

# Hashing passwords slowly protects real users, not test users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client and the live test server speak plain HTTP.
SECURE_SSL_REDIRECT = False
# Tests render templates without running collectstatic first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the source folders, as in development: no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Check the content version on every request: a test sees its own changes at once.
CAREERFIT_CONTENT_RECHECK_SECONDS = 0
# The test client and the browser tests finish many quizzes from one address; the limit's own
# tests lower it (tests/quiz/test_screening.py).
CAREERFIT_RESULTS_PER_ADDRESS = 100_000
