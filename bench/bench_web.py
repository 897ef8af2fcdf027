"""Web speed: the completeness page and the consolidated editor under 20 concurrent clients.

    .venv/bin/python bench/bench_web.py
    .venv/bin/python bench/bench_web.py --database-url postgresql://postgres@127.0.0.1:5432/bench

A fresh database (SQLite in WAL mode in a temporary folder by default; with --database-url the
named PostgreSQL database is created, and dropped at the end) holds one body, 200 units, the
party-monthly outline with every unit assigned 1–3 of its items, and 60 monthly periods (five
years), each with a submission per unit and a few hundred characters of report prose per item,
most of it accepted, and a consolidated draft per period (the latest one made by
`workflow.consolidate`, the earlier ones copies of it). The real server is then started
(gunicorn, 2 workers × 8 threads) with one extra URL, /bare/, a bare Django view answering "ok"
through the same middleware: the peer. Twenty client threads with keep-alive connections request
each page for --seconds; every answer must be 200 and hold the expected content (all 200 unit
names on the completeness page, the draft's text in the editor).

Bounds (issue 4): median < 200 ms and p95 < 500 ms for both pages; the exit status is 1 when one
is broken. With --profile, each page is also timed once in-process with its SQL queries counted
and the checker timed on its own, to show where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
UNITS = 200
MONTHS = 60
CLIENTS = 20
BOUND_MEDIAN_MS = 200.0
BOUND_P95_MS = 500.0

SETTINGS_PY = """from baocao.web.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
"""
URLS_PY = """from django.http import HttpResponse
from django.urls import path

import baocao.web.urls


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *baocao.web.urls.urlpatterns]
"""

# ---------------------------------------------------------------------------------------------
# Report prose: sentences of the kind units write, with figures, varied by a seeded RNG.

PLACES = [
    "Thành Lợi", "Liên Bảo", "Kim Thái", "Hiển Khánh", "Minh Tân", "Tân Khánh", "Cộng Hòa",
    "Trung Thành", "Quang Trung", "Đại Thắng", "Liên Minh", "Tam Thanh", "Vĩnh Hào", "Minh Thuận",
    "Hợp Hưng", "Đại An", "Tân Thành", "Yên Lương", "Gôi", "Lâm", "Yên Bằng", "Nghĩa Đồng",
]  # fmt: skip
KINDS = [
    ("Đảng ủy xã", "xa"), ("Đảng ủy thị trấn", "tt"), ("Chi bộ", "cb"), ("Ban", "ban"),
    ("Hội Nông dân xã", "hnd"), ("Hội Liên hiệp Phụ nữ xã", "phunu"),
    ("Đoàn Thanh niên xã", "doan"),
    ("Ủy ban MTTQ xã", "mttq"), ("Hội Cựu chiến binh xã", "ccb"), ("Phòng", "phong"),
]  # fmt: skip
OPENINGS = [
    "Trong tháng, {u} tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trọng tâm theo kế hoạch",
    "Ngay từ đầu tháng, {u} ban hành kế hoạch triển khai nhiệm vụ và phân công cán bộ phụ trách",
    "{u} tiếp tục quán triệt, triển khai các nghị quyết, chỉ thị của cấp trên",
    "Thực hiện chương trình công tác năm {y}, {u} chủ động triển khai đồng bộ các giải pháp",
]
FACTS = [
    "kết nạp {a} đảng viên mới, công nhận chính thức {b} đảng viên",
    "tổ chức {a} hội nghị với {n} lượt cán bộ, đảng viên tham gia",
    "thu ngân sách trên địa bàn đạt {p}% dự toán, tăng {q}% so với cùng kỳ",
    "gieo cấy {h} ha lúa, đạt {p}% kế hoạch; năng suất ước đạt {t} tạ/ha",
    "trồng {n} cây xanh các loại, nạo vét {k} km kênh mương nội đồng",
    "giải quyết việc làm cho {n} lao động, trong đó xuất khẩu lao động {a} người",
    "tiếp nhận và giải quyết {a}/{b} đơn thư, đạt {p}%",
    "tặng {a} suất quà cho hộ nghèo, gia đình chính sách, trị giá {m} triệu đồng",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {p}%, tăng {q}% so với tháng trước",
    "tổ chức ra quân huấn luyện dân quân với {n} chiến sĩ, bảo đảm {p}% quân số",
    "xử lý {a} vụ vi phạm trật tự an toàn giao thông, phạt tiền {m} triệu đồng",
    "rà soát {n} hộ có hoàn cảnh khó khăn về nhà ở, hỗ trợ xây mới {a} nhà",
]
CLOSINGS = [
    "Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định.",
    "Các hoạt động được triển khai đúng kế hoạch, bảo đảm tiến độ đề ra.",
    "Một số chỉ tiêu còn đạt thấp, cần tiếp tục chỉ đạo trong thời gian tới.",
    "Công tác phối hợp giữa các ngành, đoàn thể được tăng cường.",
]


def prose(rng: random.Random, unit: str, year: int) -> str:
    """A unit's text for one item: one or two paragraphs, 200–700 characters."""
    paras = []
    for _ in range(rng.randint(1, 2)):
        facts = rng.sample(FACTS, rng.randint(2, 3))
        figs = {
            "a": rng.randint(2, 40),
            "b": rng.randint(41, 90),
            "n": f"{rng.randint(1, 9)}.{rng.randint(100, 999)}",
            "p": f"{rng.randint(60, 120)},{rng.randint(1, 9)}",
            "q": f"{rng.randint(1, 15)},{rng.randint(1, 9)}",
            "h": f"{rng.randint(200, 900)},{rng.randint(1, 9)}",
            "t": f"{rng.randint(55, 68)},{rng.randint(1, 9)}",
            "k": f"{rng.randint(2, 30)},{rng.randint(1, 9)}",
            "m": rng.randint(10, 500),
        }
        body = "; ".join(f.format(**figs) for f in facts)
        opening = rng.choice(OPENINGS).format(u=unit, y=year)
        paras.append(f"- {opening}: {body}. {rng.choice(CLOSINGS)}")
    return "\n\n".join(paras)


# ---------------------------------------------------------------------------------------------
# The database.


def setup_env(tmp: Path, database_url: str) -> dict[str, str]:
    (tmp / "bench_settings.py").write_text(SETTINGS_PY, encoding="utf-8")
    (tmp / "bench_urls.py").write_text(URLS_PY, encoding="utf-8")
    env = {
        "BAOCAO_DATA_DIR": str(tmp / "data"),
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "BAOCAO_SECRET_KEY": "bench-" + "x" * 50,
        "BAOCAO_LOG_LEVEL": "ERROR",
        "PYTHONPATH": os.pathsep.join(
            [str(tmp), str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    os.environ.update(env)
    sys.path.insert(0, str(tmp))
    return env


def create_pg_database(url: str, *, drop: bool = False) -> None:
    import psycopg
    from psycopg import sql

    head, _, name = url.rpartition("/")
    name = name.split("?")[0]
    with psycopg.connect(f"{head}/postgres", autocommit=True) as conn:
        drop_it = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop_it.format(sql.Identifier(name)))
        if not drop:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def generate(seed: int = 4) -> dict:
    """Fill the database; returns what the load test needs to know."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from baocao.cycle import workflow
    from baocao.cycle.models import (
        Contribution,
        Draft,
        OutlineItem,
        Submission,
    )
    from baocao.cycle.outline import builtin_outline, load_outline
    from baocao.org.models import Body, Membership, Role, Unit

    rng = random.Random(seed)
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t_migrate = time.perf_counter() - t0

    body = Body.objects.create(
        name="HUYỆN ỦY VỤ BẢN",
        parent_name="ĐẢNG BỘ TỈNH NAM ĐỊNH",
        place="Vụ Bản",
        code="HU",
        signer_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ",
        signer_name="Nguyễn Văn An",
    )
    units = Unit.objects.bulk_create(
        Unit(
            body=body,
            name=f"{KINDS[i % len(KINDS)][0]} {PLACES[i % len(PLACES)]} {i + 1:03d}",
            code=f"{KINDS[i % len(KINDS)][1]}-{i + 1:03d}",
            order=i + 1,
        )
        for i in range(UNITS)
    )
    users = get_user_model()
    office = users.objects.create(username="vanphong", first_name="Văn phòng")
    office.set_password("bench-password-2026")
    office.save()
    Membership.objects.create(user=office, body=body, role=Role.COMPILER)

    outline = load_outline(body, "Báo cáo tháng (Đảng)", builtin_outline("party-monthly"))
    items = list(outline.items.all())
    parents = {i.parent_id for i in items}
    leaves = [i for i in items if i.pk not in parents]
    through = OutlineItem.units.through
    assigned: dict[int, list[OutlineItem]] = {}
    links = []
    for u in units:
        mine = sorted(rng.sample(leaves, rng.randint(1, 3)), key=lambda i: i.order)
        assigned[u.pk] = mine
        links += [through(outlineitem_id=i.pk, unit_id=u.pk) for i in mine]
    through.objects.bulk_create(links)

    # 60 months ending last month; all but the latest issued.
    today = timezone.localdate()
    y, m = today.year, today.month
    keys = []
    for _ in range(MONTHS):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        keys.append((y, m))
    keys.reverse()
    from _periods import monthly_periods

    plist = monthly_periods(body, outline, keys)
    S = Submission.Status
    # per hundred: 85 accepted, 6 sent, 3 sent back, 4 being written, 2 not started
    statuses = [S.ACCEPTED] * 85 + [S.SUBMITTED] * 6 + [S.RETURNED] * 3
    statuses += [S.DRAFT] * 4 + [S.NEW] * 2
    subs = []
    for p in plist:
        for u in units:
            st = rng.choice(statuses)
            sent = None
            if st in (S.ACCEPTED, S.SUBMITTED, S.RETURNED):
                day = p.deadline + dt.timedelta(days=rng.randint(-6, 2))
                sent = timezone.make_aware(dt.datetime.combine(day, dt.time(8 + rng.randint(0, 9))))
            subs.append(Submission(period=p, unit=u, status=st, submitted_at=sent))
    subs = Submission.objects.bulk_create(subs, batch_size=2000)
    names = {u.pk: u.name for u in units}
    years = {p.pk: p.year for p in plist}
    contribs = []
    n_contribs = 0
    for s in subs:
        for item in assigned[s.unit_id]:
            text = "" if s.status == S.NEW else prose(rng, names[s.unit_id], years[s.period_id])
            contribs.append(Contribution(submission=s, item=item, text=text, version=1))
        if len(contribs) >= 5000:
            Contribution.objects.bulk_create(contribs, batch_size=1000)
            n_contribs += len(contribs)
            contribs = []
    Contribution.objects.bulk_create(contribs, batch_size=1000)
    n_contribs += len(contribs)

    latest = plist[-1]
    draft = workflow.consolidate(latest, office)
    Draft.objects.bulk_create(Draft(period=p, text=draft.text, version=1) for p in plist[:-1])
    elapsed = time.perf_counter() - t0
    print(
        f"generated in {elapsed:.1f} s (migrate {t_migrate:.1f} s): {UNITS} units, "
        f"{len(plist)} periods, {len(subs)} submissions, {n_contribs} contributions, "
        f"{len(plist)} drafts; latest draft {len(draft.text.encode()) / 1024:.0f} KB"
    )
    return {
        "period": latest.pk,
        "label": latest.label,
        "units": [u.name for u in units],
        "draft_text": draft.text,
        "office": office.pk,
    }


def session_cookie(user_pk: int) -> str:
    """A logged-in session for the user, as the login view would leave it."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(pk=user_pk)
    s = SessionStore()
    s["_auth_user_id"] = str(user.pk)
    s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    s["_auth_user_hash"] = user.get_session_auth_hash()
    s.create()
    return f"{settings.SESSION_COOKIE_NAME}={s.session_key}"


# ---------------------------------------------------------------------------------------------
# The server and the clients.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], tmp: Path, port: int) -> subprocess.Popen:
    cmd = [
        str(PYTHON), "-m", "gunicorn", "baocao.web.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "8",
        "--log-level", "warning", "--timeout", "120", "--keep-alive", "30",
    ]  # fmt: skip
    log = (tmp / "gunicorn.log").open("w")  # kept open for the server
    proc = subprocess.Popen(
        cmd, env={**os.environ, **env}, cwd=tmp, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/bare/")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"gunicorn did not start; see {tmp / 'gunicorn.log'}")


def fetch(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
    r = conn.getresponse()
    return r.status, r.read()


def load(port: int, path: str, cookie: str, check, seconds: float) -> dict:
    """CLIENTS threads, each with its own keep-alive connection, for `seconds`."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    start = threading.Barrier(CLIENTS + 1)

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine, bad = [], []
        start.wait()
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                status, body = fetch(conn, path, cookie)
            except (OSError, http.client.HTTPException) as err:
                bad.append(f"{type(err).__name__}: {err}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                continue
            mine.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                bad.append(f"status {status}")
            elif (why := check(body)) is not None:
                bad.append(why)
        conn.close()
        with lock:
            times.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    return {
        "n": len(times),
        "median": statistics.median(times) if times else float("nan"),
        "p95": p95,
        "rps": len(times) / wall,
        "errors": errors,
    }


def checks(data: dict):
    from django.utils.html import escape

    names = [n.encode() for n in data["units"]]
    first_lines = [ln for ln in data["draft_text"].splitlines() if ln.strip()][:3]
    marks = [escape(ln).encode() for ln in first_lines] + [b'id="draft-text"']
    tail = escape(data["draft_text"].rstrip()[-200:]).encode()

    def period_ok(body: bytes) -> str | None:
        missing = [n for n in names if n not in body]
        return f"{len(missing)} unit names missing" if missing else None

    def draft_ok(body: bytes) -> str | None:
        if not all(m in body for m in marks) or tail not in body:
            return "draft text missing"
        return None

    return period_ok, draft_ok, lambda body: None if body == b"ok" else "bare body"


# ---------------------------------------------------------------------------------------------
# Where the time goes, in-process.


def profile(data: dict) -> None:
    import cProfile
    import pstats

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from baocao.cycle.checking import check_text

    user = get_user_model().objects.get(pk=data["office"])
    pk = data["period"]
    with override_settings(ALLOWED_HOSTS=["*"]):
        client = Client()
        client.force_login(user)
        for name, path in (("completeness", f"/ky/{pk}/"), ("editor", f"/ky/{pk}/tong-hop/")):
            client.get(path)  # warm
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                r = client.get(path)
                ms = (time.perf_counter() - t0) * 1000
            print(
                f"\n{name}: {ms:.1f} ms in-process, status {r.status_code}, "
                f"{len(r.content) / 1024:.0f} KB, {len(q)} SQL queries"
            )
            prof = cProfile.Profile()
            prof.enable()
            client.get(path)
            prof.disable()
            st = pstats.Stats(prof)
            ours = r"baocao|template/(base|loader_tags|defaulttags)"
            st.sort_stats("cumulative").print_stats(ours, 12)
            st.sort_stats("tottime").print_stats(12)
    text = data["draft_text"]
    t0 = time.perf_counter()
    rows = check_text(text, whole=True)
    ms = (time.perf_counter() - t0) * 1000
    print(
        f"check_text(draft, whole=True) alone: {ms:.1f} ms on {len(text.encode()) / 1024:.0f} KB, "
        f"{len(rows)} findings"
    )


# ---------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--database-url", help="PostgreSQL URL (the database is created and dropped)")
    ap.add_argument("--seconds", type=float, default=20.0, help="load per page (default 20)")
    ap.add_argument("--profile", action="store_true", help="profile each page in-process too")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="baocao-bench-web-"))
    url = args.database_url or f"sqlite:///{tmp / 'data' / 'baocao.sqlite3'}"
    (tmp / "data" / "static").mkdir(parents=True)  # STATIC_ROOT, or whitenoise warns
    if args.database_url:
        create_pg_database(url)
    env = setup_env(tmp, url)
    server = None
    try:
        data = generate()
        cookie = session_cookie(data["office"])
        from django.db import connections

        connections.close_all()
        port = free_port()
        server = start_server(env, tmp, port)
        period_ok, draft_ok, bare_ok = checks(data)
        pk = data["period"]
        pages = [
            ("bare Django view /bare/ (peer)", "/bare/", bare_ok),
            (f"completeness page /ky/{pk}/", f"/ky/{pk}/", period_ok),
            (f"consolidated editor /ky/{pk}/tong-hop/", f"/ky/{pk}/tong-hop/", draft_ok),
        ]
        # warm every worker and thread
        for _, path, _ in pages:
            load(port, path, cookie, lambda b: None, 1.0)
        results = []
        for name, path, check in pages:
            r = load(port, path, cookie, check, args.seconds)
            results.append((name, r))
            print(f"{name}: {r['n']} requests, {len(r['errors'])} bad", flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)

    engine = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    print(
        f"\n{UNITS} units, {MONTHS} monthly periods, {engine}; gunicorn 2 workers × 8 threads; "
        f"{CLIENTS} concurrent keep-alive clients, {args.seconds:.0f} s per page; "
        f"{os.cpu_count()} CPUs; latest period {data['label']}\n"
    )
    bare = results[0][1]["median"]
    print(f"{'page':<44} {'requests':>8} {'median':>10} {'p95':>10} {'req/s':>8} {'× bare':>8}")
    failed = False
    for i, (name, r) in enumerate(results):
        ratio = r["median"] / bare if bare else float("nan")
        print(
            f"{name:<44} {r['n']:>8} {r['median']:>7.1f} ms {r['p95']:>7.1f} ms "
            f"{r['rps']:>8.1f} {ratio:>7.1f}×"
        )
        if r["errors"]:
            failed = True
            print(f"    {len(r['errors'])} bad answers, e.g. {r['errors'][:3]}")
        if i > 0 and (r["median"] >= BOUND_MEDIAN_MS or r["p95"] >= BOUND_P95_MS):
            failed = True
            print(f"    bound broken (median < {BOUND_MEDIAN_MS:.0f}, p95 < {BOUND_P95_MS:.0f} ms)")
    if args.profile:
        profile(data)
    from django.db import connections

    connections.close_all()
    if args.database_url:
        create_pg_database(url, drop=True)
    if args.keep:
        print(f"kept {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    print("FAIL" if failed else "OK: bounds hold")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
