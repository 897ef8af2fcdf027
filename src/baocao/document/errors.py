"""The one error a reader or writer raises for bad input; the CLI turns it into exit code 2."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """Input that cannot be read or written, with a message fit for the user (Vietnamese first).

    `message_en` carries the English wording for `--lang en`.
    """

    def __init__(self, path: str | Path | None, message: str, message_en: str = "") -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        self.message_en = message_en or message
        super().__init__(self.format())

    def format(self, lang: str = "vi") -> str:
        msg = self.message_en if lang == "en" else self.message
        return f"{self.path}: {msg}" if self.path else msg
