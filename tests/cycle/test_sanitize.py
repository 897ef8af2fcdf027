from baocao.cycle.sanitize import clean_text


def test_markup_and_control_characters_are_dropped():
    assert (
        clean_text("Kết nạp <b>21</b> đảng viên\x00<script>x()</script>") == "Kết nạp 21 đảng viên"
    )


def test_plain_text_with_comparisons_is_kept():
    assert clean_text("tăng < 5% so với cùng kỳ, 3 > 2") == "tăng < 5% so với cùng kỳ, 3 > 2"


def test_the_checkers_ignore_marker_survives():
    text = "Bộ chính trị <!-- baocao-ignore cap.org --> <i>x</i>"
    assert clean_text(text) == "Bộ chính trị <!-- baocao-ignore cap.org --> x"


def test_text_is_put_in_nfc():
    assert clean_text("Hoa\u0300") == "Hoà"
