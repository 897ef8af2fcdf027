"""The checker's fast scanners give what the plain definitions give, on any text.

Each was rewritten for speed (parentheses walked instead of characters, a vowel pair found
before its word, lines without an ambiguous tone left alone); the plain forms stay here as the
reference they must agree with.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from baocao.checks.quantities import _depths
from baocao.checks.rules.language import _SENTENCE_START, _two_placements
from baocao.text.normalize import LOWER, UPPER, nfc, unify_tone, unify_tones

# Letters where the scanners look (oa/oe/uy with tones, q, capitals), spaces and punctuation.
_TEXT = st.text(alphabet='hoaàáạeèéuyỳýỷqQHOÀUỶ vtr.?!()“"TPđ12', max_size=60)


def _plain_depths(text: str) -> list[int]:
    depth, out = 0, []
    for c in text:
        if c == "(":
            depth += 1
        out.append(depth)
        if c == ")":
            depth = max(0, depth - 1)
    return out


_PLAIN_TWO_PLACEMENTS = re.compile(
    r"(?i)(?<![^\W\d_])[^\W\d_]*(?<!q)(?:[òóỏõọ][ae]|o[àáảãạèéẻẽẹ]|[ùúủũụ]y|u[ỳýỷỹỵ])(?![^\W\d_])"
)
_PLAIN_SENTENCE_START = re.compile(
    r"(?<![.\s][a-zđ])(?<!\bv\.v)(?<!\btr)(?<!\bTP)(?<!\bTp)[.?!]\s+[\u201c\"]?([^\W\d_])"
)


@settings(max_examples=300)
@given(_TEXT)
def test_parenthesis_depths(text):
    depth = _depths(text)
    assert [depth(i) for i in range(len(text))] == _plain_depths(text)


@settings(max_examples=300)
@given(_TEXT)
def test_two_tone_placements(text):
    plain = [(m.start(), m.group(0)) for m in _PLAIN_TWO_PLACEMENTS.finditer(text)]
    assert list(_two_placements(text)) == plain


@settings(max_examples=300)
@given(_TEXT)
def test_sentence_starts(text):
    def starts(pattern):
        return [(m.start(), m.group(1)) for m in pattern.finditer(text)]

    assert starts(_SENTENCE_START) == starts(_PLAIN_SENTENCE_START)


@settings(max_examples=300)
@given(_TEXT)
def test_unified_tones(text):
    assert unify_tones(text) == re.sub(r"\w+", lambda m: unify_tone(m.group(0)), nfc(text))


_PLAIN_NAMING = re.compile(
    r"(năm|tháng|ngày|quý|lần thứ|thứ|(?<!tổng )số|khóa|khoá|lớp|Quốc lộ|QL|Tỉnh lộ|đợt|cụm|kỳ|mức|"
    r"giai đoạn|nhiệm kỳ|Chỉ thị|Nghị quyết|Nghị định|Kết luận|Kế hoạch|Quyết định|"
    r"Thông tư|Điều|khoản|điểm|K|tuổi)\s*$",
    re.I,
)


@settings(max_examples=300)
@given(
    st.text(alphabet="năm thángsố tổngkK lớpQuốc lộ(:", max_size=14).filter(
        lambda t: not t or not t[-1].isalnum()  # a number never follows a letter directly
    )
)
def test_words_that_make_a_number_a_name(before):
    from baocao.checks.quantities import _names_number

    assert _names_number(before) == bool(_PLAIN_NAMING.search(before))


@settings(max_examples=300, deadline=None)  # the first example loads the word lists
@given(st.text(alphabet="hoà Quý2_ .,\n\t-xã", max_size=60))
def test_a_line_cut_into_syllables(text):
    import itertools

    from baocao.checks.rules.language import _Line

    toks = list(re.finditer(r"[^\W\d_]+", text))
    line = _Line.of(text, frozenset())
    assert line.words == [t.group(0) for t in toks]
    assert line.starts == [t.start() for t in toks]
    assert line.linked == [text[a.end() : b.start()] == " " for a, b in itertools.pairwise(toks)]


def _plain_cover(keys, linked, known):
    """The syllables some listed word, known phrase or attested pair holds, and the common words
    of the line: every run of 2-4 linked syllables looked up (the definition the bulk pair pass
    and the lazy walk of `_Line` must agree with)."""
    from baocao.checks.lexicon import lexicon

    lex = lexicon()
    prefixes = lex.prefixes | {
        " ".join(p.split(" ")[:n]) for p in known for n in range(2, p.count(" ") + 1)
    }
    covered, common = set(), []
    for j in range(len(keys) - 1):
        for k in range(j + 2, min(j + lex.longest, len(keys)) + 1):
            if not all(linked[j : k - 1]):
                break
            pk = " ".join(keys[j:k])
            if k - j == 2 and pk in lex.attested:
                covered.update((j, j + 1))
            if pk in lex.established or pk in known:
                covered.update(range(j, k))
                common.append((j, k))
            elif pk in lex.words:
                covered.update(range(j, k))
            if pk not in prefixes:
                break
    return covered, common


_KNOWN = ["tổng mức", "chuyên biến", "phong trào thi đua yêu", "lẻ cung đông", "lẻ, cung"]
# Syllables of words the lists hold, typos of them, and whole phrases so that long words occur.
_PIECES = [
    *"""chuyển chuyên biến tích cực công tác cán bộ chiến binh cựu cửu hội nông dân thi đua yêu
    nước ban chấp hành ủy viên tổng mức bán lẻ đông đồng hành cùng cung""".split(),  # noqa: SIM905
    *_KNOWN,
    *("cựu chiến binh", "ban chấp hành trung ương", "tổng mức bán lẻ", "đồng hành cùng"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", " ", ", ", "  "])),
        max_size=24,
    ),
    st.sets(st.sampled_from(_KNOWN)),
)
@example([("lẻ, cung", " ")], {"lẻ, cung"})  # a known phrase with a comma covers nothing
def test_the_syllables_left_alone_and_the_words_a_fix_may_not_cut(pieces, known):
    from baocao.checks.rules.language import _Line

    text = "".join(w + sep for w, sep in pieces)
    line = _Line.of(text, frozenset(known))
    covered, common = _plain_cover(line.keys, line.linked, frozenset(known))
    alone = [i for i in line.alone() if not line.in_long_word(i)]
    assert alone == [i for i in range(len(line.words)) if i not in covered]
    n = len(line.words)
    for j in range(n):
        for k in range(j + 2, min(j + 4, n) + 1):
            cuts = any(a < k and b > j and (a < j or b > k) for a, b in common)
            assert line.cuts_common_word(j, k) == cuts


# The doubled-word scan's plain definition: a syllable, or two, written again right after.
_PLAIN_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?: [^\W\d_]+)?) ((?i:\1))(?![^\W\d_])")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["các", "Các", "CÁC", "triển", "khai", "Khai", "ca", "c2"]),
            st.sampled_from([" ", " ", " ", "  ", ", ", "-"]),
        ),
        max_size=14,
    )
)
def test_syllables_written_twice(pieces):
    from baocao.checks.rules.language import _doubled_at, _Syllables

    text = "".join(w + sep for w, sep in pieces)
    cut = _Syllables(text)
    found = [
        (cut.starts[i], cut.starts[i + 2 * n - 1] + len(cut.words[i + 2 * n - 1]))
        for i, n in _doubled_at(cut)
    ]
    assert found == [m.span() for m in _PLAIN_DOUBLED.finditer(text)]


_PLAIN_NAME = re.compile(rf"(?<![\w])([{UPPER}]\w*(?:\s+[{UPPER}]\w*)+)")
_PLAIN_NAME_CONTEXT = re.compile(
    r"(xã|phường|thị trấn|thôn|xóm|chợ|huyện|tỉnh|đền|chùa|núi|sông)\s+$", re.I
)


def _plain_names_in(text):
    from baocao.checks.rules.consistency import _SINGLE_NAME

    for m in _PLAIN_NAME.finditer(text):
        if _PLAIN_NAME_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]):
            yield m.group(1), m.start(1), m.end(1)
    for m in _SINGLE_NAME.finditer(text):
        yield m.group(1), m.start(1), m.end(1)


@settings(max_examples=500)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    *"xã Xã XÃ Thị Tam Thanh chợ Chợ Viềng tphường Tphường mới 2 _x".split(),  # noqa: SIM905
                    "thị trấn",
                ]
            ),
            st.sampled_from([" ", " ", "  ", ", ", "      ", "\t"]),
        ),
        max_size=12,
    )
)
def test_names_after_place_words(pieces):
    from baocao.checks.rules.consistency import _names_in

    text = "".join(w + sep for w, sep in pieces)
    assert list(_names_in(text)) == list(_plain_names_in(text))


# Patterns rewritten so the regex engine can skip to their first character (the character
# matched before the look behind it, or a lookahead on first letters), and their plain forms.
_PLAIN_PATTERNS = {
    "baocao.checks.quantities._NUM": (
        r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
        r"(?:\s*/\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?))?"
        r"(?![\w/]|[.,]\d|\s*-\s*[A-ZĐ])"
    ),
    "baocao.checks.rules.consistency._DATE": r"(?<![\d/,.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])",
    "baocao.checks.rules.consistency._SINGLE_NAME": (
        rf"(?i:xã|chợ|thôn|đền)\s+([{UPPER}]\w*)(?=\s+[{LOWER}]|[,.;])"
    ),
    "baocao.checks.rules.style._RANGE": (
        r"(?<![\d/.,])((?:19|20)\d\d)(\s*[-–]\s*)((?:19|20)\d\d)(?![\d/])"
    ),
    "baocao.checks.rules.style._NUMBER": (
        r"(?<![\d/.,\w-])(\d{1,3}(?:\.\d{3})+|\d{4,})(?![\d/\w-]|[.,]\d)"
    ),
    "baocao.checks.rules.style._ADMIN": (
        rf"(?<=[{LOWER},;:] )(Xã|Phường|Thị trấn|Huyện|Tỉnh|Thôn) (?=[{UPPER}])(?!Ủy|Uỷ)"
    ),
    "baocao.checks.rules.form._ABBR": (
        r"(?<![\w/&-])([A-ZĐ][A-ZĐ&]{1,6}(?:-[A-ZĐ&]{1,6})*)(?![\w/&-])"
    ),
    "baocao.checks.rules.arithmetic._MARKER": (
        r"(?i)(?<!\w)(bao gồm|gồm có|gồm|trong đó|cụ thể)(?!\w)\s*:?"
    ),
    "baocao.checks.rules.arithmetic._TOTAL_WORD": r"(?i)(?<!\w)tổng(?!\w)",
}
_PIECES_OF_FIGURES = st.tuples(
    st.sampled_from(
        [
            *"0 1 2 9 19 20 31 02 2023 1.234 12.345 123.456,7 12,5 / . , - – : ; ( ) &".split(),  # noqa: SIM905
            *("x", "a", "An", "Hà", "HĐND", "UBND-VP", "Ủy", "ĐỀN", "đền"),
            *("Xã", "xã", "Chợ", "Phường", "Thị trấn", "Thôn", "thôn", "Huyện", "Tỉnh"),
            *("gồm", "Gồm có", "trong đó", "TRONG ĐÓ", "cụ thể", "tổng", "Tổng", "xtổng"),
        ]
    ),
    st.sampled_from([" ", " ", " ", "", "  ", "\n"]),
)


@settings(max_examples=600)
@given(st.lists(_PIECES_OF_FIGURES, max_size=16))
def test_patterns_rewritten_for_speed_match_as_before(pieces):
    import importlib

    text = "".join(w + sep for w, sep in pieces)
    for where, plain in _PLAIN_PATTERNS.items():
        module, name = where.rsplit(".", 1)
        fast = getattr(importlib.import_module(module), name)
        expected = [(m.span(), m.groups()) for m in re.finditer(plain, text, fast.flags)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, where


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.capitalize(), word.lower())[how]


@settings(max_examples=400)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    *"ban bí thư chấp hành trung ương thường vụ hội nông dân liên hiệp".split(),  # noqa: SIM905
                    *"phụ nữ ủy uỷ kiểm tra chính phủ quốc bộ trị nhân x các".split(),  # noqa: SIM905
                    *(
                        "ban chấp hành",
                        "ban chấp hành trung ương",
                        "hội nông dân",
                        "uỷ ban kiểm tra",
                    ),
                    *("bộ chính trị", "ban bí thư", "mặt trận tổ quốc việt nam", "chính phủ"),
                ]
            ),
            st.integers(0, 3),
            st.sampled_from([" ", " ", " ", ", ", "", "İ"]),
        ),
        max_size=14,
    )
)
def test_official_names_found_as_by_a_case_blind_search(pieces):
    from baocao.checks.rules.style import _ANY_NAME, OFFICIAL_NAMES, _lower_same_length

    text = unify_tones("".join(_cased(w, how) + sep for w, how, sep in pieces))
    plain = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(unify_tones(n)) for n in OFFICIAL_NAMES) + r")(?!\w)",
        re.I,
    )
    key = _lower_same_length(text)
    assert len(key) == len(text)
    assert [m.span() for m in _ANY_NAME.finditer(key)] == [m.span() for m in plain.finditer(text)]
