"""The interface in two languages: Vietnamese by default (the source language of every string),
English from the catalog in src/baocao/locale/en, chosen by the browser or the header's switch."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from baocao.cycle.models import Contribution, Submission
from tests.conftest import client_for

LOCALE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO = LOCALE / "django.po"
MO = LOCALE / "django.mo"

# Vietnamese interface labels that must be gone from an English page. Document content (body
# and unit names, period labels such as "tháng 2 năm 2023", outline headings) stays Vietnamese.
VI_COMMON = ["Trang chính", "Nhiệm vụ", "Lưu trữ", "Đăng xuất", "Đổi ngôn ngữ"]
VI_LOGIN = ["Đăng nhập", "Tên đăng nhập", "Mật khẩu"]
VI_PERIOD = [
    "Chốt số liệu",
    "Hạn đơn vị gửi",
    "Quá hạn",
    "Đơn vị",
    "Trạng thái",
    "Gửi lúc",
    "Đúng hạn",
    "Trễ hạn",
    "Xem",
    "Nhắc các đơn vị chưa gửi",
    "Tổng hợp các báo cáo đã tiếp nhận",
    "Đang nhận báo cáo",
    "Chưa bắt đầu",
]
VI_SUBMISSION = [
    "Hạn gửi",
    "Số liệu tính đến ngày",
    "Nội dung báo cáo",
    "Lưu",
    "Tiếp nhận",
    "Lý do trả lại",
    "Trả lại",
    "Về trang tổng hợp",
    "Đã gửi",
    "Định dạng",
]
VI_WRITER = ["Gửi báo cáo", "Gõ như trong Word", "Tải lên", "Đậm", "Nghiêng", "Chú thích"]
VI_DRAFT = [
    "Bản tổng hợp",
    "Xem trước theo thể thức",
    "So sánh phiên bản",
    "Kiểm tra",
    "Ý kiến",
    "Gửi ý kiến",
    "Lịch sử",
    "Phiên bản",
    "Đoạn văn góp ý",
]


# --- the catalog ---------------------------------------------------------------------------


def _unquote(line: str) -> str:
    body = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


def _entries() -> list[dict]:
    """The .po file's entries: {"flags": [...], "msgctxt"/"msgid"/"msgstr[0]"…: text}."""
    entries = []
    for block in PO.read_text(encoding="utf-8").strip().split("\n\n"):
        entry: dict = {"flags": []}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += _unquote(line)
            else:
                key = line.split(" ", 1)[0]
                entry[key] = _unquote(line)
        entries.append(entry)
    return entries


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = _entries()
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "" and "Language: en" in header["msgstr"]
    assert len(messages) > 200
    for e in entries:
        assert "fuzzy" not in e["flags"], e["msgid"]
    for e in messages:
        strs = [v for k, v in e.items() if k.startswith("msgstr")]
        assert strs and all(s.strip() for s in strs), f"untranslated: {e['msgid']!r}"
        names = set(re.findall(r"%\((\w+)\)", e["msgid"]))
        for s in strs:
            assert set(re.findall(r"%\((\w+)\)", s)) == names, f"placeholders: {e['msgid']!r}"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is missing")
def test_the_compiled_catalog_is_up_to_date(tmp_path):
    out = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(out), str(PO)], check=True)
    assert MO.read_bytes() == out.read_bytes(), "run django-admin compilemessages"


# --- the pages -----------------------------------------------------------------------------


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _page(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# where a page shows the reports themselves: their text and headings are not interface
_CONTENT = re.compile(r"<(textarea|pre|h3)\b.*?</\1>|<select name=\"item\">.*?</select>", re.DOTALL)


def _assert_english(html: str, expected: list[str], vietnamese: list[str]) -> None:
    assert '<html lang="en">' in html
    for text in expected:
        assert text in html, text
    interface = _CONTENT.sub("", html)
    for text in vietnamese:
        assert text not in interface, text


@pytest.mark.django_db
def test_the_login_page_follows_the_browser_language():
    from django.test import Client

    vi = _page(Client(), reverse("login"))
    assert '<html lang="vi">' in vi
    assert "Tên đăng nhập" in vi and "Mật khẩu" in vi

    en = _page(Client(), reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    _assert_english(en, ["Log in", "Username", "Password", "Change language"], VI_LOGIN)
    # both languages are offered under their own names, whatever the interface language
    assert "Tiếng Việt" in en and "English" in en


@pytest.fixture
def submitted(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    Contribution.objects.filter(submission=sub, item=cast.item_a).update(
        text="- Kết nạp 21 đảng viên mới."
    )
    from baocao.cycle import workflow

    workflow.submit(sub, cast.reporter_a)
    return sub


def test_the_period_page_in_english_and_by_default_in_vietnamese(cast, period):
    url = reverse("cycle:period", args=[period.pk])
    vi = _page(client_for(cast.compiler), url)
    assert '<html lang="vi">' in vi
    for text in VI_PERIOD + VI_COMMON:
        assert text in vi, text

    en = _page(_english(client_for(cast.compiler)), url)
    _assert_english(
        en,
        [
            "Data cut-off",
            "Deadline for units",
            "Overdue",
            "Unit",
            "Status",
            "Remind units that have not submitted",
            "Consolidate the accepted reports",
            "Collecting reports",
            "Not started",
            "Home",
            "Log out",
            "report for tháng 2 năm 2023",
        ],
        VI_PERIOD + VI_COMMON,
    )


def test_the_submission_page_in_english(cast, submitted):
    url = reverse("cycle:submission", args=[submitted.pk])
    vi = _page(client_for(cast.compiler), url)
    for text in ["Tiếp nhận", "Trả lại", "Lý do trả lại", "Hạn gửi", "Đã gửi"]:
        assert text in vi, text

    en = _page(_english(client_for(cast.compiler)), url)
    _assert_english(
        en,
        ["Deadline", "Figures as of", "Report text", "Accept", "Reason for returning", "Return"],
        VI_SUBMISSION + VI_COMMON,
    )
    assert "Kết nạp 21 đảng viên mới." in en  # the report itself is not translated


def test_the_writer_sees_the_editor_in_english(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    url = reverse("cycle:submission", args=[sub.pk])
    assert "Gửi báo cáo" in _page(client_for(cast.reporter_a), url)
    en = _page(_english(client_for(cast.reporter_a)), url)
    _assert_english(
        en, ["Send report", "Type as in Word", "Upload", "Save", "Bold", "Footnote"], VI_WRITER
    )


def test_the_draft_page_in_english(cast, period, submitted):
    from baocao.cycle import workflow

    workflow.accept(submitted, cast.compiler)
    workflow.consolidate(period, cast.compiler)
    url = reverse("cycle:draft", args=[period.pk])
    vi = _page(client_for(cast.compiler), url)
    for text in VI_DRAFT:
        assert text in vi, text

    en = _page(_english(client_for(cast.compiler)), url)
    _assert_english(
        en,
        ["Consolidated draft", "Compare versions", "Checks", "Send comment", "History", "Version"],
        VI_DRAFT + VI_COMMON,
    )
    leader = _page(_english(client_for(cast.leader)), url)
    assert "Approve the consolidated draft" in leader and "Duyệt bản tổng hợp" not in leader


def test_messages_from_the_code_are_translated(cast, submitted):
    office = _english(client_for(cast.compiler))
    response = office.post(reverse("cycle:accept", args=[submitted.pk]), follow=True)
    assert "Accepted." in response.content.decode()
    # a refused step: the workflow's message, in English too
    response = office.post(reverse("cycle:accept", args=[submitted.pk]), follow=True)
    assert "Only a submitted report can be accepted." in response.content.decode()


# --- the switch ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_header_switch_changes_the_language():
    from django.test import Client

    client = Client()
    login = reverse("login")
    html = _page(client, login)
    assert f'action="{reverse("set_language")}"' in html
    assert 'name="language"' in html

    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert response.status_code == 302 and response["Location"] == login
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    _assert_english(_page(client, login), ["Log in"], VI_LOGIN)

    client.post(reverse("set_language"), {"language": "vi", "next": login})
    html = _page(client, login)
    assert '<html lang="vi">' in html and "Đăng nhập" in html


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_string_the_code_marks_is_in_the_catalog(tmp_path):
    """makemessages on a copy of the package finds no message the catalog lacks: a new
    {% translate %} or _() without its English would otherwise show in Vietnamese silently."""
    package = Path(settings.LOCALE_PATHS[0]).parent
    copy = tmp_path / "baocao"
    admin = Path(sys.executable).with_name("django-admin")
    shutil.copytree(
        package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.docx", "*.txt", "migrations")
    )
    subprocess.run(
        [
            admin,
            "makemessages",
            "-l",
            "en",
            "--no-obsolete",
            "--no-location",
            "--settings=baocao.web.settings",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    text = (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    missing, fuzzy = [], []
    for entry in text.split("\n\n")[1:]:  # the first entry is the header
        lines = entry.strip().splitlines()
        msgid = "".join(_quoted(lines, "msgid "))
        msgstr = (
            "".join(_quoted(lines, "msgstr"))
            if any(ln.startswith("msgstr") for ln in lines)
            else "x"
        )
        if any(ln.startswith("#, fuzzy") for ln in lines):
            fuzzy.append(msgid)
        elif msgid and not msgstr:
            missing.append(msgid)
    assert missing == [] and fuzzy == []


def _quoted(lines: list[str], key: str) -> list[str]:
    """The text of a .po field, its continuation lines included ("msgstr[0]" counts)."""
    out, inside = [], False
    for line in lines:
        if line.startswith(key):
            inside = True
            line = line.split(" ", 1)[1] if " " in line else '""'
        elif not line.startswith('"'):
            inside = False
            continue
        if inside:
            out.append(line.strip()[1:-1])
    return out
