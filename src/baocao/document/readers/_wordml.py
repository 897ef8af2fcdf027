"""Reading WordprocessingML parts: styles (bold/italic/alignment inheritance) and numbering.

python-docx leaves `None` for inherited formatting and has no API for the rendered label of an
auto-numbered paragraph; both are resolved here, with caches, straight from the XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def on(el: etree._Element | None) -> bool | None:
    """The tri-state value of a toggle property (<w:b/>, <w:b w:val="0"/>), None if absent."""
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


@dataclass
class Styles:
    """Bold, italic, alignment, numbering and font of each style, through `w:basedOn` chains."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)
    defaults: dict[str, bool | None] = field(default_factory=dict)
    _cache: dict[tuple[str, str], object] = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes | None) -> Styles:
        styles = cls()
        if not xml:
            return styles
        root = etree.fromstring(xml)
        for s in root.iterfind(W + "style"):
            styles.by_id[s.get(W + "styleId", "")] = s
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr is not None:
            styles.defaults = {"b": on(rpr.find(W + "b")), "i": on(rpr.find(W + "i"))}
        return styles

    def run_prop(self, style_id: str | None, prop: str) -> bool | None:
        """b or i of a style, inherited through basedOn."""
        return self._resolve(style_id, prop, lambda s: on(s.find(f"{W}rPr/{W}{prop}")))

    def para_prop(self, style_id: str | None, prop: str) -> object:
        """jc value or numPr element of a paragraph style, inherited through basedOn."""

        def find(s: etree._Element) -> object:
            el = s.find(f"{W}pPr/{W}{prop}")
            if el is None:
                return None
            return el.get(W + "val") if prop == "jc" else el

        return self._resolve(style_id, prop, find)

    def font(self, style_id: str | None) -> str | None:
        def find(s: etree._Element) -> str | None:
            fonts = s.find(f"{W}rPr/{W}rFonts")
            return fonts.get(W + "ascii") if fonts is not None else None

        return self._resolve(style_id, "font", find)  # type: ignore[return-value]

    def _resolve(self, style_id: str | None, key: str, get) -> object:
        if not style_id:
            return None
        ck = (style_id, key)
        if ck in self._cache:
            return self._cache[ck]
        seen: set[str] = set()
        value = None
        sid: str | None = style_id
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            s = self.by_id[sid]
            value = get(s)
            if value is not None:
                break
            based = s.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        self._cache[ck] = value
        return value


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_BULLETS = {
    "-",
    "–",
    "—",
    "•",
    "·",
    "\uf0a7",
    "\uf0b7",
    "\uf0d8",
    "o",
    "+",
    "*",
    "●",
    "◦",
    "▪",
    "■",
    "❖",
    "➢",
}


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26]
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


@dataclass
class Numbering:
    """Counters of auto-numbered paragraphs, giving the label Word would print."""

    levels: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # per abstract list
    abstract_of: dict[str, str] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # startOverride
    _started: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def parse(cls, xml: bytes | None) -> Numbering:
        numbering = cls()
        if not xml:
            return numbering
        root = etree.fromstring(xml)
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.iterfind(W + "abstractNum"):
            lvls = {}
            for lvl in a.iterfind(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                start = lvl.find(W + "start")
                lvls[int(lvl.get(W + "ilvl", "0"))] = (
                    fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(W + "val", "") if text is not None else "",
                    int(start.get(W + "val", "1")) if start is not None else 1,
                )
            abstract[a.get(W + "abstractNumId", "")] = lvls
        for num in root.iterfind(W + "num"):
            ref = num.find(W + "abstractNumId")
            aid = ref.get(W + "val", "") if ref is not None else ""
            num_id = num.get(W + "numId", "")
            numbering.abstract_of[num_id] = aid
            for ilvl, spec in abstract.get(aid, {}).items():
                numbering.levels[(num_id, ilvl)] = spec
            for over in num.iterfind(W + "lvlOverride"):
                start = over.find(W + "startOverride")
                if start is not None:
                    key = (num_id, int(over.get(W + "ilvl", "0")))
                    numbering.overrides[key] = int(start.get(W + "val", "1"))
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label for a paragraph of list `num_id` at level `ilvl` ("I.", "1.", "- ")."""
        spec = self.levels.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return ""
        fmt, text, start = spec
        if fmt in ("bullet", "none") or text in _BULLETS:
            return "-" if fmt == "bullet" or text in _BULLETS else ""
        # Word counts per abstract list: two w:num of one list continue each other unless a
        # startOverride restarts it (LibreOffice writes a w:num per paragraph).
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        if (num_id, ilvl) in self.overrides and (num_id, ilvl) not in self._started:
            counters[ilvl] = self.overrides[(num_id, ilvl)] - 1
        self._started.add((num_id, ilvl))
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        label = text
        for level in range(ilvl + 1):
            lfmt = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            value = counters.get(level, self.levels.get((num_id, level), ("", "", 1))[2])
            label = label.replace(f"%{level + 1}", _format(value, lfmt))
        return label
