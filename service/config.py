"""Default settings; environment variables prefixed WTWFORMS_ override them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Config:
    """Settings for running the service; tests and deployments override single keys."""

    API_TITLE = "wtwforms"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/docs"
    # Served from the swagger-ui-bundle package: the docs page loads nothing from the internet.
    OPENAPI_SWAGGER_UI_URL = "/api/v1/docs/assets/"
    API_SPEC_OPTIONS: ClassVar[dict[str, Any]] = {
        "info": {
            "description": "Welfare-to-Work forms filled from validated case data.",
        }
    }
    DATA_DIR = str(PROJECT_ROOT / "data")
    # None: SQLite under DATA_DIR. DATABASE_URL in the environment names another database.
    DATABASE_URL: str | None = None
    AUTO_MIGRATE = True
    # Where AOR originals and generated documents are kept (service/storage): "local", a
    # folder under DATA_DIR; or "database", rows of the database every machine reaches.
    STORAGE_BACKEND = "local"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    AOR_MAX_BYTES = 10 * 1024 * 1024
    AOR_MAX_PAGES = 20
    # A reader is refused at AOR_READ_CPU_SECONDS of processor time (the limit that tells a
    # file built to stall apart); AOR_READ_SECONDS of wall-clock time is only a backstop,
    # long enough that a reader waiting for a core on a busy machine is not taken for one.
    AOR_READ_CPU_SECONDS = 20
    AOR_READ_SECONDS = 120.0
    AOR_READ_MEMORY_MB = 1024
    # Readers at once in each server process (service/aor/gate.py: a server of several
    # processes has a gate in each), uploads that may wait for one (AOR_READ_WAIT seconds at
    # most), and beyond that 503 "busy" at once. Waiting uploads hold a server thread:
    # `make run` has 8, so the defaults (at most 4 readers, 2 waiting) leave room for the
    # health check and pages; raise waitress's --threads with them.
    AOR_READERS = min(os.cpu_count() or 1, 4)
    AOR_READ_QUEUE = 2
    AOR_READ_WAIT = 30.0
    # Each reader is a warm process that reads file after file; it is replaced after this
    # many, and after any failure. The first request a server process answers starts them.
    AOR_READER_MAX_FILES = 200
    AOR_READERS_WARM_START = True
    # Scans (image-only PDFs) are read by OCR in the background, on this many threads of
    # each server process, each in a reader with these limits (several seconds a page). A
    # value OCR read with a confidence (0 to 100) under AOR_OCR_THRESHOLD is marked for review.
    AOR_OCR_THREADS = 1
    AOR_OCR_CPU_SECONDS = 120
    AOR_OCR_SECONDS = 600.0
    AOR_OCR_THRESHOLD = 80.0
    # Uploads per account (API and upload page together, one per file); then 429.
    AOR_UPLOAD_RATE = "60 per minute"
    # The upload page reads several AORs from one form post: how many, and their total size.
    AOR_UPLOAD_MAX_FILES = 10
    AOR_UPLOAD_MAX_TOTAL = 32 * 1024 * 1024
    JSON_MAX_ITEMS = 500

    # Browser sessions: a signed cookie sent over HTTPS only, out of reach of scripts.
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Idle limit: the cookie's lifetime, renewed by every request.
    PERMANENT_SESSION_LIFETIME = dt.timedelta(minutes=30)
    SESSION_REFRESH_EACH_REQUEST = True
    # Absolute limit: a session ends this long after sign-in, however busy it is.
    SESSION_MAX_AGE = dt.timedelta(hours=8)
    # The pages warn this long before the idle limit, with a "Stay signed in" button.
    SESSION_WARN_BEFORE = dt.timedelta(minutes=5)
    # A fill page saves what is typed as a draft this many seconds after a change.
    DRAFT_AUTOSAVE_SECONDS = 20

    # CSRF (Flask-WTF): checked only for cookie-authenticated calls, by service.api.auth.
    WTF_CSRF_CHECK_DEFAULT = False
    # The token lives as long as the session, which has its own limits.
    WTF_CSRF_TIME_LIMIT = None
    # The strict check wants a Referer, which Referrer-Policy: no-referrer withholds.
    WTF_CSRF_SSL_STRICT = False

    # Rate limits (Flask-Limiter). One process keeps counts in memory; several worker
    # processes need a shared store, e.g. WTWFORMS_RATELIMIT_STORAGE_URI=redis://host:6379.
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    # Off: with them on, Flask-Limiter stamps its window's Retry-After on every answer of a
    # limited URL, over a 503's own; a 429 gets its Retry-After from service/api/errors.py.
    RATELIMIT_HEADERS_ENABLED = False
    # Failed sign-ins per client address (successful ones do not count), for the JSON call
    # and the page together; an office of 100 behind one address signs in freely.
    SIGN_IN_RATE_LIMIT = "20 per minute;200 per hour"
    # Proxies in front of the service that set X-Forwarded-For/-Proto/-Host (Werkzeug's
    # ProxyFix). 0: the client address is the connection's. Set it to the exact number of
    # proxies, or a client can forge the address that rate limits and the audit trail see.
    TRUSTED_PROXIES = 0
    # While no account exists, start-up prints a one-time link to create the first admin,
    # at this address (`make run` sets it from HOST and PORT); commands print none.
    FIRST_RUN_LINK = True
    LOCAL_URL = "http://127.0.0.1:8000"

    # PDF output (service/office): warm LibreOffice workers, one per core by default.
    PDF_SOFFICE = "soffice"
    # The Python that has LibreOffice's UNO bridge (Debian: python3-uno).
    PDF_PYTHON = "/usr/bin/python3"
    PDF_WORKERS = os.cpu_count() or 1
    # Requests that may wait for a worker; beyond that, 503 with Retry-After.
    PDF_QUEUE = 16
    PDF_WAIT = 30.0
    PDF_TIMEOUT = 20.0
    PDF_START_TIMEOUT = 60.0
    # A LibreOffice is replaced after this many documents: long-lived ones grow.
    PDF_MAX_CONVERSIONS = 200
    # Start the workers with the app, so the first PDF does not wait for LibreOffice.
    PDF_WARM_START = True
    # A print run is converted in parts of at most this many slips, in parallel: LibreOffice's
    # DOCX import slows down per page as a document grows (bench/pdf.py).
    PDF_BATCH_PART = 15
    PDF_BATCH_MAX = 500
    # Each LibreOffice's address space (it maps about 0.8 GB) and processor time for one
    # document, in web processes and workers alike (service/office/limits.py).
    PDF_MEMORY_MB = 2048
    PDF_CPU_SECONDS = 60

    # Jobs (service/jobs): print runs of more than PRINT_JOB_THRESHOLD slips, and scans, run
    # as jobs followed at /api/v1/jobs/<id>. BROKER_URL (WTWFORMS_BROKER_URL, e.g.
    # amqp://guest:guest@127.0.0.1:5672//) sends them to `wtwforms worker` processes on
    # Celery; without it they run on JOB_THREADS threads of the server process.
    BROKER_URL: str | None = None
    # Put before the queue names ("pdf", "aor"): services sharing one broker keep apart.
    JOB_QUEUE_PREFIX = ""
    JOB_THREADS = 2
    PRINT_JOB_THRESHOLD = 20
    # Finished jobs, and their results, are deleted this long after they end.
    JOB_RETENTION_HOURS = 72
    # With a broker, a web process runs no LibreOffice and no AOR reader: a PDF or a text
    # AOR's reading is a job on a worker that the request waits for (service/jobs/remote.py)
    # this long, refused (503) when this many of its kind already wait. `wtwforms worker`
    # sets JOB_WORKER: it does that work itself.
    PDF_REMOTE_TIMEOUT = 60.0
    PDF_REMOTE_QUEUE = 32
    AOR_REMOTE_TIMEOUT = 60.0
    AOR_REMOTE_QUEUE = 16
    JOB_WORKER = False
