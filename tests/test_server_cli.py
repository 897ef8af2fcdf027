"""The server commands (`baocao migrate|demo|backup|restore|load-org`), run as a user runs them:
one process per command, so Django's settings load fresh, against SQLite files of a temporary
folder. (These tests use their own databases, not pytest-django's.)"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BAOCAO = str(Path(sys.executable).with_name("baocao"))

COUNTS = {
    "bodies": "SELECT COUNT(*) FROM org_body",
    "units": "SELECT COUNT(*) FROM org_unit",
    "users": "SELECT COUNT(*) FROM auth_user",
    "periods": "SELECT COUNT(*) FROM cycle_period",
    "submissions": "SELECT COUNT(*) FROM cycle_submission",
    "contributions": "SELECT COUNT(*) FROM cycle_contribution",
    "tasks": "SELECT COUNT(*) FROM tasks_task",
    "archived": "SELECT COUNT(*) FROM archive_archivedreport",
    "issued": "SELECT COUNT(*) FROM cycle_issuedreport",
}


class Site:
    def __init__(self, folder: Path, name: str = "db.sqlite3"):
        self.folder = folder
        self.db = folder / name
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "DJANGO_"))},
            "BAOCAO_DATA_DIR": str(folder),
            "DATABASE_URL": f"sqlite:///{self.db}",
            "BAOCAO_SECRET_KEY": "test-secret-key-not-for-production",
        }

    def run(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [BAOCAO, *map(str, args)],
            env=self.env,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def ok(self, *args) -> subprocess.CompletedProcess:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return result

    def counts(self) -> dict[str, int]:
        with sqlite3.connect(self.db) as con:
            return {k: con.execute(q).fetchone()[0] for k, q in COUNTS.items()}

    def issued_docx(self) -> list[bytes]:
        with sqlite3.connect(self.db) as con:
            rows = con.execute(
                "SELECT p.year, p.number, i.docx FROM cycle_issuedreport i "
                "JOIN cycle_period p ON p.id = i.period_id ORDER BY p.year, p.number"
            )
            return [bytes(r[2]) for r in rows]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Site:
    """A migrated database with the demo loaded once (the slow part, shared)."""
    site = Site(tmp_path_factory.mktemp("demo"))
    assert "sẵn sàng" in site.ok("migrate").stdout
    first = site.ok("demo", "--no-pdf")
    assert "đã nạp dữ liệu mẫu" in first.stdout
    return site


def test_migrate_creates_the_database_and_is_idempotent(tmp_path):
    site = Site(tmp_path)
    site.ok("migrate")
    assert site.db.exists()
    site.ok("migrate")
    assert site.counts()["bodies"] == 0


def test_demo_twice_creates_nothing_new(demo_site):
    before = demo_site.counts()
    assert before["bodies"] >= 1 and before["periods"] == 2 and before["issued"] == 1
    again = demo_site.ok("demo", "--no-pdf")
    assert "đã có, không nạp lại" in again.stdout
    assert demo_site.counts() == before


def test_backup_then_restore_into_a_fresh_database_gives_the_same_data(demo_site, tmp_path):
    file = tmp_path / "sao-luu.json"
    out = demo_site.ok("backup", file)
    assert "đã sao lưu" in out.stdout and file.stat().st_size > 0
    fresh = Site(tmp_path, "fresh.sqlite3")
    fresh.ok("migrate")
    fresh.ok("restore", file)
    assert fresh.counts() == demo_site.counts()
    docx = fresh.issued_docx()
    assert docx == demo_site.issued_docx()
    assert docx and all(d[:2] == b"PK" for d in docx)


def test_restore_over_existing_data_replaces_it(demo_site, tmp_path):
    file = tmp_path / "sao-luu.json"
    demo_site.ok("backup", file)
    other = Site(tmp_path, "other.sqlite3")
    other.ok("migrate")
    other.ok("load-org", _org_file(tmp_path, "ĐẢNG ỦY XÃ MỚI"))
    other.ok("restore", file)
    assert other.counts() == demo_site.counts()


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.json", None),
        ("notes.txt", "không phải tệp sao lưu"),
        ("broken.json", '[{"model": "org.body", "pk": 1, "fields": '),
        ("object.json", '{"bodies": []}'),
        ("unknown-model.json", '[{"model": "nope.nothing", "pk": 1, "fields": {}}]'),
        ("binary.json", b"PK\x03\x04\xff\xfe\x00\x01"),
    ],
)
def test_restore_of_a_bad_file_exits_2_and_leaves_the_data(demo_site, tmp_path, name, content):
    file = tmp_path / name
    if isinstance(content, bytes):
        file.write_bytes(content)
    elif content is not None:
        file.write_text(content, encoding="utf-8")
    before, docx = demo_site.counts(), demo_site.issued_docx()
    result = demo_site.run("restore", file)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert _one_line(result.stderr).startswith("baocao: ")
    assert name in result.stderr
    assert demo_site.counts() == before
    assert demo_site.issued_docx() == docx


def _org_file(folder: Path, body: str) -> Path:
    file = folder / "org.yaml"
    file.write_text(
        f"bodies:\n  - name: {body}\n    units:\n      - {{code: vp, name: Văn phòng}}\n",
        encoding="utf-8",
    )
    return file


BAD_YAML = {
    "syntax": "bodies:\n  - name: ĐẢNG ỦY XÃ LỖI\n    units: [ {code: a, name: A\n",
    "no-bodies": "co-quan:\n  - name: ĐẢNG ỦY XÃ LỖI\n",
    "bad-role": (
        "bodies:\n  - name: ĐẢNG ỦY XÃ LỖI\n    units:\n      - {code: a, name: Đơn vị A}\n"
        "    people:\n      - {username: nguoi1, name: Người Một, role: king}\n"
    ),
    "unknown-parent": (
        "bodies:\n  - name: ĐẢNG ỦY XÃ LỖI\n    units:\n"
        "      - {code: a, name: Đơn vị A, parent: zz}\n"
    ),
}


@pytest.mark.parametrize("case", list(BAD_YAML))
def test_load_org_with_a_bad_file_exits_2_and_saves_nothing(tmp_path, case):
    site = Site(tmp_path)
    site.ok("migrate")
    file = tmp_path / "org.yaml"
    file.write_text(BAD_YAML[case], encoding="utf-8")
    before = site.counts()
    result = site.run("load-org", file)
    assert result.returncode == 2, (result.stdout, result.stderr)
    # a YAML syntax error quotes the parser's few lines of context; no traceback
    assert result.stderr.startswith("baocao: ") and "Traceback" not in result.stderr
    assert site.counts() == before


def test_load_org_with_a_good_file_saves_it(tmp_path):
    site = Site(tmp_path)
    site.ok("migrate")
    result = site.ok("load-org", _org_file(tmp_path, "ĐẢNG ỦY XÃ MỚI"))
    assert "1 cơ quan, 1 đơn vị" in result.stdout
    assert site.counts()["bodies"] == 1 and site.counts()["units"] == 1
