"""The system checks `baocao serve` prints: what the machine lacks for PDF output."""

from __future__ import annotations

from baocao.web.checks import liberation_fonts_present, libreoffice_present


def test_this_machine_has_libreoffice_and_the_fonts():
    assert libreoffice_present(None) == []
    assert liberation_fonts_present(None) == []


def test_a_machine_without_them_is_told_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no soffice, no fc-list
    (office,) = libreoffice_present(None)
    (fonts,) = liberation_fonts_present(None)
    assert office.id == "baocao.W001" and "libreoffice-writer-nogui" in office.hint
    assert fonts.id == "baocao.W002" and "fonts-liberation2" in fonts.hint
