"""Importing this package registers every rule (one module per area)."""

from baocao.checks.rules import arithmetic, consistency, data, form, language, style

__all__ = ["arithmetic", "consistency", "data", "form", "language", "style"]
