import json

import pytest

from baocao.cycle.models import Submission
from baocao.indicators.models import Value
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _post(client, sub, values):
    return client.post(
        "/api/values",
        json.dumps({"submission": sub.pk, "values": values}),
        content_type="application/json",
    )


def test_catalogue_targets_and_values_with_the_pages_permissions(cast, period, thu):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    a = client_for(cast.reporter_a)
    assert _post(a, sub, {"thu-nsnn": "88,8"}).json() == {"saved": 1, "errors": {}, "warnings": {}}
    office = client_for(cast.compiler)
    assert office.get("/api/indicators").json()[0]["code"] == "thu-nsnn"
    assert office.get("/api/targets?year=2023").json()[0]["value"] == 1057.1
    assert office.get("/api/values?year=2023&month=2").json()[0]["value"] == 88.8
    assert client_for(cast.outsider).get("/api/values?year=2023").json() == []
    assert client_for(cast.reporter_b).get("/api/indicators").json() == []


def test_bad_values_are_refused_whole_and_strangers_cannot_post(cast, period, thu):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    r = _post(client_for(cast.reporter_a), sub, {"thu-nsnn": "nhiều"})
    assert r.status_code == 400 and "thu-nsnn" in r.json()["errors"]
    assert _post(client_for(cast.reporter_b), sub, {"thu-nsnn": "1"}).status_code == 404
    assert _post(client_for(cast.leader), sub, {"thu-nsnn": "1"}).status_code == 403
    from django.test import Client

    assert Client().get("/api/indicators").status_code == 401
    assert not Value.objects.exists()
