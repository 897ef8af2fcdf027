"""The checker's per-body configuration file and the annual targets file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from baocao.document.errors import DocumentError


def _load_yaml(path: Path) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DocumentError(path, "không tìm thấy tệp", "file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DocumentError(path, f"YAML không hợp lệ: {exc}", f"invalid YAML: {exc}") from None


def load_check_config(
    config: Path | None, targets: Path | None
) -> tuple[list[str], dict[str, Any]]:
    """Rule ids to switch off and options for the rules, from the body's files.

    config.yaml:  `disable: [cap.org, lang.]` and optional `known_words: [...]` (names and words
    the body uses that are not typos). targets.yaml: `targets: {name: value, ...}` — annual
    targets by indicator name, for "đạt x% kế hoạch" checks.
    """
    disabled: list[str] = []
    options: dict[str, Any] = {}
    if config is not None:
        data = _load_yaml(config) or {}
        if not isinstance(data, dict):
            raise DocumentError(config, "cấu hình phải là bảng khóa: giá trị", "must be a mapping")
        disabled = [str(x) for x in data.get("disable", []) or []]
        if data.get("known_words"):
            options["known_words"] = {str(w) for w in data["known_words"]}
    if targets is not None:
        data = _load_yaml(targets) or {}
        table = data.get("targets") if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise DocumentError(targets, "thiếu bảng 'targets:'", "missing a 'targets:' mapping")
        options["targets"] = {str(k): float(v) for k, v in table.items()}
    return disabled, options
