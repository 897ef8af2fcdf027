"""`baocao manage indicators_rebuild`: the monthly rollup again from the values (after values
were loaded in bulk, outside `Value.save`)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from baocao.indicators.models import Indicator
from baocao.indicators.rollup import rebuild


class Command(BaseCommand):
    help = "Tính lại bảng tổng hợp theo tháng của mọi chỉ tiêu từ số liệu đã nhập."

    def handle(self, *args, **options) -> None:
        months = rebuild(Indicator.objects.all())
        self.stdout.write(f"baocao: đã tính lại {months} tháng số liệu chỉ tiêu")
