"""Importing this package registers every rule (one module per area)."""

from baocao.checks.rules import arithmetic, consistency, form, language, style

__all__ = ["arithmetic", "consistency", "form", "language", "style"]
