"""Document references: type, number, code and date, as cited in the sample."""

from __future__ import annotations

from baocao.text.references import extract_references


def test_it_reads_the_sample_citations(sample_doc):
    refs = {r.text: r for r in sample_doc.references}
    r = refs["Kế hoạch số 31-KH/HU, ngày 09/02/2023"]
    assert (r.type, r.number, r.code, r.date) == ("Kế hoạch", "31", "31-KH/HU", "2023-02-09")
    r = refs["Thông tư 04/2023/TT-BTC"]
    assert (r.number, r.code) == ("04", "04/2023/TT-BTC")
    r = refs["Nghị định số 02"]
    assert (r.number, r.code, r.date) == ("02", "", "")
    r = refs["kết luận số 2326/KL-TTCTP ngày 29/12/2022"]
    assert (r.type, r.code, r.date) == ("Kết luận", "2326/KL-TTCTP", "2022-12-29")


def test_a_state_decree_code_with_its_year():
    (r,) = extract_references("theo Nghị định 30/2020/NĐ-CP của Chính phủ")
    assert (r.type, r.number, r.code) == ("Nghị định", "30", "30/2020/NĐ-CP")
