#!/usr/bin/env python3
"""Page weight of the public pages as a browser fetches them, from a running server.

Loads each page in Debian's chromium (through Playwright, as the browser tests do) with
compression accepted, records every request the page makes, and prints for each page the
bytes on the wire by kind (HTML, CSS, JS, images, other), the requests to other hosts
(third-party; the budget is none) and the scripts that block rendering (a <script src> in
<head> without defer, async or type=module; the budget is none).

Budget (issue 4): a full country page ≤ 60 KB on the wire for HTML + CSS + JS, compressed.

Usage: `python scripts/page_weight.py [BASE_URL]`, default http://127.0.0.1:8000 (`make run`).
`make bench` runs it against the production stack and records the figures.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
BUDGET_KB = 60
PAGES = [
    ("Home", "/en/"),
    ("States Parties index", "/en/states-parties/"),
    ("Full country page (Sudan), English", "/en/states-parties/sudan/"),
    ("Full country page (Sudan), Arabic", "/ar/states-parties/sudan/"),
    ("Needs and assistance explorer", "/en/needs-and-assistance/"),
]
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "image": "img"}
BLOCKING_SCRIPTS_JS = """() => [...document.head.querySelectorAll('script[src]')]
    .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)"""


def measure(base: str, pages: list[tuple[str, str]] = PAGES) -> list[dict]:
    from playwright.sync_api import sync_playwright

    host = urlsplit(base).netloc
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for label, path in pages:
            # A fresh context per page: an empty cache, as for a first visit.
            context = browser.new_context()
            page = context.new_page()
            requests: list = []
            page.on("requestfinished", lambda request, seen=requests: seen.append(request))
            response = page.goto(base + path, wait_until="load")
            if response is None or response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status if response else '?'}")
            blocking = page.evaluate(BLOCKING_SCRIPTS_JS)
            by_kind: dict[str, int] = defaultdict(int)
            third_party = []
            for request in requests:
                if urlsplit(request.url).netloc != host and not request.url.startswith("data:"):
                    third_party.append(request.url)
                # responseBodySize is the encoded (compressed) size as transferred.
                size = request.sizes()["responseBodySize"]
                by_kind[KINDS.get(request.resource_type, "other")] += size
            encodings = {
                request.url: (request.response().headers.get("content-encoding") or "none")
                for request in requests
                if request.resource_type in ("document", "stylesheet", "script")
            }
            context.close()
            results.append(
                {
                    "label": label,
                    "path": path,
                    "bytes": dict(by_kind),
                    "critical": by_kind["html"] + by_kind["css"] + by_kind["js"],
                    "requests": len(requests),
                    "third_party": third_party,
                    "blocking_scripts": blocking,
                    "encodings": encodings,
                }
            )
        browser.close()
    return results


def report(results: list[dict]) -> str:
    lines = [
        "| Page | HTML | CSS | JS | Images | HTML+CSS+JS | Requests | Third-party "
        "| Blocking scripts |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def kb(n: int) -> str:
        return f"{n / 1024:.1f} KB"

    for r in results:
        b = r["bytes"]
        lines.append(
            f"| {r['label']} | {kb(b.get('html', 0))} | {kb(b.get('css', 0))} | "
            f"{kb(b.get('js', 0))} | {kb(b.get('img', 0))} | {kb(r['critical'])} | "
            f"{r['requests']} | {len(r['third_party'])} | {len(r['blocking_scripts'])} |"
        )
    encodings = sorted({f"{v}" for r in results for v in r["encodings"].values()})
    lines.append("")
    lines.append(f"Content-Encoding seen on HTML, CSS and JS: {', '.join(encodings)}.")
    return "\n".join(lines)


def within_budget(results: list[dict]) -> bool:
    country = [r for r in results if "country page" in r["label"]]
    return all(r["critical"] <= BUDGET_KB * 1024 for r in country) and not any(
        r["third_party"] or r["blocking_scripts"] for r in results
    )


def main() -> int:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    results = measure(base)
    print(report(results))
    for r in results:
        for url in r["third_party"]:
            print(f"third-party request on {r['path']}: {url}")
        for url in r["blocking_scripts"]:
            print(f"render-blocking script on {r['path']}: {url}")
    ok = within_budget(results)
    print(
        f"\nBudget: full country page ≤ {BUDGET_KB} KB HTML+CSS+JS compressed, "
        f"no third-party request, no render-blocking script: {'met' if ok else 'MISSED'}."
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
