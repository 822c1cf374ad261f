"""The one settings module, configured only from environment variables.

Every variable is documented in README.md. With no variable set, the site runs
on an embedded SQLite database under ``var/`` in debug mode.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from danvan.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DANVAN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "dev-only-insecure-secret-key-change-me"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY or (not DEBUG and SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "treebeard",
    "auditlog",
    "axes",
    "danvan",
    "vn",
    "org",
    "accounts",
    "work",
    "reports",
    "jobs",
    "ingest",
    "api",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "api.problems.ProblemMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.middleware.SessionTouchMiddleware",
    "danvan.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "danvan.middleware.OnceOnlyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Serves the collected, hashed static files in production.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

# Dates shown and typed as dd/mm/yyyy in both languages (danvan/formats).
FORMAT_MODULE_PATH = ["danvan.formats"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "danvan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "danvan.context_processors.site",
            ],
        },
    },
]

# Form widgets are drawn by Jinja2 (Django's own widget templates, and
# org/jinja2/ for the unit picker): the same HTML at a fraction of the cost
# of Django's template language, a few milliseconds on every page with a
# form.
FORM_RENDERER = "danvan.forms_renderer.Jinja2Widgets"

_default_db = f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # Wait up to 20 s for another writer instead of failing at once.
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool(
    "PG_JIT", False
):
    # PostgreSQL's JIT compiler starts on the roll-ups' large estimated costs
    # and spends about 0.3 s compiling each statement that then runs in 0.2 s
    # (measured on the national benchmark data): off for this application's
    # connections, unless PG_JIT=true. The rest of the server is unchanged.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = (options.get("options", "") + " -c jit=off").strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a login while the username and address
    # pair is locked out, before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.CaseInsensitiveModelBackend",
]
# Login throttling: AXES_FAILURE_LIMIT wrong passwords for one username from
# one address lock that pair for AXES_COOLOFF_MINUTES; an administrator lifts
# it sooner with `danvan axes_reset_username USER`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.backends.locked_out"
AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_ENABLED = env_bool("AXES_ENABLED", True)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + name}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Sessions expire after SESSION_TIMEOUT_MINUTES of inactivity; the page warns
# SESSION_WARNING_SECONDS before that and offers to keep the session alive.
SESSION_COOKIE_AGE = env_int("SESSION_TIMEOUT_MINUTES", 30) * 60
SESSION_WARNING_SECONDS = env_int("SESSION_WARNING_SECONDS", 120)
# A session is saved at most once a minute while in use (not on every
# request: see danvan.middleware.SessionTouchMiddleware).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = env_int("SESSION_TOUCH_SECONDS", 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
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
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

AUDITLOG_INCLUDE_ALL_MODELS = False

# Background jobs. With CELERY_BROKER_URL set (redis://127.0.0.1:6379/0 in
# production) Celery workers run them (`celery -A danvan.celery_app worker`); without it
# (the embedded default) they run in-process when the request commits.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")

# The cache holds the rate-limit counters (django-ratelimit): in Redis when
# CACHE_URL is set, or when the job broker is Redis (shared by every web
# process); otherwise in this process's memory, which is shared by every
# request when one process serves (a commune's laptop).
CACHE_URL = env_str(
    "CACHE_URL", CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else ""
)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
    }
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Per user (or address, before signing in), per minute: documents generated,
# files uploaded or imported, searches and list exports. Over the limit, a
# page says so in Vietnamese with status 429 and Retry-After.
# With a shared cache (Redis), sessions are read from it and written through
# to the database: a page costs no session query. Without one, each process's
# own memory would keep a signed-out session alive in the others: the
# database alone then.
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
RATE_LIMITS = {
    "documents": env_str("RATE_LIMIT_DOCUMENTS", "30/m"),
    "uploads": env_str("RATE_LIMIT_UPLOADS", "20/m"),
    "search": env_str("RATE_LIMIT_SEARCH", "120/m"),
    "api": env_str("RATE_LIMIT_API", "600/m"),
}
RATELIMIT_VIEW = "danvan.views.rate_limited"
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Without a broker, jobs run in a thread of the web process (so their pages
# show progress); false runs them as the request that started them commits.
JOBS_IN_THREAD = env_bool("JOBS_IN_THREAD", True)
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# A task whose worker process dies (killed, out of memory) goes back to the
# queue and runs again; a worker that vanishes altogether has its unacknowledged
# tasks given to another after the visibility timeout (longer than any job).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A job's file (a PDF, an export) is kept JOB_FILES_DAYS days after it
# finishes; Celery beat (`celery -A danvan.celery_app beat`) removes older ones
# every night at 02:30.
JOB_FILES_DAYS = env_int("JOB_FILES_DAYS", 7)
# Articles and reports read but never accepted (a batch uploaded and left, a
# failed file) are removed with their files UNREVIEWED_DOCUMENT_DAYS days after
# they were uploaded, by the same nightly task. Accepted ones stay: they are
# the sources of records.
UNREVIEWED_DOCUMENT_DAYS = env_int("UNREVIEWED_DOCUMENT_DAYS", 90)
# A PDF is read in a child process stopped after PDF_READ_SECONDS and refused
# more than PDF_READ_MEGABYTES of address space (ingest.pdf_text).
PDF_READ_SECONDS = env_int("PDF_READ_SECONDS", 30)
PDF_READ_MEGABYTES = env_int("PDF_READ_MEGABYTES", 400)
# Dashboards and report pages show figures computed at most this many seconds
# ago (the page says when, and offers to compute them again at once).
# Documents are always computed afresh. See reports.figures.snapshot.
FIGURES_MAX_AGE_SECONDS = env_int("FIGURES_MAX_AGE_SECONDS", 60)
# Figures that took this long or longer to compute (a nation's, a large
# province's) are computed again in the background when they are too old, and
# the page shows the previous ones meanwhile, with their time.
FIGURES_BACKGROUND_SECONDS = env_int("FIGURES_BACKGROUND_SECONDS", 1)
CELERY_BEAT_SCHEDULE = {
    "expire-job-files": {
        "task": "jobs.expire",
        "schedule": crontab(hour=2, minute=30),
    },
    "expire-unreviewed-documents": {
        "task": "ingest.expire",
        "schedule": crontab(hour=2, minute=40),
    },
    # The nation's and the provinces' dashboards, ready before anyone asks.
    "warm-dashboards": {
        "task": "reports.warm_dashboards",
        "schedule": crontab(minute="*/15"),
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): everything from this site only; no
# inline script or style anywhere in the templates, none from a CDN.
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
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # One year of HSTS, subdomains included. Preloading into browsers is a
    # decision for the province (it cannot be undone quickly), so
    # SECURE_HSTS_PRELOAD stays off and its check (W021) is silenced below.
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
