"""Import speed: the sample .txt, and .docx against python-docx alone and pandoc, in one run.

.venv/bin/python bench/bench_import.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_ms, row

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"


def main() -> None:
    import docx

    from baocao.document.readers.docx import read_docx
    from baocao.document.readers.text import read_text
    from baocao.document.writers.docx import write_docx

    txt = median_ms(lambda: read_text(SAMPLE), runs=50)
    print(row("import sample .txt (bound 20 ms)", txt))

    tmp = Path(tempfile.mkdtemp())
    path = tmp / "sample.docx"
    write_docx(read_text(SAMPLE), path)

    def python_docx_walk() -> None:
        d = docx.Document(str(path))
        for p in d.paragraphs:
            _ = p.text
        for t in d.tables:
            for c in t._cells:
                _ = c.text

    base = median_ms(python_docx_walk)
    ours = median_ms(lambda: read_docx(path))
    print(row("python-docx open + walk paragraphs (peer)", base))
    print(row("baocao import .docx (bound 1.5× peer)", ours, base))
    if shutil.which("pandoc"):
        cmd = ["pandoc", "-t", "json", str(path), "-o", str(tmp / "p.json")]
        pandoc = median_ms(lambda: subprocess.run(cmd, check=True), runs=10, warmup=1)
        print(row("pandoc -t json (peer, must be slower)", pandoc, base))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
