"""Who a death trigger says died (``events/roles.tsv``: ``agent``, ``dies``).

The story stage joins the reports of a death on the person who died (``story/kind_traits.tsv``,
trait ``person``), so that person must be the victim, never the killer named before the
trigger ("أقدم فلان على قتل …"), the agent after it ("قتل على يد فلان") or the speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from rasd.models import EntityMention
from rasd.resources import load_table
from rasd.text import Token, fold
from rasd.text.clitics import conjunctions
from rasd.text.words import stems

VICTIM_AFTER = 8  # words between a death trigger and its object ("قتل العقيد المهندس في القوات الجوية فلان")
VICTIM_BEFORE = 5  # … and the subject before a trigger whose subject dies ("الشيخ فلان زعيم القبيلة توفي")
AGENT_REACH = 2  # words before a name (or its own words) where an agent cue makes it the killer
BREAKS = ':-–—|«»"\n'  # a quote, a byline or a new line between: the name belongs elsewhere


@cache
def role_cues(kind: str) -> frozenset[str]:
    """Folded cue words of one kind of ``events/roles.tsv`` (the events annotator reads its
    target, source and passive cues here too)."""
    return frozenset(fold(r[1]) for r in load_table("events/roles.tsv") if len(r) >= 2 and r[0] == kind)


def victims(
    first: int,
    last: int,
    start: int,
    end: int,
    words: Sequence[Token],
    ents: Sequence[EntityMention],
    text: str,
) -> list[EntityMention]:
    """The PER a death trigger (tokens ``first..last`` of ``words``, offsets ``start..end``)
    says died: one inside it ("لقي فلان مصرعه"), else the first PER after it within
    ``VICTIM_AFTER`` words ("مقتل فلان"، "قتل العقيد … فلان"; not one an agent cue
    introduces: "قتل على يد فلان"), else, for a verb whose subject dies (``dies``: توفي،
    لقي حتفه، فلان قتل) unless a ``killer`` cue governs it ("أقدم فلان على قتل"), or one told
    with its killer after it, the PER right before it. No quote, byline dash or new line
    between (nor a comma between a name and the verb after it)."""
    starts = [w.start for w in words]
    agent = role_cues("agent")
    pers = sorted((e for e in ents if e.type == "PER"), key=lambda e: e.start)
    inside = [e for e in pers if start <= e.start and e.end <= end]
    if inside:
        return inside[:1]
    passive = False
    for e in pers:
        at = bisect_left(starts, e.start)
        if (
            e.start < end
            or not 0 < at - last <= VICTIM_AFTER
            or any(c in text[end : e.start] for c in BREAKS)
        ):
            continue
        upto = bisect_right(starts, e.end - 1)  # its own words too: a span misread as a name ("على يد")
        if any(s in agent for w in words[max(0, at - AGENT_REACH) : upto] for _, s in stems(w)):
            passive = True  # the killer ("فلان الذي قتل على يد …"): who died comes before
            break
        return [e]
    dies, word = role_cues("dies"), words[first].norm
    word = word[1:] if word[:1] in conjunctions() and word[1:] in dies else word  # وتوفي
    killer = first > 0 and words[first - 1].norm in role_cues("killer")  # أقدم فلان على قتل
    if not passive and (word not in dies or killer):
        return []
    before = [
        e
        for e in pers
        if e.end <= start and 0 <= first - (bisect_right(starts, e.end - 1) - 1) <= VICTIM_BEFORE
    ]
    # a comma before the verb ends the name's clause ("… ولأخيه فلان، إلا أن الأم توفيت")
    return [e for e in before[-1:] if not any(c in text[e.end : start] for c in BREAKS + "،,")]
