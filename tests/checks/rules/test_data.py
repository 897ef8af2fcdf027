"""data.indicator: the narrative's figures against the values entered as data."""

from baocao.checks.run import check_document
from baocao.document.compose import parse_markdown

THU = {"names": ["Tổng thu NSNN"], "unit": "tỷ đồng", "values": [88.8, 43.6], "decimals": 1}
CAY = {
    "names": ["Trồng cây nhân dân", "cây nhân dân"],
    "unit": "cây",
    "values": [88000],
    "decimals": 0,
}


def _findings(text, *indicators):
    found = check_document(parse_markdown(text), options={"indicators": list(indicators)})
    return [f for f in found if f.rule == "data.indicator"]


def test_the_entered_figure_passes():
    assert _findings("Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán.", THU) == []
    # the period's own value is also what a sentence may state
    assert _findings("Tổng thu NSNN trong tháng là 43,6 tỷ đồng.", THU) == []


def test_a_figure_changed_by_hand_is_an_error_with_the_entered_value():
    (f,) = _findings("Tổng thu NSNN đến 20/02/2023 là 98,8 tỷ đồng, đạt 8,4% dự toán.", THU)
    assert f.severity == "error" and "88,8" in f.message and f.suggestion == "88,8 tỷ đồng"


def test_rounding_at_the_written_precision_is_not_an_error():
    assert _findings("Tổng thu NSNN là 89 tỷ đồng.", THU) == []
    assert len(_findings("Tổng thu NSNN là 90 tỷ đồng.", THU)) == 1


def test_aliases_and_other_units_and_other_sentences():
    assert (
        len(_findings("Phong trào trồng cây nhân dân đã trồng 80.000 cây, đạt 80% KH.", CAY)) == 1
    )
    # a figure in another unit, or in the next sentence, is not this indicator's
    assert _findings("Tổng thu NSNN tăng nhanh. Chi 35,7 tỷ đồng cho xã.", THU) == []
    assert _findings("Tổng thu NSNN gồm 12 khoản.", THU) == []


def test_nothing_without_indicator_data():
    doc = parse_markdown("Tổng thu NSNN là 98,8 tỷ đồng.")
    assert not [f for f in check_document(doc) if f.rule == "data.indicator"]
