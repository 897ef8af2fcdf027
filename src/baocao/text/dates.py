"""Dates as Vietnamese documents write them."""

from __future__ import annotations

import datetime as dt
import re

_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})\s*$"
)


def format_place_date(place: str, iso_date: str) -> str:
    """'Vụ Bản', '2023-02-28' -> 'Vụ Bản, ngày 28 tháng 02 năm 2023'.

    Day < 10 and months 1-2 get a leading zero (Nghị định 30/2020, Phụ lục I). Missing parts are
    left as visible blanks ("…") rather than invented.
    """
    place = place or "……"
    if not iso_date:
        return f"{place}, ngày … tháng … năm …"
    d = dt.date.fromisoformat(iso_date)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def parse_place_date(line: str) -> tuple[str, str] | None:
    """'Vụ Bản, ngày 28 tháng 02 năm 2023' -> ('Vụ Bản', '2023-02-28'); None if not such a line."""
    m = _PLACE_DATE.match(line.strip())
    if not m:
        return None
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return m["place"].strip(), d.isoformat()
