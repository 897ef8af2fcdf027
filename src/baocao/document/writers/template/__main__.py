"""`python -m baocao.document.writers.template` rewrites the shipped base.docx."""

from __future__ import annotations

from baocao.document.writers.template import regenerate

regenerate()
