"""The header block read from lines: issuing body, parent body, number, place and date."""

from __future__ import annotations

import re

from baocao.document.model import Issuer, Style
from baocao.text.dates import parse_place_date

PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_SLOGAN = "Độc lập - Tự do - Hạnh phúc"
_MOTTOS = re.compile(
    r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H[ÒO]À?\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^Số\s*:?\s*\S.*$")
_PLACE_DATE = re.compile(r"[^,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_GENERIC_BODY = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def parse_issuer_lines(lines: list[str]) -> tuple[Issuer | None, Style | None]:
    """Issuer and style from the lines before the title (both columns, in any order)."""
    style: Style | None = None
    rest: list[str] = []
    issuer = Issuer()
    for raw in lines:
        line = " ".join(raw.split())
        if re.search(r"ĐẢNG\s+CỘNG\s+SẢN", line, re.IGNORECASE):
            style = "party"
        elif re.search(r"CỘNG\s+H[ÒO]", line, re.IGNORECASE):
            style = "state"
        line = _MOTTOS.sub(" ", line)
        m = _PLACE_DATE.search(line)
        if m:
            parsed = parse_place_date(m.group(0))
            if parsed:
                issuer.place, issuer.date = parsed
            line = line[: m.start()] + line[m.end() :]
        for part in re.split(r"\s{3,}|\t", line):
            part = part.strip(" *-_")
            if _NUMBER.match(part):
                issuer.number = part
            elif part and part.upper() == part and any(c.isalpha() for c in part):
                rest.append(part)
    _bodies(rest, issuer)
    if not (issuer.name or issuer.number or issuer.date):
        return None, style
    if style is None and issuer.number:
        style = "state" if issuer.number.startswith("Số:") else "party"
    return issuer, style


def _bodies(upper: list[str], issuer: Issuer) -> None:
    """Parent and issuing body: "ỦY BAN NHÂN DÂN" + "HUYỆN X" is one name on two lines."""
    if not upper:
        return
    if len(upper) >= 2 and upper[-2].replace("UỶ", "ỦY") in _GENERIC_BODY:
        issuer.name = f"{upper[-2]}\n{upper[-1]}"
        issuer.parent = "\n".join(upper[:-2])
    else:
        issuer.name = upper[-1]
        issuer.parent = "\n".join(upper[:-1])
