"""Indicators of the shared cast's body, as the sample writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.fixture
def thu(cast):
    """Tổng thu NSNN, reported by unit A, with the sample's budget estimate as 2023 target."""
    from baocao.indicators.models import Indicator, Target

    ind = Indicator.objects.create(
        body=cast.body,
        code="thu-nsnn",
        name="Tổng thu NSNN",
        unit_name="tỷ đồng",
        decimals=1,
        target_kind="estimate",
        reporter=cast.unit_a,
        order=1,
    )
    Target.objects.create(indicator=ind, year=2023, value=Decimal("1057.1"))
    return ind


@pytest.fixture
def cay(cast):
    """Trồng cây nhân dân, reported by unit A, no target."""
    from baocao.indicators.models import Indicator

    return Indicator.objects.create(
        body=cast.body,
        code="trong-cay",
        name="Trồng cây nhân dân",
        unit_name="cây",
        reporter=cast.unit_a,
        order=2,
    )
