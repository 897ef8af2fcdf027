"""language rules (see baocao.checks.registry)."""

from __future__ import annotations
