"""Render speed: .docx in the official layout against python-docx unstyled and pandoc, one run.

.venv/bin/python bench/bench_render.py
"""

from __future__ import annotations

import io
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

    from baocao.document.canonical import canonical_text
    from baocao.document.readers.text import read_text
    from baocao.document.writers.docx import render_docx_bytes
    from baocao.document.writers.md import render_md

    doc = read_text(SAMPLE)
    lines = canonical_text(doc).split("\n")

    def python_docx_plain() -> None:
        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(io.BytesIO())

    base = median_ms(python_docx_plain)
    ours = median_ms(lambda: render_docx_bytes(doc))
    print(row("python-docx, same paragraphs, no styling (peer)", base))
    print(row("baocao render .docx, official layout (bound 2×)", ours, base))
    if shutil.which("pandoc"):
        tmp = Path(tempfile.mkdtemp())
        md = tmp / "in.md"
        md.write_text(render_md(doc), encoding="utf-8")
        cmd = ["pandoc", str(md), "-o", str(tmp / "out.docx")]
        pandoc = median_ms(lambda: subprocess.run(cmd, check=True), runs=10, warmup=1)
        print(row("pandoc .md -> .docx (peer, must be slower)", pandoc, base))
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
