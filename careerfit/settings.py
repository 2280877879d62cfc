"""CareerFit settings: one module, configured from the environment.

Production is the default: DEBUG is off and a secret key must be supplied. Set DJANGO_DEBUG=1
for local development (`make run` does). See the configuration table in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean such as 1 or 0, not {value!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required when DJANGO_DEBUG is off; "
            "set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"

# Old keys still accepted when reading what a previous key signed (quiz takers' cookies), so
# that rotating DJANGO_SECRET_KEY does not end every quiz in progress.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "reversion",
    "professions",
    "quiz",
    # Login lockout after repeated failures (see the AXES_* block below).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careerfit.request_limits.RequestLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The quiz taker's signed cookie: the quiz in progress and the results this browser
    # finished; also the visitor's scores for the catalog's fit (professions/visitor.py).
    "quiz.middleware.QuizTakerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as axes requires: turns a locked-out login into the lockout page (429), which then
    # passes out through the middleware above and gets the usual security headers.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careerfit.urls"
WSGI_APPLICATION = "careerfit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite next to the code unless DATABASE_URL names another database (PostgreSQL via psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered pages are cached (professions/pagecache.py) in each process's memory: about 25 KB a
# page, so 500 pages stay well inside a worker's memory budget. A shared cache (Redis,
# Memcached) here would let every process use the pages any of them rendered.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
    # What one visitor sees: results pages, the catalog ranked for a result, quiz items with
    # a taker's answers. Apart, so that they never push the shared pages out. Caching them
    # still pays: a results page served from here runs at 8 times the rate of one built on
    # each request, the quiz page at 5 times (make bench).
    "visitor": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "visitor",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
# How long a rendered page is kept (0 switches the page cache off), and how often each
# process checks whether editors, imports or fixtures changed the content.
CAREERFIT_PAGE_CACHE_SECONDS = 300
CAREERFIT_CONTENT_RECHECK_SECONDS = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Includes Bootstrap's compiled CSS, vendored with its version and licence (static/vendor/).
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Floods (quiz/screening.py): how many results one client address may store in a window of
# this many seconds. Percentile norms and the analysts' figures count results, so a script
# finishing quizzes in a loop must not be able to bend them.
CAREERFIT_RESULTS_PER_ADDRESS = int(os.environ.get("CAREERFIT_RESULTS_PER_ADDRESS", "20"))
CAREERFIT_RESULTS_WINDOW_SECONDS = int(
    os.environ.get("CAREERFIT_RESULTS_WINDOW_SECONDS", str(60 * 60))
)

# How much form data a request may send (careerfit/request_limits.py). The public's forms hold
# at most a page of answers: floods are refused before they are parsed.
CAREERFIT_PUBLIC_MAX_FIELDS = 100
CAREERFIT_PUBLIC_MAX_BYTES = 64 * 1024
# Django's own limits apply to staff in the admin, sized from its largest real forms: the
# producer's profile (53 skill links, 9 job titles) posts 252 fields and 12 KB, the question
# list 217 fields for 60 items (about 360 at the 100 rows a page holds), and O*NET occupations
# bring up to 68 rated items. About five times the largest, so an editor can add rows freely;
# tests/test_admin_roundtrip.py fails when a real form leaves less than three times.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Everything below is on by default; the switches exist for local HTTP serving and
# for running behind a proxy that terminates TLS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "3600"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading commits every subdomain to HTTPS for months and needs a max-age of a year, so
# it is the operator's decision, not a default; check --deploy's reminder (W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# Scripts, styles and everything else only from this site's own files: no inline code at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login lockout (django-axes). Failures count per username and client address together: five
# wrong passwords for one name from one address block that name from that address for 15
# minutes. By name alone, anyone anywhere could lock an editor out; by address alone, one
# person's typos would lock out everyone behind the same office network. The price: an address
# gets five guesses per name per 15 minutes, too few against AUTH_PASSWORD_VALIDATORS passwords.
AUTHENTICATION_BACKENDS = [
    # First: a locked-out login stops before any password is checked. ModelBackend runs the
    # hasher for unknown names too, so timing does not tell which names exist.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
# In hours: 15 minutes after the last failure; each try while locked restarts it (axes' default).
AXES_COOLOFF_TIME = 0.25
# A correct password clears that name and address's failures: only failures in a row count.
AXES_RESET_ON_SUCCESS = True
# The lockout page, in the admin's look, says for how long and whom to ask; 429 Too Many Requests.
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# No banner on every manage.py command and no line per login: the log has what it needs.
AXES_VERBOSE = False


def axes_client_ip_behind_proxy(request):
    """The address the proxy in front saw: the last X-Forwarded-For entry, which it appended.

    Earlier entries are whatever the client sent, so trusting them would let one client pose as
    many addresses. Without a valid entry (a misconfigured proxy) this falls back to REMOTE_ADDR.
    """
    import ipaddress

    last = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return request.META.get("REMOTE_ADDR")


# The client address is REMOTE_ADDR, unless a proxy stands in front: then REMOTE_ADDR is the
# proxy's for everyone. (django-ipware is not installed, so AXES_IPWARE_* would be ignored.)
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    AXES_CLIENT_IP_CALLABLE = axes_client_ip_behind_proxy

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
