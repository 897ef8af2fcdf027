import pytest

from baocao.archive.lexicon import known_words, learned_phrases, suspects_in
from baocao.archive.store import archive_document
from baocao.cycle.checking import check_text
from baocao.document.compose import parse_markdown


def _flagged(text, words=None):
    return [r for r in check_text(text, known_words=words) if r.rule == "lang.diacritic"]


def test_a_phrase_used_in_three_reports_is_the_bodys_usage_not_a_typo():
    text = "Phong trào đã có chuyên biến tích cực."
    assert _flagged(text)  # the rule sees a typo ...
    learned = learned_phrases([suspects_in(text)] * 3)
    assert "chuyên biến" in learned
    assert not _flagged(text, sorted(learned))  # ... which the body's archive overrides


def test_one_or_two_reports_teach_nothing():
    text = "Phong trào đã có chuyên biến tích cực."
    assert learned_phrases([suspects_in(text)] * 2) == set()
    assert learned_phrases([suspects_in(text), suspects_in("Một văn bản khác.")]) == set()


@pytest.mark.django_db
def test_the_archive_of_a_body_feeds_its_checks_and_another_bodys_does_not(cast):
    text = "- Phong trào đã có chuyên biến tích cực."
    for _ in range(3):
        archive_document(cast.body, parse_markdown(text), "x.txt", b"x")
    assert "chuyên biến" in known_words(cast.body)
    assert known_words(cast.other_body) == []
