"""What earlier quotes of a document leave for later ones (moved out of ``engine``).

Besides the content already used, the state knows who goes on speaking. A report nested in
another's indirect content (``وأوضحت الوزارة أن التحريات كشفت أن …``) has its own speaker, but
once the outer content has ended a finite zero-subject cue (``وأضافت أنه …``) continues the
outer speaker, the one who made the statement, not the source it cited. A participle right after
(``…، مؤكدا``) still follows the nested speaker, as realnews E2 has it.
"""

from __future__ import annotations

import dataclasses

from rasd.annotators.quotes.history import SpeakerIndex
from rasd.annotators.quotes.lexicon import Verb
from rasd.annotators.spans import SpanIndex
from rasd.models import Speaker, Timex


@dataclasses.dataclass
class State:
    """What earlier quotes in the document leave for later ones."""

    used_pairs: set[int] = dataclasses.field(default_factory=set)
    used_starts: set[int] = dataclasses.field(default_factory=set)
    covered_until: int = -1  # cues inside a direct quote's content are part of the speech
    indirect_until: int = -1  # cues inside indirect content need a full إن/أن/colon frame or their own subject
    covered_from: int = -1  # where that direct content starts (a character offset) …
    indirect_from: int = -1  # … and that indirect content: a subject written after it is nested's own
    hist: SpeakerIndex = dataclasses.field(default_factory=SpeakerIndex)
    times: SpanIndex[Timex] = dataclasses.field(default_factory=lambda: SpanIndex([]))  # "طلب منه الأسبوع الماضي …"
    gap: tuple[int, int] = (-1, -1)  # a participle's clause before the colon of a verb's quotation (colon_quote)
    outer: tuple[int, int, Speaker] | None = None  # (inner cue, outer content's last token, outer speaker)

    @property
    def last(self) -> Speaker | None:
        return self.hist.items[-1][1] if self.hist.items else None

    def quoted(self, k: int, spk: Speaker, until: int) -> None:
        """Remember ``spk`` quoted by the cue at ``k``; a cue inside the last speaker's indirect
        content (which ran to token ``until`` before this quote) is nested in it."""
        prev = self.hist.items[-1] if self.hist.items else None
        if prev is not None and prev[0] < k <= until:
            self.outer = (k, until, prev[1])
        self.hist.add(k, spk)

    def own_subject(self, spk: Speaker, cue_start: int, verb: Verb, direct: bool) -> bool:
        """``spk`` is written inside the direct (or indirect) content being reported, before the
        past cue at ``cue_start`` (``… إن «الاجتماع أكد أهمية …»``): a statement of its own (E2),
        not the reporter's words going on. A participle or present form there (``تنص``, ``تشير``,
        ``مطالبة``) describes a document or a state of things, not one reported statement."""
        since = self.covered_from if direct else self.indirect_from
        return not (verb.participle or verb.imperfect) and 0 <= since <= spk.start and spk.end <= cue_start

    def reporter(self, k: int, spk: Speaker | None) -> bool:
        """``spk`` is the last speaker while the cue at ``k`` stands inside their content: a
        description there (``… أن السيناتورة شددت``) names someone they report, not themselves."""
        last = self.last
        return spk is not None and last is not None and k <= max(self.covered_until, self.indirect_until) and spk.text == last.text

    def last_at(self, k: int) -> Speaker | None:
        """Who a finite zero-subject cue at ``k`` continues: the outer speaker once a nested
        report's outer content has ended, else the last one."""
        if self.outer is not None and self.hist.items and self.hist.items[-1][0] == self.outer[0] and k > self.outer[1]:
            return self.outer[2]
        return self.last
