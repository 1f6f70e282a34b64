"""Settings for the running log, driven by environment variables with safe development defaults."""

import datetime as dt
import hashlib
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean variable; anything but a clear yes/no is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)
TESTING = env_bool("RUNLOG_TESTING", default="pytest" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "ninja",  # the API's browsable docs page, served from its own static files
    "runlog",
    "injuries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "runlog.log.middleware.RunnerTimezoneMiddleware",
    # After authentication: a logged-in runner's Settings language, otherwise the browser's Accept-Language.
    "runlog.log.middleware.RunnerLanguageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "runlog.urls"
WSGI_APPLICATION = "runlog.wsgi.application"
ASGI_APPLICATION = "runlog.asgi.application"

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
                "runlog.log.context_processors.units",
            ],
        },
    },
]

# Form fields render through Django's own Jinja2 copies of its form templates: the same markup, a
# third of the time (a quick-log form is a dozen field groups on every dashboard and list page). The
# admin's widgets exist only as Django templates; the renderer falls back to those.
FORM_RENDERER = "runlog.site.renderers.JinjaFirstRenderer"

# SQLite (WAL) out of the box; DATABASE_URL switches to PostgreSQL.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
    ),
}
_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("CONN_MAX_AGE", 60))}
    except Exception as exc:  # dj_database_url raises several types for a bad URL
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

if TESTING and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # On disk rather than in memory, so a real worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / os.environ.get("RUNLOG_TEST_DB", ".test-db.sqlite3"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Derived values (assessments, chart data, rendered log entries) are cached under keys that carry the
# runner's log version or the entry's own content, so a stale value is never served and any cache is
# safe. By default the cache is a directory on local disk, shared by every gunicorn worker of the host
# (a per-process memory cache would compute each value once per worker). CACHE_URL picks another one:
# file:///var/cache/runlog, locmem:// (one process), redis://host:6379/0 (shared by several hosts).
CACHE_DIR = os.environ.get("CACHE_DIR", str(BASE_DIR / ".runlog-cache"))


def code_version() -> str:
    """A digest of the code and templates. It prefixes every cache key, so a cache that outlives an
    upgrade (on disk, in Redis) never hands the new release what the old one computed or rendered."""
    digest = hashlib.blake2b(digest_size=8)
    for folder in ("runlog", "injuries", "templates"):
        for path in sorted((BASE_DIR / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".txt", ".md") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_config(url: str | None, testing: bool) -> dict:
    options = {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20000), "CULL_FREQUENCY": 4}
    url = (url or "").strip()
    if not url:
        if testing:
            return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        return {
            "BACKEND": "runlog.site.diskcache.SampledCullFileCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": options,
        }
    scheme, _, rest = url.partition("://")
    if scheme == "file" and rest.startswith("/"):
        return {"BACKEND": "runlog.site.diskcache.SampledCullFileCache", "LOCATION": rest, "OPTIONS": options}
    if scheme == "locmem" and not rest:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": options}
    if scheme == "dummy" and not rest:
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if scheme in ("redis", "rediss") and rest:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL={url!r} is not supported: use file:///absolute/path, locmem://, dummy:// or redis://host:port/db"
    )


CACHES = {"default": {**cache_config(os.environ.get("CACHE_URL"), TESTING), "KEY_PREFIX": code_version()}}

# Background work (imports, digests) through django.tasks. The database backend needs
# `manage.py db_worker` running (make run starts one); TASKS_BACKEND=immediate runs tasks inline.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("TASKS_BACKEND", "immediate" if TESTING else "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND={_task_backend!r} must be one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}
# Uploads up to the archive cap are handled as files, never held whole in a form field: over 5 MB
# Django spools them to a temporary file, which is then moved (or copied in chunks) into storage.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded files wait for the import worker in the default storage, a private directory: there is
# no MEDIA_URL and nothing serves it. Every machine running a web process or a worker must see it
# (the same disk, or another storage backend in STORAGES["default"]).
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / ".runlog-files"))
# A run's route is drawn without its first and last this many metres (0 draws it whole), wherever it is shown.
RUNLOG_PRIVACY_ZONE_M = env_int("RUNLOG_PRIVACY_ZONE_M", 200)

# The placeholders Leaflet fills in a tile URL: zoom, column, row (or the row counted from the south, for
# TMS servers) and an optional "@2x" for high-density screens.
MAP_TILE_PLACEHOLDERS = {"{z}", "{x}", "{y}", "{-y}", "{r}"}


def map_tiles(url: str | None, attribution: str | None) -> tuple[str, str, str]:
    """The map tile URL, the credit shown on the map, and the origin the browser fetches the tiles from
    (the one host the CSP's img-src gains). Three empty strings when no URL is set: the route is then an
    SVG only and the run page fetches nothing from outside."""
    url, attribution = (url or "").strip(), (attribution or "").strip()
    if not url:
        return "", "", ""
    example = "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as exc:
        raise ImproperlyConfigured(f"MAP_TILE_URL={url!r} is not a URL ({exc}); {example}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"MAP_TILE_URL={url!r} must be an http:// or https:// URL with a host; {example}")
    if "@" in parts.netloc:
        raise ImproperlyConfigured(
            f"MAP_TILE_URL={url!r} carries a user name or password, which every runner's browser would see"
        )
    if "{" in parts.netloc or "}" in parts.netloc:
        raise ImproperlyConfigured(
            f"MAP_TILE_URL={url!r}: the host must be written out (no {{s}} subdomains), so the Content-Security-"
            "Policy can name it"
        )
    # The origin goes into the CSP header as it is: a name, an IPv4 or a bracketed IPv6 address, a port.
    if re.search(r"\s", url) or not re.fullmatch(
        r"([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d+)?", parts.netloc
    ):
        raise ImproperlyConfigured(f"MAP_TILE_URL={url!r} has spaces or a host that is not a plain name; {example}")
    placeholders = set(re.findall(r"\{[^{}]*\}", url))
    missing = [p for p in ("{z}", "{x}") if p not in placeholders] + ([] if placeholders & {"{y}", "{-y}"} else ["{y}"])
    unknown = sorted(placeholders - MAP_TILE_PLACEHOLDERS)
    stray = re.sub(r"\{[^{}]*\}", "", url)
    if missing or unknown or "{" in stray or "}" in stray:
        problem = f"lacks {', '.join(missing)}" if missing else f"has {', '.join(unknown) or 'an unclosed brace'}"
        raise ImproperlyConfigured(
            f"MAP_TILE_URL={url!r} {problem}: a tile URL has {{z}}, {{x}} and {{y}} (or {{-y}}), and may have {{r}}; "
            + example
        )
    if not attribution:
        raise ImproperlyConfigured(
            "MAP_TILE_ATTRIBUTION must be set with MAP_TILE_URL: the credit the tile provider asks for, shown on "
            "the map (e.g. '© OpenStreetMap contributors')"
        )
    if re.search(r"[<>\r\n]", attribution) or len(attribution) > 300:
        raise ImproperlyConfigured(
            f"MAP_TILE_ATTRIBUTION={attribution!r} must be one line of plain text (no HTML), at most 300 characters"
        )
    return url, attribution, f"{parts.scheme}://{parts.netloc.lower()}"


# Unset (the default), a run's route is an SVG drawn from its own points; set, Leaflet also draws it on
# these tiles, and the tile host is the only outside address the run page's browser may load from.
MAP_TILE_URL, MAP_TILE_ATTRIBUTION, MAP_TILE_ORIGIN = map_tiles(
    os.environ.get("MAP_TILE_URL"), os.environ.get("MAP_TILE_ATTRIBUTION")
)
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# What one runner may have stored while their imports wait (files are deleted once imported).
IMPORT_QUOTA_BYTES = env_int("IMPORT_QUOTA_BYTES", 2 * 1024**3)

# Requests per API token, as "N/s", "N/min", "N/h" or "N/day"; beyond it 429 with Retry-After.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
# An import works this long, then queues its own continuation behind the tasks already waiting, so
# another runner's small file is not held up by a large archive.
IMPORT_SLICE_SECONDS = float(os.environ.get("IMPORT_SLICE_SECONDS", "2"))
# A running import whose worker has not reported for this long is taken to be dead and queued again.
IMPORT_STALE_SECONDS = env_int("IMPORT_STALE_SECONDS", 120)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Hashing cost is not what the suite tests; the production hashers stay as above.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while a username+IP is locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: 5 failures for one username from one IP lock that pair out for 15 minutes (429).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind N trusted reverse proxies, the client IP is taken from X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
CSRF_FAILURE_VIEW = "runlog.site.security.csrf_failure"
# Sign-up, password-reset and email-link requests: at most N per IP address and M per email address (for
# email links: per account) in each window, then 429 with a page saying when to try again.
ACCOUNT_THROTTLE_WINDOW = env_int("THROTTLE_WINDOW_MINUTES", 60) * 60
ACCOUNT_THROTTLES = {
    "signup": (env_int("THROTTLE_SIGNUP_PER_IP", 5), env_int("THROTTLE_SIGNUP_PER_ADDRESS", 3)),
    "reset": (env_int("THROTTLE_RESET_PER_IP", 5), env_int("THROTTLE_RESET_PER_ADDRESS", 3)),
    "email": (env_int("THROTTLE_EMAIL_LINK_PER_IP", 10), env_int("THROTTLE_EMAIL_LINK_PER_ACCOUNT", 3)),
    # Email change requests refused for a wrong password or an address in use (guessing, probing).
    "email_refused": (env_int("THROTTLE_EMAIL_REFUSED_PER_IP", 20), env_int("THROTTLE_EMAIL_REFUSED_PER_ACCOUNT", 5)),
}
# Email verification and change links work once, for this long.
EMAIL_LINK_MAX_AGE = env_int("EMAIL_LINK_DAYS", 3) * 86400

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
# The languages a runner can choose in Settings (runlog.log.models.Language); each has a catalogue in
# runlog/locale (and injuries/locale), compiled to .mo files by `make install` (compilemessages).
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("nl", "Nederlands"),
]
LOCALE_PATHS = [BASE_DIR / "runlog" / "locale", BASE_DIR / "injuries" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
# Front-end libraries come from npm (package.json, installed by `make install`), served as static files.
STATICFILES_DIRS = [
    ("runlog/vendor", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    ("runlog/vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Development and tests serve static files straight from the apps; production from collectstatic's output.
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Uploads waiting for import, and each activity's original file and samples: the local file system under
# MEDIA_ROOT, or an S3-compatible bucket (AWS, MinIO, Ceph, Garage…) when RUNLOG_S3_BUCKET is set.
S3_BUCKET = os.environ.get("RUNLOG_S3_BUCKET", "")


def s3_storage(bucket: str, environ=os.environ) -> dict:
    """The default storage on an S3-compatible bucket (django-storages), private: files are read through
    Runlog's own views after the ownership check, never by a public or pre-signed URL."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("RUNLOG_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("RUNLOG_S3_REGION") or None,
            "access_key": environ.get("RUNLOG_S3_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("RUNLOG_S3_SECRET_ACCESS_KEY") or None,
            "location": environ.get("RUNLOG_S3_PREFIX", ""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }


STORAGES = {
    "default": s3_storage(S3_BUCKET) if S3_BUCKET else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email (Django 6.1 mailers): the console in development; SMTP with TLS and a timeout when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    _email_port = env_int("EMAIL_PORT", 587)
    _use_tls = env_bool("EMAIL_USE_TLS", default=_email_port == 587)
    _use_ssl = env_bool("EMAIL_USE_SSL", default=_email_port == 465)
    if _use_tls and _use_ssl:
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": _email_port,
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": _use_tls,
                "use_ssl": _use_ssl,
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {
        "default": {"BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}
    }
del EMAIL_HOST
# Seconds before the first retry of a transient SMTP failure; doubled for the next one.
DIGEST_RETRY_BACKOFF = 0.0 if TESTING else float(os.environ.get("DIGEST_RETRY_BACKOFF", "2"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Runlog <runlog@localhost>")


def content_security_policy(tile_origin: str = "") -> dict:
    """No inline script or style, htmx talks to this origin only; images from this origin, and from the map
    tile host when one is set (MAP_TILE_URL) and nowhere else."""
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.NONCE],
        "style-src": [CSP.SELF],
        "img-src": [CSP.SELF, "data:", *([tile_origin] if tile_origin else [])],
        "connect-src": [CSP.SELF],
        "worker-src": [CSP.SELF],  # the service worker at /sw.js
        "manifest-src": [CSP.SELF],
        "form-action": [CSP.SELF],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.NONE],
        "frame-ancestors": [CSP.NONE],
    }


SECURE_CSP = content_security_policy(MAP_TILE_ORIGIN)

# Sessions live in the database and are read through the cache (one query fewer per request).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    # SECURE_COOKIES=0 only for production mode over plain HTTP on 127.0.0.1 (make serve, make load).
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "runlog": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "injuries": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "django.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
