"""gunicorn configuration for production (make serve, make bench)."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Threads let one worker overlap database and cache round trips; processes use the cores.
# Two threads a worker: more made the slowest requests slower on 2 cores (GIL contention),
# measured with make bench.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak cannot grow for ever (not too often:
# a cached page is served over a thousand times a second).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# Load the application before forking: faster start, shared memory.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """A new worker, also one replacing a recycled worker, serves a few pages to itself
    before taking visitors: URL resolver, templates, message catalogs and database
    connection are ready, so no visitor's request pays the first-use cost (~200 ms)."""
    import io

    from django.conf import settings

    host = next(
        (h for h in settings.ALLOWED_HOSTS if h not in ("*",) and not h.startswith(".")),
        "localhost",
    )
    for path in ["/healthz"] + [f"/{code}/" for code, _name in settings.LANGUAGES]:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": host,
            "SERVER_PORT": "443",
            "HTTP_HOST": host,
            # A session cookie bypasses the page cache: the page is really rendered.
            "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}=warm-up",
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.url_scheme": "https",
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        try:
            response = worker.wsgi(environ, lambda status, headers, exc_info=None: None)
            for _chunk in response:
                pass
            if hasattr(response, "close"):
                response.close()
        except Exception as error:  # noqa: BLE001 - a warm-up must never stop a worker
            worker.log.warning("Warm-up request %s failed: %s", path, error)
