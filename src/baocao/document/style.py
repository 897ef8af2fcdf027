"""Which layout a document takes: Party (36-HD/VPTW) or State (NĐ 30/2020)."""

from __future__ import annotations

import re

from baocao.document.model import Document, Style

# Type name -> its abbreviation in the number and symbol (NĐ 30 Phụ lục III; 36-HD/VPTW):
# the writer's blank "Số ……-BC/……" and the checker's form.number both read it.
TYPE_CODES = {
    "BÁO CÁO": "BC",
    "KẾ HOẠCH": "KH",
    "TỜ TRÌNH": "TTr",
    "THÔNG BÁO": "TB",
    "CHƯƠNG TRÌNH": "CTr",
    "HƯỚNG DẪN": "HD",
    "ĐỀ ÁN": "ĐA",
    "PHƯƠNG ÁN": "PA",
    "BIÊN BẢN": "BB",
    "NGHỊ QUYẾT": "NQ",
    "CHỈ THỊ": "CT",
}

_STATE_SIGN = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.)")


def infer_style(doc: Document, explicit: str | None = None) -> Style:
    """The explicit choice, else the document's own, else what its number or signature says.

    "T/M BAN THƯỜNG VỤ" or "Số 45-BC/HU" mean a Party body; "TM. ỦY BAN NHÂN DÂN" or
    "Số: 45/BC-UBND" a State body. With nothing to go on: Party, the commoner periodic report.
    """
    if explicit in ("party", "state"):
        return explicit  # type: ignore[return-value]
    if doc.style in ("party", "state"):
        return doc.style
    number = doc.issuer.number if doc.issuer else ""
    if re.match(r"^Số\s+\d+-", number):
        return "party"
    if number.startswith("Số:") or re.match(r"^Số\s*\d+/", number):
        return "state"
    authority = doc.signature.authority if doc.signature else ""
    if _STATE_SIGN.match(authority):
        return "state"
    return "party"
