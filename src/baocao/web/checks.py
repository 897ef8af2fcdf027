"""System checks with stable ids: what `baocao serve` needs from the machine."""

from __future__ import annotations

import shutil
import subprocess

from django.core.checks import Warning, register


@register()
def libreoffice_present(app_configs, **kwargs) -> list:
    if shutil.which("soffice") or shutil.which("libreoffice"):
        return []
    return [
        Warning(
            "LibreOffice (soffice) not found: reports can be issued as .docx only, not .pdf.",
            hint="apt-get install --no-install-recommends libreoffice-writer-nogui",
            id="baocao.W001",
        )
    ]


@register()
def liberation_fonts_present(app_configs, **kwargs) -> list:
    try:
        out = subprocess.run(["fc-list"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    if "Liberation Serif" in out:
        return []
    return [
        Warning(
            "Liberation Serif not found: PDF pages will not match Times New Roman metrics.",
            hint="apt-get install fonts-liberation2",
            id="baocao.W002",
        )
    ]
