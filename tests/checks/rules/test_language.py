"""Language rules on the real sample: its real typos are found; injected tone typos are caught."""

from __future__ import annotations

from baocao.checks.eval_typos import measure, report_lines
from baocao.checks.rules.language import diacritic_fixes
from baocao.checks.run import check_document
from baocao.document.canonical import canonical_text
from baocao.document.readers.text import parse_text
from baocao.document.structure import build_document
from tests.checks.helpers import doc_of, findings


def test_doubled_words_of_the_sample(sample_doc):
    flagged = findings(sample_doc, "lang.doubled-word")
    assert ("Triển triển", "Triển") in flagged
    assert ("nhiệm nhiệm", "nhiệm") in flagged
    assert all("Hội" not in text for text, _ in flagged)  # "đại hội Hội Nông dân" is fine


def test_reduplications_are_not_doubled_words():
    assert (
        findings("BÁO CÁO\n\nI. MỤC\n\nTừ từ cải thiện, ngày ngày cố gắng.", "lang.doubled-word")
        == []
    )


def test_real_tone_typos_of_the_sample_are_warnings_with_their_fix(sample_doc):
    canon = canonical_text(sample_doc)
    found = [f for f in check_document(sample_doc) if f.rule == "lang.diacritic"]
    warned = [(canon[f.start : f.end], f.suggestion) for f in found if f.severity == "warning"]
    for typo in [("chuyên", "chuyển"), ("Hướng", "Hưởng"), ("Đông", "Đồng"), ("Cửu", "Cựu")]:
        assert typo in warned
    assert warned.count(("Hướng", "Hưởng")) == 2
    assert len(warned) == 5  # no false alarm at warning level ("tổ chức lễ ra quân" is fine)


def test_a_sound_phrase_bent_into_a_rare_word_is_at_most_information():
    fixes = diacritic_fixes("đạt 100% KH (cây lạc 650 ha, rau các loại 300 ha)")
    assert [(f.written, f.common) for f in fixes] == [("lạc", False)]


def test_phrases_seen_in_real_text_are_not_typos():
    assert diacritic_fixes("tiếp tục trồng cây và đưa ra khỏi danh sách trong kỳ thi") == []


def test_known_words_of_the_body_are_never_flagged():
    line = "đã có chuyên biến tích cực"
    assert [f.suggestion for f in diacritic_fixes(line)] == ["chuyển"]
    assert diacritic_fixes(line, frozenset(["chuyên biến"])) == []
    doc = build_document(*parse_text("BÁO CÁO\n\nI. MỤC\n\nĐã có chuyên biến tích cực."))
    options = {"known_words": {"chuyên biến"}}
    assert [f for f in check_document(doc, options=options) if f.rule == "lang.diacritic"] == []


def test_names_in_capitals_are_left_alone():
    assert diacritic_fixes("tại xã Đông Hành và thôn Hướng Ứng") == []


def test_injected_tone_typos_are_caught():
    """300 one-mark typos in real words of the sample and the real reports (seed 7)."""
    recall = measure(report_lines(), 300, 7)
    assert recall.total == 300
    # measured: 283 caught (94.3 %), 268 of them at warning level (89.3 %)
    assert recall.any / recall.total >= 0.9
    assert recall.warning / recall.total >= 0.85


def test_mixed_tone_placement_is_information(sample_doc):
    flagged = findings(sample_doc, "lang.tone-style")
    assert ("uỷ", "ủy") in flagged
    doc = build_document(*parse_text("BÁO CÁO\n\nI. MỤC\n\nHuyện ủy và cấp ủy."))
    assert [f for f in check_document(doc) if f.rule == "lang.tone-style"] == []


def test_a_sentence_starting_in_lower_case(sample_doc):
    assert findings(sample_doc, "cap.sentence") == [("rà", "Rà"), ("rà", "Rà")]
    text = "BÁO CÁO\n\nI. MỤC\n\nCác loại cây, hoa, v.v. đều tốt... và còn nữa. Tốt."
    assert findings(text, "cap.sentence") == []


def test_mixed_tone_placement_keeps_the_case_of_the_word():
    text = "BÁO CÁO\n\nI. MỤC\n\nHuyện Uỷ họp; Huyện ủy và cấp ủy. Văn hoá, văn hóa và văn hóa."
    assert findings(text, "lang.tone-style") == [("Uỷ", "Ủy"), ("hoá", "hóa")]


def test_a_doubled_word_of_two_syllables_and_a_doubled_function_word():
    text = "BÁO CÁO\n\nI. MỤC\n\nTriển khai triển khai kế hoạch cho các các xã."
    assert findings(text, "lang.doubled-word") == [
        ("Triển khai triển khai", "Triển khai"),
        ("các các", "các"),
    ]


def test_lower_case_starts_by_severity():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nCác loại cây gồm:\n\n- cây lúa tốt.\n\n"
        "Họp xong. “rà soát” hộ nghèo; có 1.027 hộ ở TP. Hồ Chí Minh, Tp. Huế ./.\n\n"
        "đã họp.\n\nKết quả tốt... và còn nữa, v.v. đều tốt"
    )
    doc = doc_of(text)
    canon = canonical_text(doc)
    found = [
        (canon[f.start : f.end], f.suggestion, f.severity)
        for f in check_document(doc)
        if f.rule == "cap.sentence"
    ]
    assert found == [("cây", "Cây", "info"), ("rà", "Rà", "warning"), ("đã", "Đã", "warning")]
