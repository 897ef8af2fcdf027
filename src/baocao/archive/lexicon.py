"""Words a body has used before are not typos: phrases learned from its archive.

The diacritic rule flags a syllable that only a changed mark would make into a word with its
neighbour. A body's own terms ("Thái Bình xuyên ca", a local product, a programme's name) can
look like that. A phrase the rule would flag in at least `MIN_REPORTS` different archived
reports of the body is taken as the body's usage and passed to the checker as a known word.
One report is not enough: a real typo is usually written once, but a typo copied from last
month's report would come back; three reports is the compromise (see docs/checker-quality.md).
"""

from __future__ import annotations

from collections import Counter

from django.core.cache import cache

from baocao.archive.models import ArchivedReport
from baocao.checks.rules.language import diacritic_fixes
from baocao.org.models import Body

MIN_REPORTS = 3


def learned_phrases(texts: list[str], min_reports: int = MIN_REPORTS) -> set[str]:
    """Phrases flagged by the diacritic rule in at least `min_reports` of the texts."""
    seen: Counter[str] = Counter()
    for text in texts:
        found = set()
        for line in text.splitlines():
            for fix in diacritic_fixes(line):
                found.add(_written_phrase(fix))
        seen.update(found)
    return {phrase for phrase, n in seen.items() if n >= min_reports}


def _written_phrase(fix) -> str:
    """The word the fix would complete, with the syllable as it was written."""
    syllables = fix.word.lower().split()
    wanted = fix.suggestion.lower()
    out = [fix.written.lower() if s == wanted else s for s in syllables]
    return " ".join(out)


def known_words(body: Body) -> list[str]:
    """The body's learned phrases, cached until its archive changes."""
    state = ArchivedReport.objects.filter(body=body).order_by("-pk").values_list("pk", flat=True)
    latest = state.first() or 0
    key = f"baocao:known-words:{body.pk}:{latest}:{state.count()}"
    words = cache.get(key)
    if words is None:
        texts = list(ArchivedReport.objects.filter(body=body).values_list("text", flat=True))
        words = sorted(learned_phrases(texts))
        cache.set(key, words, timeout=24 * 3600)
    return words
