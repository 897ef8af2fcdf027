"""The `baocao` command: contracts of import and render, and one clear error for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baocao.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_import_prints_the_design_json(sample_path: Path):
    result = run("import", sample_path, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in (
        "title",
        "subtitle",
        "period",
        "issuer",
        "sections",
        "closing",
        "footnotes",
        "recipients",
        "signature",
        "figures",
        "references",
        "places",
    ):
        assert key in data
    assert data["period"] == {"type": "month", "year": 2023, "month": 2}


def test_import_text_is_the_canonical_text(sample_path: Path, sample_doc):
    from baocao.document.canonical import canonical_text

    result = run("import", sample_path, "--format", "text")
    assert result.stdout == canonical_text(sample_doc) + "\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "không tìm thấy tệp"),
        ("report.xyz", b"abc", "không đọc được định dạng .xyz"),
        ("broken.docx", b"not a zip at all", "không phải .docx hợp lệ"),
        ("broken.pdf", b"hello", "không phải .pdf hợp lệ"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, name, content, message):
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.md"
    result = run("render", src, "-o", out)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(src) in lines[0] and message in lines[0]
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_english_messages_on_request(tmp_path: Path):
    result = run("import", tmp_path / "nope.txt", "--lang", "en")
    assert result.exit_code == 2 and "file not found" in result.stderr


def test_an_unknown_output_type_writes_nothing(sample_path: Path, tmp_path: Path):
    result = run("render", sample_path, "-o", tmp_path / "out.odt")
    assert result.exit_code == 2 and "không ghi được định dạng .odt" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_bad_date_option_is_refused(sample_path: Path, tmp_path: Path):
    result = run("render", sample_path, "-o", tmp_path / "x.md", "--date", "31/02/2023")
    assert result.exit_code == 2 and "ngày không hợp lệ" in result.stderr


def test_header_options_fill_the_issuer(sample_path: Path, tmp_path: Path):
    out = tmp_path / "x.md"
    result = run(
        "render",
        sample_path,
        "-o",
        out,
        "--issuer",
        "HUYỆN ỦY VỤ BẢN",
        "--number",
        "Số 45-BC/HU",
        "--place",
        "Vụ Bản",
        "--date",
        "28/02/2023",
    )
    assert result.exit_code == 0, result.stderr
    from baocao.document.readers.text import read_text

    issuer = read_text(out).issuer
    assert (issuer.name, issuer.number, issuer.date) == (
        "HUYỆN ỦY VỤ BẢN",
        "Số 45-BC/HU",
        "2023-02-28",
    )


def test_check_prints_findings_with_source_line_and_column(sample_path: Path):
    result = run("check", sample_path, "--disable", "form.")
    assert result.exit_code == 0  # the sample has warnings and info, no error
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{sample_path}:16:")
    assert "[cap.org]" in first and "→ Bộ Chính trị" in first


def test_check_json_follows_the_contract_and_errors_exit_1(tmp_path: Path):
    src = tmp_path / "bc.md"
    src.write_text("BÁO CÁO\n\nI. MỤC\n\nNgày 31/02/2023 có họp.\n", encoding="utf-8")
    result = run("check", src, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == "date.invalid"]
    assert finding["text"] == "31/02/2023" and finding["severity"] == "error"
    assert (finding["line"], finding["column"]) == (5, 6)
    assert finding["message"] == "date 31/02/2023 does not exist"


def test_check_config_switches_rules_off(tmp_path: Path, sample_path: Path):
    cfg = tmp_path / "baocao.yaml"
    cfg.write_text("disable: [cap., style., form., name., period., lang.]\n", encoding="utf-8")
    result = run("check", sample_path, "--config", cfg)
    assert result.exit_code == 0 and result.stdout.strip() == ""


def test_check_lists_every_rule_it_can_switch_off():
    import baocao.checks.rules  # noqa: F401
    from baocao.checks.registry import RULES

    vi, en = run("check", "--list"), run("check", "--list", "--lang", "en")
    assert vi.exit_code == en.exit_code == 0
    assert [ln.split()[0] for ln in vi.stdout.splitlines()] == list(RULES)
    rows = {ln.split()[0]: " ".join(ln.split()[1:]) for ln in vi.stdout.splitlines()}
    assert rows["form.date-line"] == "lỗi Địa danh, ngày tháng sai thể thức"
    assert rows["lang.tone-style"].startswith("gợi ý Trộn kiểu đặt dấu")
    assert "A total does not match its parts" in en.stdout and "lỗi" not in en.stdout


def test_check_without_a_file_exits_2():
    result = run("check")
    assert result.exit_code == 2 and "cần ít nhất một tệp" in result.stderr


def test_check_of_an_unreadable_file_exits_2(tmp_path: Path):
    result = run("check", tmp_path / "missing.docx")
    assert result.exit_code == 2 and "không tìm thấy tệp" in result.stderr


def test_import_says_which_old_encoding_it_detected(tmp_path: Path, sample_path: Path):
    from baocao.text.legacy import unicode_to_vni

    src = tmp_path / "vni.txt"
    src.write_bytes(unicode_to_vni(sample_path.read_text(encoding="utf-8")).encode("cp1252"))
    result = run("import", src, "--format", "text")
    assert result.exit_code == 0
    assert f"{src}: đã nhận dạng bảng mã VNI" in result.stderr
    assert "Triển triển khai kế hoạch" in result.stdout


def test_an_empty_file_is_refused(tmp_path: Path):
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    result = run("import", src)
    assert result.exit_code == 2 and "tệp rỗng" in result.stderr
