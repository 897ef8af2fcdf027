"""Indicators at size: the dashboard of a body and the year-to-date / % of target table.

    .venv/bin/python bench/bench_indicators.py
    .venv/bin/python bench/bench_indicators.py --database-url postgresql://postgres@127.0.0.1:5432/bench_ind

A fresh database (SQLite in a temporary folder by default; with --database-url the named
PostgreSQL database is created, and dropped at the end) holds one body, 100 units, 300
indicators (two in three summed over the year, one in three "last value"; every tenth the total
of the next three; a reporting unit each; annual targets for four in five), 120 monthly periods
(ten years, 2017–2026) and a value for every indicator, unit and month: 300 × 100 × 120 =
3.6 million rows, loaded with executemany (SQLite) or COPY (PostgreSQL), then ANALYZE.

Measured in-process with Django's test client, logged in as the body's office compiler, after
a warm-up, --requests times each, one after another: the dashboard at the latest period
(/chi-tieu/<body>/, which looks the latest period up itself, and with ?ky=<pk>), the table
page of the latest period (/chi-tieu/ky/<pk>/), `tables.progress_table(period)` alone, and the
peer: one plain SQL aggregate of the same year-to-date sums per indicator, for the year and the
year before. The table's year-to-date figures are checked against the peer's sums.

Bounds (issue 5): dashboard median < 300 ms, table page median < 100 ms; the exit status is 1
when one is broken. With --profile, each page is timed once more with its SQL queries listed
(slowest first) and profiled with cProfile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS = 100
INDICATORS = 300
FIRST_YEAR = 2017
YEARS = 10
BOUND_DASHBOARD_MS = 300.0
BOUND_TABLE_MS = 100.0

COLUMNS = ("indicator_id", "unit_id", "year", "month", "period_id", "value", "updated_at")


def setup_env(tmp: Path, database_url: str) -> None:
    os.environ.update(
        {
            "BAOCAO_DATA_DIR": str(tmp / "data"),
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "baocao.web.settings",
            "BAOCAO_SECRET_KEY": "bench-" + "x" * 50,
            "BAOCAO_LOG_LEVEL": "ERROR",
        }
    )
    sys.path.insert(0, str(ROOT / "src"))


def pg_database(url: str, *, drop: bool = False) -> None:
    import psycopg
    from psycopg import sql

    head, _, name = url.rpartition("/")
    name = name.split("?")[0]
    with psycopg.connect(f"{head}/postgres", autocommit=True) as conn:
        drop_it = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop_it.format(sql.Identifier(name)))
        if not drop:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# ---------------------------------------------------------------------------------------------
# The data.


def indicator_specs(rng: random.Random) -> list[dict]:
    """Blocks of ten: the first is the total of the next three (all summed over the year)."""
    specs = []
    for i in range(INDICATORS):
        k = i % 10
        parent = i - k if 1 <= k <= 3 else None
        how = "sum" if k <= 3 or rng.random() < 0.5 else "last"
        specs.append(
            {
                "code": f"ct-{i + 1:03d}",
                "name": f"Chỉ tiêu số {i + 1} ({'lũy kế' if how == 'sum' else 'cuối kỳ'})",
                "time_agg": how,
                "parent": parent,
                "target": rng.random() < 0.8,
                "ceiling": Decimal("3.00") if rng.random() < 0.3 else None,
                "decimals": 0 if how == "sum" else 1,
                "base": rng.randint(5, 500),
            }
        )
    return specs


def value_rows(specs, unit_ids, ind_ids, period_of, rng: random.Random):
    """(indicator, unit, year, month, period, value, updated_at) for every cell, in the order of
    the unique index; a total is the sum of its parts."""
    stamp = "2026-11-20 08:00:00+00"
    months = [(y, m) for y in range(FIRST_YEAR, FIRST_YEAR + YEARS) for m in range(1, 13)]
    parts_of: dict[int, list[int]] = {}
    for i, s in enumerate(specs):
        if s["parent"] is not None:
            parts_of.setdefault(s["parent"], []).append(i)
    # the parts' values first, so that a total can add them up
    cache: dict[int, list[list[int]]] = {}

    def grid(i: int) -> list[list[int]]:
        if i in cache:
            return cache[i]
        if i in parts_of:
            g = [
                [sum(cols) for cols in zip(*(grid(p)[u] for p in parts_of[i]), strict=True)]
                for u in range(len(unit_ids))
            ]
        else:
            base = specs[i]["base"]
            g = [
                [base + rng.randint(0, base) + (y - FIRST_YEAR) * base // 10 for y, _ in months]
                for _ in unit_ids
            ]
        if specs[i]["parent"] is not None or i in parts_of:
            cache[i] = g
        return g

    for i, ind in enumerate(ind_ids):
        g = grid(i)
        tenths = specs[i]["decimals"] == 1
        for u, unit in enumerate(unit_ids):
            row = g[u]
            for j, (y, m) in enumerate(months):
                v = row[j]
                yield (ind, unit, y, m, period_of[(y, m)], f"{v / 10:.1f}" if tenths else v, stamp)
        cache.pop(i, None)  # a total comes before its parts: neither is needed again


def generate(seed: int = 5) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from baocao.cycle.outline import builtin_outline, load_outline
    from baocao.indicators.models import Indicator, Target
    from baocao.org.models import Body, Membership, Role, Unit

    rng = random.Random(seed)
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t_migrate = time.perf_counter() - t0

    body = Body.objects.create(name="UBND HUYỆN VỤ BẢN", code="UBND", style="state")
    units = Unit.objects.bulk_create(
        Unit(body=body, name=f"UBND xã số {i + 1:03d}", code=f"xa-{i + 1:03d}", order=i + 1)
        for i in range(UNITS)
    )
    office = get_user_model().objects.create(username="vanphong", first_name="Văn phòng")
    Membership.objects.create(user=office, body=body, role=Role.COMPILER)
    outline = load_outline(body, "x", builtin_outline("party-monthly"))
    from _periods import monthly_periods

    keys = [(y, m) for y in range(FIRST_YEAR, FIRST_YEAR + YEARS) for m in range(1, 13)]
    plist = monthly_periods(body, outline, keys)
    period_of = {(p.year, p.number): p.pk for p in plist}

    specs = indicator_specs(rng)
    inds = Indicator.objects.bulk_create(
        Indicator(
            body=body,
            code=s["code"],
            name=s["name"],
            unit_name="tỷ đồng" if s["time_agg"] == "sum" else "%",
            decimals=s["decimals"],
            time_agg=s["time_agg"],
            unit_agg="sum",
            target_kind="plan" if s["target"] else "none",
            reporter=units[i % UNITS],
            ceiling=s["ceiling"],
            order=i + 1,
        )
        for i, s in enumerate(specs)
    )
    for i, s in enumerate(specs):
        if s["parent"] is not None:
            inds[i].parent = inds[s["parent"]]
    Indicator.objects.bulk_update([i for i in inds if i.parent_id], ["parent"])
    # a target a little above what the units reach: a year's sum ≈ 12 × 1.5 × base × units
    Target.objects.bulk_create(
        Target(indicator=ind, year=y, value=Decimal(s["base"] * UNITS * 19))
        if s["time_agg"] == "sum"
        else Target(indicator=ind, year=y, value=Decimal(s["base"] * UNITS * 2 // 10))
        for ind, s in zip(inds, specs, strict=True)
        if s["target"]
        for y in range(FIRST_YEAR, FIRST_YEAR + YEARS)
    )
    t_small = time.perf_counter() - t0

    rows = value_rows(specs, [u.pk for u in units], [i.pk for i in inds], period_of, rng)
    t1 = time.perf_counter()
    n = 0
    # The table's indexes are dropped during the load and built again after it (in one sorted
    # pass each): maintaining five of them row by row made the load 4× slower.
    indexes = drop_indexes()
    if connection.vendor == "postgresql":
        copy = f"COPY indicators_value ({', '.join(COLUMNS)}) FROM STDIN"
        with transaction.atomic(), connection.cursor() as cur, cur.cursor.copy(copy) as cp:
            for r in rows:
                cp.write_row(r)
                n += 1
    else:
        insert = f"INSERT INTO indicators_value ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)"
        # the sqlite3 connection under Django's, in autocommit mode: BEGIN/COMMIT by hand, or
        # every row is its own transaction
        raw = connection.cursor().connection
        raw.execute("PRAGMA synchronous=OFF")
        batch: list[tuple] = []

        def flush() -> None:
            raw.execute("BEGIN")
            raw.executemany(insert, batch)
            raw.execute("COMMIT")

        for r in rows:
            batch.append(r)
            if len(batch) == 200_000:
                flush()
                n += len(batch)
                batch = []
        flush()
        n += len(batch)
    t_rows = time.perf_counter() - t1
    with connection.cursor() as cur:
        for create in indexes:
            cur.execute(create)
    if connection.vendor == "sqlite":
        raw.execute("PRAGMA synchronous=NORMAL")
    t_load = time.perf_counter() - t1
    # the monthly rollup the pages read: a bulk load writes no Value.save(), so rebuild it
    from baocao.indicators.rollup import rebuild

    t_r = time.perf_counter()
    rebuild(inds)
    t_rollup = time.perf_counter() - t_r
    t2 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    t_analyze = time.perf_counter() - t2
    print(
        f"generated: migrate {t_migrate:.1f} s, catalogue {t_small - t_migrate:.1f} s, "
        f"{n:,} values loaded in {t_load:.1f} s (rows {t_rows:.1f} s, indexes "
        f"{t_load - t_rows:.1f} s; {n / t_load:,.0f} rows/s), "
        f"rollup {t_rollup:.1f} s, ANALYZE {t_analyze:.1f} s",
        flush=True,
    )
    return {
        "body": body.pk,
        "period": plist[-1].pk,
        "office": office.pk,
        "n_values": n,
        "load_s": t_load,
        "analyze_s": t_analyze,
        "sum_ids": [ind.pk for ind, s in zip(inds, specs, strict=True) if s["time_agg"] == "sum"],
    }


def drop_indexes() -> list[str]:
    """Drop the values table's indexes (the primary key and unique constraints excepted on
    PostgreSQL, whose index backs the constraint); returns the statements that rebuild them."""
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = "
                "'indicators_value' AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)"
            )
        else:
            cur.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'indicators_value' AND sql IS NOT NULL"
            )
        found = cur.fetchall()
        for name, _ in found:
            cur.execute(f'DROP INDEX "{name}"')
    return [create for _, create in found]


def sizes() -> list[tuple[str, int]]:
    """(table or index, bytes) for the values table and its indexes."""
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(
                "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c "
                "WHERE c.relname = 'indicators_value' OR c.oid IN (SELECT indexrelid FROM "
                "pg_index WHERE indrelid = 'indicators_value'::regclass) ORDER BY 2 DESC"
            )
            return list(cur.fetchall())
        try:
            cur.execute(
                "SELECT name, SUM(pgsize) FROM dbstat WHERE tbl_name = 'indicators_value' "
                "GROUP BY name ORDER BY 2 DESC"
            )
            return list(cur.fetchall())
        except Exception:  # dbstat not compiled in
            cur.execute("PRAGMA page_count")
            (pages,) = cur.fetchone()
            cur.execute("PRAGMA page_size")
            return [("whole database", pages * cur.fetchone()[0])]


# ---------------------------------------------------------------------------------------------
# The measurements.


def timed(fn, n: int) -> dict:
    fn()  # warm
    fn()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "n": n,
        "median": statistics.median(times),
        "p95": times[min(n - 1, round(0.95 * (n - 1)))],
    }


def peer_sql(year: int, month: int) -> dict[tuple[int, int], Decimal]:
    """The same year-to-date sums, plain SQL: {(indicator, year): sum}."""
    from django.db import connection

    sql = (
        "SELECT indicator_id, SUM(value) FROM indicators_value "
        "WHERE year = %s AND month <= %s GROUP BY indicator_id"
    )
    out = {}
    with connection.cursor() as cur:
        for y in (year, year - 1):
            cur.execute(sql, [y, month])
            for ind, total in cur.fetchall():
                out[(ind, y)] = Decimal(str(total))
    return out


def agree(data: dict, period) -> str:
    from baocao.indicators import tables

    rows = {r.indicator.pk: r for r in tables.progress_table(period)}
    sums = peer_sql(period.year, period.number)
    checked = 0
    for ind in data["sum_ids"]:
        ytd = rows[ind].progress.ytd
        if ytd is None or abs(ytd - sums[(ind, period.year)]) > Decimal("0.01"):
            raise SystemExit(f"indicator {ind}: table says {ytd}, SQL {sums[(ind, period.year)]}")
        checked += 1
    return f"year-to-date of {checked} summed indicators equal the plain SQL sums"


def measure(data: dict, n: int) -> list[tuple[str, dict, float | None]]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings

    from baocao.cycle.models import Period
    from baocao.indicators import tables

    user = get_user_model().objects.get(pk=data["office"])
    period = Period.objects.select_related("body").get(pk=data["period"])
    body, pk = data["body"], data["period"]
    print(agree(data, period), flush=True)
    results = []
    with override_settings(ALLOWED_HOSTS=["*"]):
        client = Client()
        client.force_login(user)

        def page(path: str, must: bytes):
            def get():
                r = client.get(path)
                if r.status_code != 200 or must not in r.content:
                    raise SystemExit(f"{path}: status {r.status_code}, or {must!r} missing")

            return get

        peer = timed(lambda: peer_sql(period.year, period.number), n)
        results.append(("plain SQL year-to-date sums, 2 years (peer)", peer, None))
        cases = [
            (f"dashboard /chi-tieu/{body}/", page(f"/chi-tieu/{body}/", b"<svg"), "dashboard"),
            (
                f"dashboard /chi-tieu/{body}/?ky={pk}",
                page(f"/chi-tieu/{body}/?ky={pk}", b"<svg"),
                None,
            ),
            (
                f"table page /chi-tieu/ky/{pk}/",
                page(f"/chi-tieu/ky/{pk}/", "Chỉ tiêu số 300 ".encode()),
                "table",
            ),
            ("tables.progress_table(period) alone", lambda: tables.progress_table(period), None),
        ]
        for name, fn, bound in cases:
            r = timed(fn, n)
            r["bound"] = bound
            results.append((name, r, peer["median"]))
            print(f"{name}: median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms", flush=True)
    return results


def profile(data: dict) -> None:
    import cProfile
    import pstats

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    user = get_user_model().objects.get(pk=data["office"])
    body, pk = data["body"], data["period"]
    with override_settings(ALLOWED_HOSTS=["*"]):
        client = Client()
        client.force_login(user)
        for path in (f"/chi-tieu/{body}/", f"/chi-tieu/ky/{pk}/"):
            client.get(path)
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                client.get(path)
                ms = (time.perf_counter() - t0) * 1000
            sql_ms = sum(float(x["time"]) for x in q.captured_queries) * 1000
            print(f"\n{path}: {ms:.1f} ms, {len(q)} SQL queries taking {sql_ms:.1f} ms in all")
            for x in sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:6]:
                print(f"  {float(x['time']) * 1000:7.1f} ms  {x['sql'][:300]}")
            prof = cProfile.Profile()
            prof.enable()
            client.get(path)
            prof.disable()
            st = pstats.Stats(prof)
            st.sort_stats("cumulative").print_stats(r"baocao", 15)
            st.sort_stats("tottime").print_stats(10)


# ---------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--database-url", help="PostgreSQL URL (the database is created and dropped)")
    ap.add_argument("--requests", type=int, default=30, help="timed requests per page")
    ap.add_argument("--profile", action="store_true", help="list queries and profile each page")
    ap.add_argument("--keep", action="store_true", help="keep the database and temporary folder")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="baocao-bench-ind-"))
    (tmp / "data" / "static").mkdir(parents=True)
    url = args.database_url or f"sqlite:///{tmp / 'data' / 'baocao.sqlite3'}"
    if args.database_url:
        pg_database(url)
    setup_env(tmp, url)
    try:
        data = generate()
        store = sizes()
        results = measure(data, args.requests)
        if args.profile:
            profile(data)
    finally:
        from django.db import connections

        connections.close_all()
        if args.database_url and not args.keep:
            pg_database(url, drop=True)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    from django.db import connection

    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(
        f"\n{engine}: {UNITS} units, {INDICATORS} indicators, {YEARS * 12} monthly periods, "
        f"{data['n_values']:,} values (loaded in {data['load_s']:.1f} s, ANALYZE "
        f"{data['analyze_s']:.1f} s); {args.requests} sequential requests each, in-process; "
        f"{dt.date.today()}\n"
    )
    print("| table or index | size |\n|---|---|")
    for name, size in store:
        print(f"| {name} | {size / 2**20:,.0f} MB |")
    print("\n| measured | median | p95 | median vs peer | bound |\n|---|---|---|---|---|")
    broken = False
    for name, r, peer in results:
        ratio = f"{r['median'] / peer:.1f}×" if peer else "1×"
        bound = ""
        if r.get("bound"):
            limit = BOUND_DASHBOARD_MS if r["bound"] == "dashboard" else BOUND_TABLE_MS
            ok = r["median"] < limit
            broken |= not ok
            bound = f"{'holds' if ok else 'BROKEN'} (< {limit:.0f} ms)"
        print(f"| {name} | {r['median']:.1f} ms | {r['p95']:.1f} ms | {ratio} | {bound} |")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
