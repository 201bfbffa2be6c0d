"""The PDF of an Article 7 report, in the report's language.

WeasyPrint lays out the HTML of `reporting/report_pdf.html` with its print stylesheet;
Pango and HarfBuzz shape Arabic and Chinese with the Noto fonts that
scripts/install-system-deps.sh installs (fontconfig finds them by family name: no font is
fetched). Nothing is fetched at all: the fetcher refuses every URL but data: ones, so no
answer can make the server request a network address or read a local file.
"""

from __future__ import annotations

import logging
import re

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from core.i18n import bcp47, text_direction

from .models import Article7Report
from .periods import DueStatus
from .reading import header_facts, period_label, report_sections

logger = logging.getLogger(__name__)

TEMPLATE = "reporting/report_pdf.html"

# The installed Noto family of each script first, the others after it so that a word in
# another script (an answer may quote one) still has glyphs rather than boxes.
LATIN = ["Noto Sans", "DejaVu Sans"]
ARABIC = ["Noto Naskh Arabic"]
CJK = ["Noto Sans CJK SC"]
FONT_STACKS = {"ar": ARABIC + LATIN + CJK, "zh-hans": CJK + LATIN + ARABIC}
DEFAULT_FONT_STACK = LATIN + ARABIC + CJK


class OfflineFetcher(URLFetcher):
    """WeasyPrint's fetcher, limited to data: URLs. A refused URL is logged: WeasyPrint
    then leaves the resource out and goes on."""

    def fetch(self, url: str, headers=None):
        if url.lower().startswith("data:"):
            return super().fetch(url, headers)
        logger.warning("The PDF of a report does not fetch %s", url)
        raise ValueError(f"Not fetched: {url}")


def css_string(text: str) -> str:
    """A quoted CSS string that says `text` and cannot close the string or the <style>
    element: every character but letters, digits and spaces as a hexadecimal escape."""
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in str(text)
    )
    return f'"{escaped}"'


def page_counter_css() -> SafeString:
    """CSS `content` for "Page X of Y" in the active language, the page counters in the
    places the translation gives them."""
    parts = re.split(r"(%\(number\)s|%\(total\)s)", _("Page %(number)s of %(total)s"))
    counters = {"%(number)s": "counter(page)", "%(total)s": "counter(pages)"}
    return mark_safe(  # noqa: S308 (every literal part goes through css_string)
        " ".join(counters.get(part) or css_string(part) for part in parts if part)
    )


def status_label(report: Article7Report) -> str:
    if report.live:
        return str(DueStatus.ACCEPTED.label)
    if report.pk and report.workflow_in_progress:
        return str(DueStatus.IN_REVIEW.label)
    return _("Draft")


def period_text(report: Article7Report) -> str:
    if report.period is None:
        return ""
    return " – ".join(formats.date_format(day) for day in report.period)


def pdf_context(report: Article7Report) -> dict:
    """What the template reads; call it with the report's language active."""
    language = report.language
    state_name = report.state.name_in(language)
    article7_report = capfirst(Article7Report._meta.verbose_name)
    title = f"{state_name} · {period_label(report)} · {article7_report}"
    status = status_label(report)
    footer = " · ".join(part for part in (state_name, period_text(report)) if part)
    return {
        "report": report,
        "html_lang": bcp47(language),
        "direction": text_direction(language),
        # Page margin boxes are placed physically: the reading start is on the right in RTL.
        "start_side": "right" if text_direction(language) == "rtl" else "left",
        "end_side": "left" if text_direction(language) == "rtl" else "right",
        "font_stack": mark_safe(  # noqa: S308 (fixed family names)
            ", ".join(f'"{family}"' for family in FONT_STACKS.get(language, DEFAULT_FONT_STACK))
        ),
        "state_name": state_name,
        "period_label": period_label(report),
        "article7_report": article7_report,
        "title": title,
        "status": status,
        "facts": header_facts(report),  # without the point of contact's personal details
        "sections": report_sections(report),
        "running_header": mark_safe(css_string(f"{title} · {status}")),  # noqa: S308
        "running_footer": mark_safe(css_string(footer)),  # noqa: S308
        "page_counter": page_counter_css(),
    }


def render_html(report: Article7Report) -> str:
    with override(report.language):
        return render_to_string(TEMPLATE, pdf_context(report))


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint, offline: no base URL (a relative URL resolves to nothing) and the
    fetcher above. The PDF's title and language come from <title> and <html lang>."""
    return HTML(string=html, base_url=None, url_fetcher=OfflineFetcher()).write_pdf()


def render_pdf(report: Article7Report) -> bytes:
    return html_to_pdf(render_html(report))
