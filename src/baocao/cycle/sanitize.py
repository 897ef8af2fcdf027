"""Text typed or pasted into the editor, made safe and plain before it is stored.

The editor's format is Markdown-like text, not HTML: any markup pasted from Word or a web page
is stripped by nh3 (the Ammonia sanitiser), control characters dropped, Unicode put in NFC.
Templates escape it again on the way out.
"""

from __future__ import annotations

import html
import re

import nh3

from baocao.text.normalize import nfc

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[a-zA-Z/!]")
_IGNORE_MARKER = re.compile(r"<!--\s*baocao-ignore\s+[\w.,\s*-]+?\s*-->")


def clean_text(text: str, *, max_length: int = 500_000) -> str:
    """Plain text: no tags, no control characters, NFC, Unix line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")[:max_length]
    text = _CONTROL.sub("", text)
    if _TAG.search(text):
        # keep the checker's own markers, strip everything else that looks like markup
        markers: list[str] = []

        def keep(m: re.Match[str]) -> str:
            markers.append(m.group(0))
            return f"\ue000{len(markers) - 1}\ue001"

        text = _IGNORE_MARKER.sub(keep, text)
        text = html.unescape(nh3.clean(text, tags=set(), strip_comments=True))
        text = re.sub("\ue000(\\d+)\ue001", lambda m: markers[int(m.group(1))], text)
    return nfc(text)
