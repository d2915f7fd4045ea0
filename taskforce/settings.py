"""Settings for Task Force Operations, read from the environment (django-environ)."""

import ipaddress
from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# scripts/db.sh writes the address of the project-local PostgreSQL here.
environ.Env.read_env(BASE_DIR / ".pgdata.env", overwrite=False)

# Production unless the environment says DEBUG=true: `make run`, `make test` (pyproject.toml), the
# benchmark and CI say so, with a development key of their own.
DEBUG = env.bool("DEBUG", default=False)
# Production keys are long and random; the development ones are all shorter than this.
MIN_SECRET_KEY_LENGTH = 50

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-never-used-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
else:
    try:
        SECRET_KEY = env("SECRET_KEY")
        ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured(
            "Production settings (DEBUG is not true): set SECRET_KEY and ALLOWED_HOSTS in the environment, "
            "or DEBUG=true on a development machine."
        ) from error
    if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY has {len(SECRET_KEY)} characters; production needs at least {MIN_SECRET_KEY_LENGTH} "
            "random ones. Make one with: python -c 'from django.core.management.utils import "
            "get_random_secret_key; print(get_random_secret_key())'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("With DEBUG=false, ALLOWED_HOSTS must name at least one host.")

INSTALLED_APPS = [
    # Before the admin: its TranslationAdmin and the per-language columns of translation.py files.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",  # Django's own widget templates (django/forms/jinja2/), for FORM_RENDERER below
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "import_export",
    "axes",
    "django_tasks_db",
    "concurrency",
    "taskforce",
    "accounts",
    "members",
    "meetings",
    "goals",
    "reports",
    "reminders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The visitor's language: the language cookie (set by the switcher), then the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A logged-in user's own choice of language, where this browser has no language cookie yet.
    "taskforce.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "taskforce.middleware.RejectNullCharactersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # A save that loses the race after its form checked the version: CONCURRENCY_HANDLER409 answers it.
    "concurrency.middleware.ConcurrencyMiddleware",
]

ROOT_URLCONF = "taskforce.urls"
WSGI_APPLICATION = "taskforce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "taskforce.context_processors.site",
            ],
        },
    },
    # Rows Django's engine draws too slowly (the table in docs/architecture.md), and every form's widgets (Django's
    # own, FORM_RENDERER below).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,  # <app>/jinja2/
        "OPTIONS": {"environment": "taskforce.jinja2.environment"},
    },
]

# The project-local cluster (scripts/db.sh) unless DATABASE_URL says otherwise.
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://taskforce@localhost/taskforce")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# QuerySet.iterator() reads with a client-side cursor: a form's model choices (the filters' committee,
# kind of help, population) are then one round trip, not DECLARE, FETCH and CLOSE of a held server-side
# cursor; it also works behind a transaction-pooling proxy. Nothing here streams a result too big for memory.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

# Kept work (the annual report's body): each process's memory unless
# CACHE_URL names a shared cache, e.g. redis://cache.example.org:6379/1, for several app servers.
# Each process's memory by default (right for one machine), room for every language's resource cards and the
# report bodies (Django's default of 300 entries would let cards push a report body out); see the README.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://?max_entries=5000")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (accounts/throttle.py): five failures for one username from one address, or
# twenty from one address across usernames, lock for 15 minutes.
AXES_FAILURE_LIMIT = "accounts.throttle.failure_limit"
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# The client's address is REMOTE_ADDR; X-Forwarded-For counts only when REMOTE_ADDR is one of these
# proxies (addresses or networks, comma-separated), e.g. TRUSTED_PROXIES=10.0.0.5,10.1.0.0/16.
try:
    TRUSTED_PROXIES = [ipaddress.ip_network(proxy, strict=False) for proxy in env.list("TRUSTED_PROXIES", default=[])]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES must list IP addresses or networks: {error}") from error
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en"
TIME_ZONE = env("TIME_ZONE", default="America/Los_Angeles")
USE_I18N = True
# The city's threshold languages (issue 16): the codes the language switcher offers and ?lang= accepts.
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh-hant", _("Traditional Chinese")),
    ("tl", _("Filipino")),
]
# Django knows Filipino only as "fil"; the city's code is "tl". Its name for get_language_info()
# (the admin's per-language fields, a language switcher).
LANG_INFO.setdefault("tl", {"bidi": False, "code": "tl", "name": "Filipino", "name_local": "Filipino"})
LOCALE_PATHS = [BASE_DIR / "locale"]
# Texts people enter per language (members/translation.py: a column per language, English the default).
# A language without its own text falls back to English; pages mark such text "(in English)".
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es", "zh-hant", "tl")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Dates, times and numbers follow the language: Django's formats, with the project's own for English (the
# "December 14, 2016" the pages always showed) and for Filipino, which Django has none for (taskforce/formats/).
FORMAT_MODULE_PATH = ["taskforce.formats"]
# The switcher's choice is kept a year; the logged-in user's choice also on their account (accounts.User.language).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it
USE_TZ = True

TASK_FORCE_NAME = env("TASK_FORCE_NAME", default="Mayor's Task Force on Anti-Human Trafficking")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
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
# Private uploads (MOUs) live outside any public URL; views that check access serve them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
# Object storage for them when several app servers run: e.g. storages.backends.s3.S3Storage
# with PRIVATE_STORAGE_OPTIONS='{"bucket_name": "...", "default_acl": "private", "querystring_auth": true}'.
PRIVATE_STORAGE_BACKEND = env("PRIVATE_STORAGE_BACKEND", default="")
PRIVATE_STORAGE_OPTIONS = env.json("PRIVATE_STORAGE_OPTIONS", default={})

# Background work (rendering the report and pamphlet PDFs): Django's tasks framework, queued in the
# database; `python manage.py db_worker` runs the queue. Tests choose a backend and run tasks themselves.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# Form widgets are drawn by Django's own Jinja2 widget templates, through the project's Jinja2 environment (the
# admin's widgets, which have only Django templates, by Django's engine): taskforce/jinja2.py.
FORM_RENDERER = "taskforce.jinja2.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Outgoing mail: EMAIL_URL (django-environ), e.g. smtp+tls://user:password@smtp.example.org:587; without it the
# console in debug mode. EMAIL_BACKEND alone still picks a backend that needs no options (console, locmem).
if "EMAIL_URL" in env:
    _email = env.email_url("EMAIL_URL")
    _smtp_options = {
        "host": _email.get("EMAIL_HOST"),
        "port": _email.get("EMAIL_PORT") or None,
        "username": _email.get("EMAIL_HOST_USER") or None,
        "password": _email.get("EMAIL_HOST_PASSWORD") or None,
        "use_tls": bool(_email.get("EMAIL_USE_TLS")),
        "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
        "timeout": 30,
    }
    MAILERS = {
        "default": {
            "BACKEND": _email["EMAIL_BACKEND"],
            "OPTIONS": _smtp_options if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {},
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": env(
                "EMAIL_BACKEND",
                default="django.core.mail.backends.console.EmailBackend"
                if DEBUG
                else "django.core.mail.backends.smtp.EmailBackend",
            ),
            "OPTIONS": {},
        }
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="taskforce@localhost")
# The daily reminder digest goes out at this hour of the task force's day (TIME_ZONE): a job of the background
# worker, queued by `manage.py schedule_reminders` (reminders/tasks.py); links in emails start with SITE_URL.
REMINDER_HOUR = env.int("REMINDER_HOUR", default=7)
SITE_URL = env("SITE_URL", default="http://localhost:8000")

# A strict policy: no inline script or style without the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # Only a production-like run over plain HTTP on this machine (make load) turns these off.
    SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    CSRF_COOKIE_HTTPONLY = True
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"hide_calendar_links": {"()": "taskforce.logging_filters.HidePrivateCalendarLinks"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["hide_calendar_links"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# An import with any bad row saves nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Two people editing one record (taskforce/versions.py): django-concurrency's counting version fields need
# no database triggers, and a save that loses the race is answered with the conflict page.
CONCURRENCY_AUTO_CREATE_TRIGGERS = False
CONCURRENCY_HANDLER409 = "taskforce.views.conflict"
