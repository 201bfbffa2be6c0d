"""Checks on uploaded documents beyond the extension: the content must be the kind of file
the name claims (a ".pdf" that is really HTML could run script when opened in a browser).
Size limits and allowed extensions are in settings (WAGTAILDOCS_*, WAGTAILIMAGES_*);
images are checked by Wagtail's decoder, and SVG is not an allowed image format."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

PDF = (b"%PDF-",)
ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are zip archives
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # legacy Office files
SIGNATURES = {
    "pdf": PDF,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
}


def check_document_content(uploaded) -> None:
    extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
    expected = SIGNATURES.get(extension)
    if expected is None:
        return  # the extension validator reports unknown types
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(position)
    if not head.startswith(expected):
        raise ValidationError(
            _("This file is not a real %(type)s file. Upload the original document."),
            params={"type": extension.upper()},
            code="content_mismatch",
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_document_content(uploaded)
        return uploaded
