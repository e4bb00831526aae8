"""Link quote speakers to canonical entities after cross-document entity linking.

Quotes are extracted per document before the corpus-level linker gives mentions their
canonical ids, so a speaker only carries its span then. This step finds, for each
speaker span, the entity mention inside it (the longest one, PER/ORG first) and copies
its canonical id. A place speaks only as the head of the span (``بغداد`` or ``واشنطن`` for
their governments); inside a longer description (``متحدث باسم السفارة في بغداد``) it is a
modifier, and the speaker stays unlinked rather than become the city. Continuations copy their antecedent's span, so they follow too.
O(m log m + q log m) per document for m mentions and q quotes (sort, then one bisect
and a short bounded walk per speaker).
"""

from __future__ import annotations

from bisect import bisect_right

from rasd.models import DocAnalysis

_MAX_MENTION = 120  # characters: longer entity mentions do not occur
_PREFERRED = {"PER": 0, "ORG": 1, "FAC": 2, "GPE": 3, "LOC": 4, "MISC": 5}
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_HEAD_SLACK = 2  # characters a place may start after the span start (an attached proclitic)


def link_speakers(das: list[DocAnalysis]) -> int:
    """Set ``quote.speaker.entity`` from overlapping linked mentions; return how many were set."""
    linked = 0
    for da in das:
        ents = sorted((m for m in da.entities if m.entity), key=lambda m: m.start)
        starts = [m.start for m in ents]
        for q in da.quotes:
            sp = q.speaker
            if sp.entity or sp.start < 0 or sp.end <= sp.start:
                continue
            best = None
            # walk back from the last mention starting inside the speaker span; mentions
            # are short, so one starting far before the span cannot reach into it
            j = bisect_right(starts, sp.end - 1) - 1
            while j >= 0 and ents[j].start >= sp.start - _MAX_MENTION:
                m = ents[j]
                j -= 1
                if m.end <= sp.start:
                    continue
                if m.type in _PLACES and m.start > sp.start + _HEAD_SLACK:
                    continue  # "… in Baghdad": where the speaker is, not who
                key = (_PREFERRED.get(m.type, 9), -(m.end - m.start))
                if best is None or key < best[0]:
                    best = (key, m)
            if best is not None:
                sp.entity = best[1].entity
                linked += 1
    return linked
