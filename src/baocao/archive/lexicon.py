"""Words a body has used before are not typos: phrases learned from its archive.

The diacritic rule flags a syllable that only a changed mark would make into a word with its
neighbour. A body's own terms ("Thái Bình xuyên ca", a local product, a programme's name) can
look like that. A phrase the rule would flag in at least `MIN_REPORTS` different archived
reports of the body is taken as the body's usage and passed to the checker as a known word.
One report is not enough: a real typo is usually written once, but a typo copied from last
month's report would come back; three reports is the compromise (see docs/checker-quality.md).

Each report's suspect phrases are found once, when it is archived (`suspects_in`, stored on
the row), so that the checker's options cost one query, not a pass over the whole archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from baocao.checks.rules.language import diacritic_fixes

MIN_REPORTS = 3


def suspects_in(text: str) -> list[str]:
    """The phrases the diacritic rule flags in one report, each once."""
    found = {_written_phrase(fix) for line in text.splitlines() for fix in diacritic_fixes(line)}
    return sorted(found)


def learned_phrases(reports: Iterable[list[str]], min_reports: int = MIN_REPORTS) -> set[str]:
    """Phrases among the reports' suspects that at least `min_reports` reports share."""
    seen: Counter[str] = Counter()
    for suspects in reports:
        seen.update(set(suspects))
    return {phrase for phrase, n in seen.items() if n >= min_reports}


def _written_phrase(fix) -> str:
    """The word the fix would complete, with the syllable as it was written."""
    syllables = fix.word.lower().split()
    wanted = fix.suggestion.lower()
    out = [fix.written.lower() if s == wanted else s for s in syllables]
    return " ".join(out)


def known_words(body) -> list[str]:
    """The body's learned phrases, from its archived reports' stored suspects."""
    from baocao.archive.models import ArchivedReport

    rows = ArchivedReport.objects.filter(body=body).values_list("suspects", flat=True)
    return sorted(learned_phrases(rows))
