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
from rasd.annotators.spans import SpanIndex
from rasd.models import Speaker, Timex


@dataclasses.dataclass
class State:
    """What earlier quotes in the document leave for later ones."""

    used_pairs: set[int] = dataclasses.field(default_factory=set)
    used_starts: set[int] = dataclasses.field(default_factory=set)
    covered_until: int = -1  # cues inside a direct quote's content are part of the speech
    indirect_until: int = -1  # cues inside indirect content need a full إن/أن/colon frame
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

    def last_at(self, k: int) -> Speaker | None:
        """Who a finite zero-subject cue at ``k`` continues: the outer speaker once a nested
        report's outer content has ended, else the last one."""
        if self.outer is not None and self.hist.items and self.hist.items[-1][0] == self.outer[0] and k > self.outer[1]:
            return self.outer[2]
        return self.last
