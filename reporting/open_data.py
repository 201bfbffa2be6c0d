"""The public Article 7 reports as open data: a page that lists each table with its
columns, and each table as CSV and JSON across States and years
(/<lang>/article-7-reports/data/<table>.csv|.json). Public reports only, whoever asks:
reports for States Parties and the ISU only, drafts and reports in review are never in
these files (reporting/tables.py).

The files are streamed, so the page cache (which keeps whole responses) does not store
them. They carry an ETag instead, made of the page cache's generations of the listings
and of everything: accepting, withdrawing or amending a report bumps the listings
(publishing/receivers.py), a change to the registry bumps everything, and either changes
the ETag. A client that asks again with If-None-Match gets a 304 without a query; browsers
and proxies revalidate every time, as for the pages (core/page_cache.py).
"""

from __future__ import annotations

import hashlib

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition, require_safe

from core import page_cache
from core.public_url import public_url

from . import exports, tables


@require_safe
def data_index(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "reporting/open_data.html",
        {
            "tables": tables.TABLES,
            "report_columns": tables.REPORT_COLUMNS,
            # The columns a table adds to the report's: a slice.
            "own_columns": f"{len(tables.REPORT_COLUMNS)}:",
        },
    )


def _etag(request: HttpRequest, name: str, fmt: str) -> str | None:
    if tables.table(name) is None:
        return None
    listings, everything = page_cache.generations(page_cache.LISTINGS, page_cache.ALL)
    raw = "|".join([request.path, get_language() or "", listings, everything])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


@require_safe
@condition(etag_func=_etag)
def data_file(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    table = tables.table(name)
    if table is None:
        raise Http404
    rows = tables.rows(table, tables.reports(include_restricted=False))
    if request.method == "HEAD":
        rows = iter(())  # the headers only: no query for a body nobody reads
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_chunks(table, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        meta = {
            "source": public_url(request.path),
            "generated": timezone.now().isoformat(timespec="seconds"),
        }
        response = StreamingHttpResponse(
            exports.json_chunks(table, rows, meta), content_type="application/json"
        )
    response["Content-Disposition"] = f'attachment; filename="article-7-{name}.{fmt}"'
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
