"""Recall of the diacritic rule: inject one-mark typos into real lines and count those found.

    .venv/bin/python -m baocao.checks.eval_typos [N] [SEED]

Each injection takes a word of two or more syllables of a real line (a word of the lists,
written in lower case), changes one of its syllables into another valid syllable with the same
bare letters, keeps the change only when the altered syllables no longer form a word, and runs
`diacritic_fixes` on the altered line. Caught means the altered syllable is flagged with the
original as suggestion, in either spelling ("kỳ"/"kì", "hoà"/"hòa" are both right).
"""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from baocao.checks.lexicon import key, lexicon, phrase_key
from baocao.checks.rules.language import SYLLABLE, diacritic_fixes
from baocao.text.normalize import fold


@dataclass(frozen=True)
class Injection:
    """One altered line: the line, where the typo sits, what was written and what it was."""

    line: str
    start: int
    typo: str
    original: str


@dataclass(frozen=True)
class Recall:
    """How many injections were flagged at warning level and at any level."""

    total: int
    warning: int
    any: int


def injections(lines: list[str], n: int, seed: int) -> list[Injection]:
    """Up to `n` one-mark typos, each in a different randomly chosen word of `lines`."""
    rng = random.Random(seed)
    sites = [(line, m) for line in lines for m in _words(line)]
    rng.shuffle(sites)
    out = []
    for line, (start, end) in sites:
        found = _inject(line, start, end, rng)
        if found:
            out.append(found)
        if len(out) == n:
            break
    return out


def _words(line: str) -> list[tuple[int, int]]:
    """[start, end) of every lower-case two- or three-syllable listed word of the line."""
    toks = list(SYLLABLE.finditer(line))
    words = lexicon().words
    spans = []
    for length in (2, 3):
        for i in range(len(toks) - length + 1):
            run = toks[i : i + length]
            if all(line[a.end() : b.start()] == " " for a, b in itertools.pairwise(run)):
                texts = [t.group(0) for t in run]
                if all(t.islower() for t in texts) and phrase_key(texts) in words:
                    spans.append((run[0].start(), run[-1].end()))
    return spans


def _inject(line: str, start: int, end: int, rng: random.Random) -> Injection | None:
    toks = list(SYLLABLE.finditer(line, start, end))
    tok = rng.choice(toks)
    written = tok.group(0)
    options = [v for v in lexicon().variants.get(fold(written), ()) if key(v) != key(written)]
    rng.shuffle(options)
    for v in options:
        altered = [v if t is tok else t.group(0) for t in toks]
        if phrase_key(altered) not in lexicon().words:
            new_line = line[: tok.start()] + v + line[tok.end() :]
            return Injection(new_line, tok.start(), v, written)
    return None


def measure(lines: list[str], n: int = 300, seed: int = 7) -> Recall:
    """Inject `n` typos into `lines` and count how many the rule finds with the right fix."""
    total = warning = caught = 0
    for inj in injections(lines, n, seed):
        total += 1
        for fix in diacritic_fixes(inj.line):
            if fix.start == inj.start and key(fix.suggestion) == key(inj.original):
                caught += 1
                warning += fix.common
    return Recall(total, warning, caught)


def report_lines() -> list[str]:
    """Body lines of the sample and the real reports of tests/data/reports."""
    from baocao.document.canonical import layout
    from baocao.document.readers.text import read_text

    root = Path(__file__).resolve().parents[3]
    paths = [root / "examples" / "huyen-uy-vu-ban-2023-02.txt"]
    paths += sorted((root / "tests" / "data" / "reports").glob("*.txt"))
    return [
        ln.text
        for p in paths
        for ln in layout(read_text(p))
        if ln.kind in ("paragraph", "heading", "footnote")
    ]


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    r = measure(report_lines(), *args)
    sys.stdout.write(
        f"injected {r.total}; caught {r.any} ({r.any / r.total:.1%}), "
        f"as warning {r.warning} ({r.warning / r.total:.1%})"
    )
