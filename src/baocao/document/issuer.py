"""The header block read from lines: issuing body, parent body, number, place and date."""

from __future__ import annotations

import datetime as dt
import re

from baocao.document.model import Issuer, Style

PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_SLOGAN = "Độc lập - Tự do - Hạnh phúc"
_MOTTOS = re.compile(
    r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^Số\s*(:?)\s*(.*)$")
_CODE = re.compile(r"^[\d.…]*\s*/\s*\S+$|^\d+\S*$")
_PLACE_DATE = re.compile(
    r"(?P<place>[^,\n]{0,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_GENERIC_BODY = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def parse_issuer_lines(lines: list[str]) -> tuple[Issuer | None, Style | None]:
    """Issuer and style from the lines before the title (both columns, in any order).

    Copies of official documents break these lines anywhere ("CỘNG HÒA XÃ HỘI" /
    "CHỦ NGHĨA VIỆT NAM", "Quảng Nam, ngày" / "13 tháng 7 năm 2023", "Số:" / "/BC-UBND"), so
    the mottos and the place-and-date are found in the joined text first.
    """
    # Spacing is kept as written: "Số:  95/BC-MNBĐ" is the checker's business, not ours.
    text = "\n".join(ln.replace("|", " ").strip() for ln in lines)
    style: Style | None = None
    if re.search(r"ĐẢNG\s+CỘNG\s+SẢN", text, re.I):
        style = "party"
    elif re.search(r"CỘNG\s+H[ÒO]", text, re.I):
        style = "state"
    text = _MOTTOS.sub("\n", text)
    issuer = Issuer()
    m = _PLACE_DATE.search(text)
    if m:
        try:
            issuer.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            pass
        place = m["place"].strip(" *-_")
        issuer.place = place if any(c.isalpha() for c in place) else ""
        # as typed, but one line: copies break it anywhere ("Quảng Nam, ngày" / "13 tháng 7 …")
        issuer.date_line = re.sub(r" *\n *", " ", m.group(0)).strip(" *-_")
        text = text[: m.start()] + "\n" + text[m.end() :]
    rest = _number(text.split("\n"), issuer)
    _bodies(rest, issuer)
    if not (issuer.name or issuer.number or issuer.date):
        return None, style
    if style is None and issuer.number:
        style = "state" if issuer.number.startswith("Số:") else "party"
    return issuer, style


def _number(lines: list[str], issuer: Issuer) -> list[str]:
    """Take "Số …" (and its code when it stands on the next line) out; return the body lines."""
    rest: list[str] = []
    lines = [ln.strip(" *-_") for ln in lines]
    lines = [ln for ln in lines if ln]
    i = 0
    while i < len(lines):
        m = _NUMBER.match(lines[i])
        if m and not issuer.number:
            code, written = m.group(2).strip(), lines[i]
            if not code and i + 1 < len(lines) and _CODE.match(lines[i + 1]):
                code, i = lines[i + 1], i + 1
            if "……" not in code:  # "Số ……-BC/……" is a blank left to fill in, not a number
                number = written if m.group(2).strip() else f"{written} {code}"
                issuer.number = " ".join(number.split())  # no format keeps runs of spaces
        elif lines[i].upper() == lines[i] and any(c.isalpha() for c in lines[i]):
            rest.append(lines[i])
        i += 1
    return rest


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
