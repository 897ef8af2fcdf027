"""Instructions the checker spends on the sample, against another revision, in the same run.

    .venv/bin/python bench/cost_check.py [REVISION]      (default: 555b510, before issue 3's
                                                          second slice)
    .venv/bin/python bench/cost_check.py --rules         this tree, rule by rule

Wall-clock times on this machine swing by a factor of two from hour to hour (the same code
measured 44 ms one day and 100 ms another), so a change's effect is measured here in machine
instructions, which valgrind's callgrind counts exactly, whatever else the machine does. Each
tree runs the same script twice under callgrind, once checking the sample 0 times and once 3
times after a first warm-up check; the difference over 3 is the cost of one check of a report
read for the first time (the per-text caches are cleared before each).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
VALGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
SCRIPT = """
import sys
from pathlib import Path
import baocao.checks.quantities as q
from baocao.checks.run import check_document
from baocao.document.readers.text import read_text
doc = read_text(Path(sys.argv[2]))
check_document(doc)
only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
for _ in range(int(sys.argv[1])):
    if hasattr(q, "clear_cache"):
        q.clear_cache()
    if only is None:
        check_document(doc)
    else:
        from baocao.checks.registry import RULES, Context
        ctx = Context(doc, {})
        ctx.lines
        for rule_id in only:
            list(RULES[rule_id].fn(ctx))
"""


def instructions(src: Path, runs: int, script: Path, *rules: str) -> int:
    sample = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"
    out = subprocess.run(
        [*VALGRIND, str(PYTHON), str(script), str(runs), str(sample), *rules],
        env={**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def per_check(src: Path, script: Path, *rules: str) -> float:
    return (instructions(src, 3, script, *rules) - instructions(src, 0, script, *rules)) / 3


def by_rule(script: Path) -> None:
    """The costliest rules of the sample, each alone (the layout of lines included, and for the
    first two the syllable cut they share in a full check)."""
    for rule_id in ("lang.diacritic", "lang.doubled-word", "arith.breakdown", "cap.org"):
        print(f"{rule_id:<18} {per_check(ROOT / 'src', script, rule_id) / 1e6:7.1f} M instructions")


def main() -> None:
    revision = sys.argv[1] if len(sys.argv) > 1 else "555b510"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "check_sample.py"
        script.write_text(SCRIPT, encoding="utf-8")
        if revision == "--rules":
            by_rule(script)
            return
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), revision],
            check=True,
        )
        try:
            then = per_check(other / "src", script)
            now = per_check(ROOT / "src", script)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)])
    print(f"one check of the sample, {revision}: {then / 1e6:7.1f} M instructions")
    print(f"one check of the sample, this tree: {now / 1e6:7.1f} M instructions")
    print(f"this tree against {revision}: {now / then:.2f}×")


if __name__ == "__main__":
    main()
