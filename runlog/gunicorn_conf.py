"""gunicorn settings: `gunicorn runlog.wsgi -c runlog/gunicorn_conf.py`; every value can be set from the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
# Two threads: a worker takes at most two requests at a time, so one that is busy computing leaves new
# connections to the other (with four, the load test's fragment p95 was higher in side-by-side runs).
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Workers are recycled now and then (a guard against slow leaks), rarely enough not to show under load:
# at 100 requests/s a worker lives about seven minutes. The app is loaded once in the master, so a
# recycled worker is a fork that serves at once rather than a fresh interpreter importing pandas.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
