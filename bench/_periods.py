"""Shared by the benchmarks: a body's run of monthly periods, the latest one open."""

from __future__ import annotations


def monthly_periods(body, outline, keys: list[tuple[int, int]]):
    """Periods for the (year, month)s in `keys`, in one bulk insert; all issued but the last."""
    from baocao.cycle import periods
    from baocao.cycle.models import Period, PeriodStatus

    rows = []
    for n, (y, m) in enumerate(keys):
        cutoff, deadline = periods.default_dates("month", y, m, body.cutoff_day, body.deadline_day)
        rows.append(
            Period(
                body=body,
                outline=outline,
                kind="month",
                year=y,
                number=m,
                cutoff=cutoff,
                deadline=deadline,
                status=PeriodStatus.OPEN if n == len(keys) - 1 else PeriodStatus.ISSUED,
            )
        )
    return Period.objects.bulk_create(rows)
