"""Text with its emphasis spans and footnote anchors, cut and joined without losing offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.document.model import Emphasis


@dataclass
class Marked:
    """A piece of text that carries emphasis spans and footnote anchors along with it."""

    text: str
    emphasis: list[Emphasis] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)

    def cut(self, start: int, end: int | None = None) -> Marked:
        """The slice [start:end]; spans are clipped, anchors outside are kept at the edges."""
        end = len(self.text) if end is None else end
        spans = [
            Emphasis(max(e.start, start) - start, min(e.end, end) - start, e.kind)
            for e in self.emphasis
            if min(e.end, end) > max(e.start, start)
        ]
        anchors = [min(max(a, start), end) - start for a in self.anchors]
        return Marked(self.text[start:end], spans, list(self.footnotes), anchors)

    def strip(self) -> Marked:
        """Leading and trailing whitespace removed; spans trimmed to non-space characters."""
        text = self.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        out = self.cut(start, max(start, end))
        out.emphasis = trim_spans(out.text, out.emphasis)
        return out

    def collapse_spaces(self) -> Marked:
        """Runs of spaces become one space (PDF and HTML keep no runs; text copies have them)."""
        if "  " not in self.text:
            return self
        index = [0] * (len(self.text) + 1)
        out: list[str] = []
        for i, c in enumerate(self.text):
            index[i] = len(out)
            if not (c == " " and out and out[-1] == " "):
                out.append(c)
        index[len(self.text)] = len(out)
        spans = [Emphasis(index[e.start], index[e.end], e.kind) for e in self.emphasis]
        return Marked(
            "".join(out),
            [e for e in spans if e.end > e.start],
            list(self.footnotes),
            [index[a] for a in self.anchors],
        )

    def join(self, other: Marked, sep: str = " ") -> Marked:
        """This text, `sep`, then `other`, with the other's spans and anchors shifted."""
        shift = len(self.text) + len(sep)
        return Marked(
            self.text + sep + other.text,
            merge_spans(
                self.emphasis
                + [Emphasis(e.start + shift, e.end + shift, e.kind) for e in other.emphasis]
            ),
            self.footnotes + other.footnotes,
            self.anchors + [a + shift for a in other.anchors],
        )


def trim_spans(text: str, spans: list[Emphasis]) -> list[Emphasis]:
    """Spans shrunk to exclude surrounding whitespace; spans over whitespace only dropped."""
    out = []
    for e in spans:
        s, t = e.start, e.end
        while s < t and text[s].isspace():
            s += 1
        while t > s and text[t - 1].isspace():
            t -= 1
        if t > s:
            out.append(Emphasis(s, t, e.kind))
    return out


def merge_spans(spans: list[Emphasis]) -> list[Emphasis]:
    """Spans sorted, with touching or overlapping spans of the same kind merged into one."""
    out: list[Emphasis] = []
    for e in sorted(spans, key=lambda e: (e.kind, e.start, e.end)):
        last = out[-1] if out else None
        if last and last.kind == e.kind and e.start <= last.end + 1 and e.start >= last.start:
            # A single space between two bold runs ("**a** **b**") reads as one bold phrase.
            out[-1] = Emphasis(last.start, max(last.end, e.end), e.kind)
        else:
            out.append(e)
    return sorted(out, key=lambda e: (e.start, e.end, e.kind))
