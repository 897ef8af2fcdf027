"""The `baocao` command: import and render report files, with no database.

Every bad input ends in one line on stderr naming the file and the problem, and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from baocao.document.errors import DocumentError
from baocao.document.model import Document, Issuer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="baocao: nhập, kiểm tra và trình bày báo cáo định kỳ theo thể thức chính thức.",
)


class ImportFormat(StrEnum):
    json = "json"
    text = "text"
    md = "md"


class StyleOpt(StrEnum):
    party = "party"
    state = "state"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[Lang, typer.Option("--lang", help="Ngôn ngữ thông báo (vi|en).")]


def _notices(path: Path, doc: Document) -> None:
    for notice in doc.notices:
        typer.echo(f"baocao: {path}: {notice}", err=True)


def _fail(err: DocumentError, lang: Lang) -> None:
    typer.echo(f"baocao: {err.format(lang.value)}", err=True)
    raise typer.Exit(2)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Tệp .txt, .md, .docx, .pdf, .doc hoặc .html")],
    fmt: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="json | text | md")
    ] = ImportFormat.json,
    lang: LangOpt = Lang.vi,
) -> None:
    """Đọc một báo cáo và in ra mô hình (JSON), văn bản chuẩn hoặc Markdown."""
    from baocao.document.io import read_document, to_text

    try:
        doc = read_document(file)
    except DocumentError as err:
        _fail(err, lang)
    _notices(file, doc)
    sys.stdout.write(to_text(doc, fmt.value))


@app.command()
def render(
    file: Annotated[Path, typer.Argument(help="Báo cáo nguồn (mọi định dạng nhập được)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="OUT.docx|.pdf|.html|.md")],
    style: Annotated[StyleOpt | None, typer.Option(help="party | state")] = None,
    issuer: Annotated[str | None, typer.Option(help="Cơ quan ban hành")] = None,
    parent: Annotated[str | None, typer.Option(help="Cơ quan cấp trên")] = None,
    number: Annotated[str | None, typer.Option(help="Số, ký hiệu: 'Số 45-BC/HU'")] = None,
    place: Annotated[str | None, typer.Option(help="Địa danh")] = None,
    date: Annotated[
        str | None, typer.Option(help="Ngày ban hành: 28/02/2023 hoặc 2023-02-28")
    ] = None,
    template: Annotated[Path | None, typer.Option(help="Mẫu tiêu đề .docx của cơ quan")] = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Trình bày báo cáo theo thể thức (Đảng hoặc Nhà nước) ra .docx, .pdf, .html hoặc .md."""
    from baocao.document.io import read_document, write_document

    try:
        if template is not None and not template.is_file():
            raise DocumentError(template, "không tìm thấy tệp mẫu", "template file not found")
        doc = read_document(file)
        _notices(file, doc)
        _apply_header_options(doc, issuer, parent, number, place, date)
        write_document(doc, output, style=style.value if style else None, template=template)
    except DocumentError as err:
        _fail(err, lang)
    typer.echo(str(output))


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def check(
    files: Annotated[list[Path] | None, typer.Argument(help="Một hoặc nhiều báo cáo")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text | json")] = (
        CheckFormat.text
    ),
    list_rules: Annotated[
        bool, typer.Option("--list", help="Liệt kê các quy tắc (mã, mức, nội dung) rồi thoát")
    ] = False,
    disable: Annotated[
        list[str] | None, typer.Option("--disable", "-d", help="Tắt quy tắc (vd: cap.org, lang.)")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="Tệp cấu hình YAML của cơ quan (disable: [...])")
    ] = None,
    targets: Annotated[
        Path | None, typer.Option(help="Chỉ tiêu kế hoạch năm (YAML) để đối chiếu % kế hoạch")
    ] = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Kiểm tra số liệu, tính nhất quán, thể thức và chính tả; mã thoát 1 nếu có lỗi."""
    from baocao.checks.config import load_check_config
    from baocao.checks.report import format_text, locate, to_json
    from baocao.checks.run import check_document
    from baocao.document.canonical import canonical_text
    from baocao.document.io import read_document

    if list_rules:
        from baocao.checks.report import rule_table

        typer.echo(rule_table(lang=lang.value))
        raise typer.Exit(0)
    if not files:
        typer.echo(
            "baocao: cần ít nhất một tệp báo cáo" if lang is Lang.vi else "baocao: no file given",
            err=True,
        )
        raise typer.Exit(2)
    try:
        disabled, options = load_check_config(config, targets)
    except DocumentError as err:
        _fail(err, lang)
    disabled += list(disable or [])
    results, unreadable, errors = [], False, False
    for path in files:
        try:
            doc = read_document(path)
        except DocumentError as err:
            typer.echo(f"baocao: {err.format(lang.value)}", err=True)
            unreadable = True
            continue
        findings = check_document(doc, disabled=disabled, options=options)
        source = _source_text(path)
        results.append((str(path), locate(findings, canonical_text(doc), source)))
        errors = errors or any(f.severity == "error" for f in findings)
    if fmt is CheckFormat.json:
        sys.stdout.write(to_json(results, lang=lang.value) + "\n")
    else:
        colour = sys.stdout.isatty()
        for path, located in results:
            if located:
                typer.echo(format_text(path, located, lang=lang.value, colour=colour))
    raise typer.Exit(2 if unreadable else 1 if errors else 0)


def _source_text(path: Path) -> str | None:
    """The file's own text when it is a text file, for line and column numbers."""
    if path.suffix.lower() not in (".txt", ".md"):
        return None
    from baocao.text.encoding import decode_text_file

    try:
        return decode_text_file(path.read_bytes(), path)[0]
    except (DocumentError, OSError):
        return None


def _apply_header_options(
    doc: Document,
    name: str | None,
    parent: str | None,
    number: str | None,
    place: str | None,
    date: str | None,
) -> None:
    """Header fields from the command line fill or replace what the source says."""
    values = {"name": name, "parent": parent, "number": number, "place": place}
    if date is not None:
        values["date"] = _parse_date_option(date)
    given = {k: v for k, v in values.items() if v is not None}
    if not given:
        return
    if doc.issuer is None:
        doc.issuer = Issuer()
    for key, value in given.items():
        setattr(doc.issuer, key, value)


def _parse_date_option(value: str) -> str:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value.strip())
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise DocumentError(
            None, f"ngày không hợp lệ: {value!r} (dạng 28/02/2023)", f"invalid date: {value!r}"
        ) from None


def main() -> None:
    """Entry point of the `baocao` script."""
    from baocao.server_cli import register

    register(app)
    app()


if __name__ == "__main__":
    main()
