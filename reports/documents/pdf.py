"""The report as PDF, converted from its DOCX by LibreOffice headless."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

PDF_TYPE = "application/pdf"


class ConversionError(RuntimeError):
    """LibreOffice could not produce the PDF; the message is for the user."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: int = 120) -> bytes:
    """Convert with LibreOffice headless, each run in its own profile directory
    (parallel conversions sharing one profile silently produce nothing)."""
    program = soffice()
    if program is None:
        raise ConversionError(
            _(
                "Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF; "
                "hãy tải bản DOCX."
            )
        )
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        try:
            completed = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": work},
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(
                _("Chuyển sang PDF quá thời gian cho phép; hãy thử lại sau.")
            ) from exc
        target = folder / "bao-cao.pdf"
        if completed.returncode != 0 or not target.exists():
            raise ConversionError(_("LibreOffice không chuyển được báo cáo sang PDF."))
        return target.read_bytes()
