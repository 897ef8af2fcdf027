"""Checker evaluation: errors injected into real reports (recall) and false alarms on the clean
ones, per rule. Prints the tables of docs/checker-quality.md.

    .venv/bin/python bench/eval_checker.py

Relations come from the sample's stated totals and ratios and from the `arithmetic` entries of
tests/data/reports/*.yaml that add up as written. Each number of a relation is altered three
ways, one at a time: its last digit changed, two neighbouring digits swapped, its decimal mark
moved. An injection is caught when a new arith.* finding appears.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"
REPORTS = ROOT / "tests" / "data" / "reports"
SAMPLE_RELATIONS = [
    "8.900 ha",
    "7.950 ha",
    "950 ha",
    "650 ha",
    "300 ha",
    "Tổng số 35",
    "xử lý 34",
    "chưa xử lý 01",
    "khiển trách 21",
    "cảnh cáo 09",
    "88,8 tỷ",
    "16,7/715,9",
    "72,1 tỷ",
    "1,8/650",
    "14,9/65,9",
    "2,3%",
    "0,27%",
    "22,6%",
    "103,7 tỷ",
    "68 tỷ",
    "35,7 tỷ",
    "25 tỷ",
    "64,7 tỷ",
    "14 tỷ đồng",
    "136 hồ sơ",
    "41 hồ sơ",
    "27 hồ sơ",
    "11 đơn",
    "02 đơn",
    "09 đơn",
]


def _variants(number: str) -> dict[str, str]:
    out = {}
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    last = digits[-1]
    out["digit"] = number[:last] + str((int(number[last]) + 1) % 10) + number[last + 1 :]
    for a, b in itertools.pairwise(digits):
        if b == a + 1 and number[a] != number[b]:
            out["swap"] = number[:a] + number[b] + number[a] + number[b + 1 :]
            break
    if "," in number:
        i = number.index(",")
        if i + 2 <= len(number) - 1 or i + 1 < len(number) - 1:
            moved = number.replace(",", "")
            out["decimal"] = moved[: i + 1] + "," + moved[i + 1 :]
    elif len(number) >= 2 and "." not in number:
        out["decimal"] = number[:-1] + "," + number[-1]
    return out


def _arith(text: str, path: Path) -> Counter:
    from baocao.checks.run import check_document
    from baocao.document.readers.text import parse_text
    from baocao.document.structure import build_document

    doc = build_document(*parse_text(text, path))
    return Counter(
        (f.rule, f.severity, f.start) for f in check_document(doc) if f.rule.startswith("arith.")
    )


def _relations() -> list[tuple[Path, str]]:
    out = [(SAMPLE, r) for r in SAMPLE_RELATIONS]
    for case in sorted(REPORTS.glob("*.yaml")):
        data = yaml.safe_load(case.read_text(encoding="utf-8"))
        for rel in data.get("arithmetic") or []:
            if rel.get("consistent") and "whole" in rel:
                out += [(case.with_suffix(".txt"), t) for t in [rel["whole"], *rel["parts"]]]
    return out


def recall() -> None:
    caught: Counter = Counter()
    total: Counter = Counter()
    severity: Counter = Counter()
    clean_cache: dict[Path, Counter] = {}
    weak: list[str] = []  # caught only as information
    missed: list[str] = []
    for path, anchor in _relations():
        text = path.read_text(encoding="utf-8")
        # the anchor as a whole: "27" must not match inside "2027"
        found = re.search(r"(?<![\d.,/])" + re.escape(anchor) + r"(?![\d.,/]\d)", text)
        m = re.search(r"\d[\d.,/]*\d|\d", anchor)
        if not found or not m:
            continue
        at = found.start()
        clean = clean_cache.setdefault(path, _arith(text, path))
        number = m.group(0).split("/")[0]
        start = at + m.start()
        for kind, changed in _variants(number).items():
            altered = text[:start] + changed + text[start + len(number) :]
            new = _arith(altered, path) - clean
            total[kind] += 1
            if new:
                caught[kind] += 1
                level = next(s for s in ("error", "warning", "info") if any(n[1] == s for n in new))
                severity[level] += 1
                if level == "info":
                    weak.append(f"{path.stem[:3]} {anchor!r}: {number} → {changed} ({kind})")
            else:
                missed.append(f"{path.stem[:3]} {anchor!r}: {number} → {changed} ({kind})")
    print("| injection | caught / injected | recall |")
    print("|---|---|---|")
    for kind in sorted(total):
        print(f"| {kind} | {caught[kind]} / {total[kind]} | {caught[kind] / total[kind]:.0%} |")
    all_caught, all_total = sum(caught.values()), sum(total.values())
    print(f"| all | {all_caught} / {all_total} | {all_caught / all_total:.0%} |")
    print(f"\nstrongest new finding per caught injection: {dict(severity)}")
    print("caught only as info:", *weak, sep="\n  ")
    print("missed:", *missed, sep="\n  ")


def doubled_words(seed: int = 7, per_report: int = 25) -> None:
    """lang.doubled-word recall: one lower-case syllable of a body paragraph written twice.

    Syllables whose doubled form is itself a word ("dần dần", "thường thường") or one of the
    rule's reduplications ("người người", "ngày ngày") are not injected: doubling them is no typo.
    """
    from baocao.checks.lexicon import lexicon, phrase_key
    from baocao.checks.rules.language import _REDUPLICATION
    from baocao.checks.run import check_document
    from baocao.document.readers.text import read_text

    rng = random.Random(seed)
    words = lexicon().words
    caught = total = 0
    for path in [SAMPLE, *sorted(REPORTS.glob("*.txt"))]:
        doc = read_text(path)
        paragraphs = [*doc.preamble, *(p for s in doc.iter_sections() for p in s.paragraphs)]
        pool = [
            (p, m)
            for p in paragraphs
            for m in re.finditer(r"(?<![^\W\d_])[^\W\d_]+(?![^\W\d_])", p.text)
            if m.group(0).islower()
            and m.group(0) not in _REDUPLICATION
            and phrase_key([m.group(0)] * 2) not in words
        ]
        before = sum(f.rule == "lang.doubled-word" for f in check_document(doc))
        for p, m in rng.sample(pool, min(per_report, len(pool))):
            original = p.text
            p.text = f"{original[: m.end()]} {m.group(0)}{original[m.end() :]}"
            after = sum(f.rule == "lang.doubled-word" for f in check_document(doc))
            p.text = original
            total += 1
            caught += after > before
    print(f"\nlang.doubled-word: {caught} / {total} injected doubled syllables caught")


def false_alarms() -> None:
    from baocao.checks.run import check_document
    from baocao.document.canonical import canonical_text
    from baocao.document.readers.text import read_text

    counts: Counter = Counter()
    words = 0
    for path in [SAMPLE, *sorted(REPORTS.glob("*.txt"))]:
        doc = read_text(path)
        words += len(canonical_text(doc).split())
        counts.update((f.rule, f.severity) for f in check_document(doc))
    print(f"\n{words} words; findings on the clean reports (review each by eye):")
    for (rule, sev), n in sorted(counts.items()):
        print(f"  {rule:24} {sev:8} {n:3}  ({n * 1000 / words:.2f} per 1,000 words)")


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    recall()
    doubled_words()
    false_alarms()
