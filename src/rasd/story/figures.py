"""The figures and the day an article gives for the happenings it reports (incident slots).

An article is read once, whatever number of incidents its reports belong to: each number
with a slot (killed, injured, arrested, missing, rockets, drones, intercepted — a slot word
near it, ``story/slot_words.tsv``, or its counted object) is a value of exactly one report
(``_Reader.owner``): the report whose trigger precedes it in its sentence (else the one
after), else the last report of the sentences just before (a toll often follows the
trigger's sentence, and a statement repeats it lower down), else, in the article's lead,
the first report after it. What is not a figure of the happening is left out
(``story/slot_context.tsv``): a part of a figure just given (``بينهم طفلان``), a running total
(``منذ بداية العام``، ``حتى الآن``), a figure after a cue that moves to another happening (``بعد
أيام على مقتل سبعة``، ``هجومان آخران``), a day of the month, who a vehicle carried (``تقل 40
راكبا``), a unit of measure (``story/measure_units.txt``) or a place an attack strikes
(``story/target_nouns.txt``: ``بأحد فنادق``), a part said again later (``بينهم خمسة عسكريين`` …
``مقتل خمسة عسكريين``), the parts listed after one (``15 من الضحايا في القاهرة و4 في مطروح``)
and one place's share of a toll told place by place (``77 في إقليم … و32 في إقليم …``,
``share_after``), a figure of a question left open (``لم يتضح ما إذا``), and a figure limited
to a part of the victims (``ثلاثة قتلى في صفوفهم``، ``جنود أصيبوا … في حالة حرجة``:
``figure_parts.subgroup``) where its article gives a larger figure of its slot. A total
given in parts is one value, the sum (``عشرة … إضافة إلى ثلاثة``، ``15 … واثنان``، ``ضابط و3
جنود``; the rest of a toll told after a contrast word: ``إصابة 11 … بينما أصيب 15 آخرون``). A figure followed by a tally word (``story/tally_triggers.txt``: ``في تفجيرات``، ``في
هجومين``) or read with the noun it is a part of (``أربعة من المصابين``) is ``Value.aside``:
counted towards its article's round-up (``story.slots``), never shown nor compared. A toll
said to be none ("ولم يصب أحد") is a 0 (``story.figure_zero``). Word look-ups live in ``story.figure_text``.

The date slot is the date the report's words give the happening (TimeML, with its part of
day or clock time when said: ``2015-07-28TMO``): a day said right after a verb of happening
(``story/happened_words.txt``: ``التفجير الذي وقع صباح الثلاثاء``) or beside a notice of it received
(``story/notice_words.txt``: ``أنه مساء أمس تلقى المركز بلاغا``, wherever the trigger stands in
the sentence: an official's account of a happening starts from the call), else the report's own date
when it is said near its trigger (or before it, leading to it: ``story/cause_words.txt``, ``فجر
أمس في حادث انقلاب``) and is not the day of a statement about it
(``story/statement_verbs.txt``: ``أعلن الأربعاء الماضي وفاة``, or a later act about it:
``تفقد … صباح الأربعاء موقع التفجير``، ``العثور الأحد على جثة``; an opener of the statement's
content, a notice or a responders' verb before the words leading to a time, ``story/time_leads.txt``,
dates the happening: ``أنه في تمام الساعة``، ``أنقذت فرقة … أمس``; a day at the head of the sentence, only its subject
before the trigger: ``story.figure_days``) nor a back-reference's (a report that refers back to a
happening takes its date only from a verb of happening). Else a day
said after a verb of happening or beside a notice of it in a sentence with no report of its
own (``توفي أربعة إثر حادث وقع أمس`` in the lead; ``تلقت الشرطة بلاغا مساء أمس``) is the date of
the report that owns that sentence's figures. A report whose trigger names several
happenings (a tally: ``وبهجمات اليوم``) gives no date.

Cost: linear in the article (each sentence tokenised once, each number looked at once,
windows of at most ``MAX_WINDOW`` words).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, partial

from rasd.annotators.events import count_words, triggers
from rasd.models import Evidence, Quantity, Timex
from rasd.story import SLOT_KEYS
from rasd.story.figure_days import (
    NOTICE_GAP,
    clear_to,
    head_of,
    leads_to,
    led,
    notice,
    notice_words,
    received,
    responded,
    statement_day,
    to_come,
)
from rasd.story.figure_parts import (
    AND_GAP,
    MAX_PARTS,
    and_before,
    apposed,
    more_beside,
    one_after,
    one_before,
    one_within,
    parts_after,
    subgroup,
)
from rasd.story.figure_text import (
    OBJECT_SLOTS,
    Word,
    _hit,
    _label_number,
    _last_cue,
    _near,
    _slot_near,
    _starts,
    _stem_set,
    _Words,
    _words,
    site_line,
)  # fmt: skip
from rasd.story.figure_words import deictic, dual_screen, duals, long_ago, plain, quoted
from rasd.story.figure_zero import screen as zero_screen
from rasd.story.figure_zero import zero_tolls
from rasd.story.incidents import Report, by_person, parse_day
from rasd.story.report_words import has_backref, moves_on
from rasd.text import fold, tokenize
from rasd.text.words import word_list

NUMERIC = SLOT_KEYS
FIGURE_REACH = 3  # sentences after a report's whose figures are still its own
LEAD_REACH = 4  # sentences of an article's lead before its first report that are that report's
BESIDE = 40  # characters either side of a number read for the word written beside it
DATE_REACH = 30  # words from a report's trigger to the day said after it in its clause (the clause bounds it)
HEAD_WORDS = 2  # words a sentence may say before its head day ("وصباح أمس"، "أصيب مواطن مساء أمس")
HEAD_REACH = 12  # … from a day said at the head of the sentence, nothing but the subject between
DATE_BEFORE = 4  # … from the day said before it to the trigger
HAPPENED_REACH = 5  # words between a verb of happening and the day after it
TALLY_AFTER = 5  # words after a number where a tally word makes it a tally's ("مقتل 33 أمس في تفجيرات")
_QUAL = {"AT_LEAST": "at_least", "MORE_THAN": "more_than", "APPROX": "about", "AT_MOST": "at_most", "LESS_THAN": "less_than"}


@dataclass(frozen=True)
class Value:
    slot: str
    value: float | str
    qualifier: str | None  # at_least | more_than | about | at_most | less_than | range | None
    value_max: float | None
    report: Report
    evidence: Evidence
    deictic: bool = False  # a date read from "أمس"، "اليوم" alone inside a quote: maybe of the day before
    main: bool = True  # its report is of the kind the article leads with (else not compared)
    wording: str = ""  # a date read from "أمس"، "اليوم": its sentence's words (a reprint says them on another day)
    aside: bool = False  # a tally's figure: counts towards its article's round-up, never shown nor compared
    counted: str | None = None  # the folded noun the figure counts (Quantity.object), None for a total of parts


@dataclass
class Article:
    """What the figure reader needs of one document (quantities and dates sorted by start)."""

    doc: str
    text: str
    quantities: Sequence[Quantity]
    sents: Sequence[tuple[int, int]]
    timex: Sequence[Timex] = ()


def _trigger_at(r: Report, text: str) -> int:
    e0 = r.ev.evidence[0]
    i = text.find(r.ev.trigger, e0.start, e0.end) if r.ev.trigger else -1
    return i if i >= 0 else e0.start


def _tally_trigger(trigger: str) -> bool:
    """Whether a trigger names several happenings (``story/tally_triggers.txt``: هجمات)."""
    return any(s in word_list("story/tally_triggers.txt") for t in tokenize(trigger) if t.is_word for s in _stem_set(t.text))


def _takes(r: Report, slot: str) -> bool:
    """Whether a report can own a figure of ``slot``: an arrest report owns only arrests, and
    the death of a named person (a kind with the ``person`` trait) no count at all."""
    return (r.ev.type != "ARREST" or slot == "arrested") and not by_person(r.kind)


class _Reader:
    """One article's sentences, words and reports, for ``article_values``."""

    def __init__(self, reports: Sequence[Report], art: Article):
        self.art = art
        self.starts = [s for s, _ in art.sents]
        self.words: dict[int, _Words] = {}
        self._moves: dict[int, bool] = {}
        self._backref: dict[int, bool] = {}
        self.by_sent: dict[int, list[tuple[int, Report]]] = defaultdict(list)
        counted = [(q.start, q.end) for q in art.quantities]
        self.tallies: set[int] = set()  # reports whose trigger is counted ("أكثر من 300 هجوم"): many happenings
        for r in reports:
            at = _trigger_at(r, art.text)
            self.by_sent[self.sent_of(r.ev.evidence[0].start)].append((at, r))
            if any(s <= at < e for s, e in counted) or _tally_trigger(r.ev.trigger):
                self.tallies.add(id(r))
        for v in self.by_sent.values():
            v.sort(key=lambda x: (x[0], x[1].ev.id))
        self.report_sents = sorted(self.by_sent)
        self.timex_starts = [t.start for t in art.timex]
        self.pub = next((r.pub for r in reports if r.pub), None)  # the article's date
        self._past: dict[int, bool] = {}

    def takes(self, r: Report, slot: str) -> bool:
        return id(r) not in self.tallies and _takes(r, slot)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def bounds(self, i: int) -> tuple[int, int]:
        return self.art.sents[i] if i < len(self.art.sents) else (0, len(self.art.text))

    def stop_after(self, si: int, pos: int, end: int) -> int:
        """Where sentence ``si`` tells a happening of its own after ``pos`` (a report's trigger, a
        cue of another, a noun of a happening: "في انفجار ثان"), else ``end``."""
        words = self.sent_words(si)
        ats = [at for at, _ in self.by_sent.get(si, ()) if at > pos] + [c for c in words.cues() if c > pos]
        return min(ats + [w[0] for w in words if w[0] > pos and w[2] & _kind_words()], default=end)

    def sent_words(self, i: int) -> _Words:
        if i not in self.words:
            self.words[i] = _words(self.art.text, *self.bounds(i))
        return self.words[i]

    def duals(self, qs: Sequence[Quantity]) -> dict[int, tuple[Quantity, str | None]]:
        """A number said by a dual noun (``story/duals.tsv``: "بإصابتين" 2 injured, "مقتل
        شرطيين"), where no quantity covers it, with the slot the noun names (``None``: its
        words decide)."""
        table = duals()
        screen = dual_screen()
        spans = [(q.start, q.end) for q in qs]
        out: dict[int, tuple[Quantity, str | None]] = {}
        for i in range(len(self.art.sents)):
            lo, hi = self.bounds(i)
            if screen is None or not screen.search(fold(self.art.text[lo:hi])):
                continue  # no word of it can read as a dual noun: not read word by word
            for w in self.sent_words(i):
                hit = _hit(w, table)
                if hit and not any(s < w[1] and w[0] < e for s, e in spans):
                    q = Quantity(self.art.doc, w[0], w[1], self.art.text[w[0] : w[1]], 2.0, object=hit)
                    out[id(q)] = (q, table[hit])
        return out

    def other_year(self, i: int) -> bool:
        """Whether sentence ``i`` dates something to a year, a month or ``LONG_AGO`` days before
        its article's: what it counts is a past happening (background), not the one the article
        reports."""
        if i not in self._past:
            lo, hi = self.bounds(i)
            k = bisect_left(self.timex_starts, lo)
            said = [t.value for t in self.art.timex[k:bisect_left(self.timex_starts, hi)]
                    if t.type == "DATE" and t.value and t.value[:4].isdigit()]  # fmt: skip
            pub = self.pub
            self._past[i] = pub is not None and any(int(v[:4]) < pub.year or long_ago(v, pub) for v in said)
        return self._past[i]

    def moves_on(self, i: int) -> bool:
        if i not in self._moves:
            lo, hi = self.bounds(i)
            self._moves[i] = moves_on(self.art.text[lo:hi])
        return self._moves[i]

    def backref(self, i: int) -> bool:
        if i not in self._backref:
            lo, hi = self.bounds(i)
            self._backref[i] = has_backref(self.art.text[lo:hi])
        return self._backref[i]

    def owner(self, q: Quantity, slot: str, si: int, cue: int) -> Report | None:
        """The report a figure belongs to (module doc); after an ``elsewhere`` cue of its
        sentence (offset ``cue``) only a report whose trigger follows the cue."""
        if self.other_year(si):
            return None  # "… أدين بقتل 12 شخصا في صالة سينما عام 2012": a happening of another year
        own = [(at, r) for at, r in self.by_sent.get(si, ()) if _takes(r, slot) and at > cue]
        if own:
            before = [x for x in own if x[0] <= q.start]
            r = (before[-1] if before else own[0])[1]
            return None if id(r) in self.tallies else r  # "قتل 23 في هجومين": a tally's figure
        if cue >= 0:
            return None  # a figure of another happening ("بعد أيام على مقتل سبعة جنود")
        if any(_hit(w, word_list("story/tally_triggers.txt")) for w in self.sent_words(si) if w[0] < q.start):
            return None  # "تفجيرات متزامنة أدت إلى مقتل 32": a tally, told before any report
        for j in range(si, max(-1, si - FIGURE_REACH - 1), -1):
            if j < si:
                took = [r for _, r in self.by_sent.get(j, ()) if self.takes(r, slot)]
                if took:
                    return took[-1]
            if self.moves_on(j):
                return None
        k = bisect_right(self.report_sents, si)
        if k == 0 and k < len(self.report_sents) and self.report_sents[k] - si <= LEAD_REACH:  # the lead
            took = [r for _, r in self.by_sent[self.report_sents[k]] if self.takes(r, slot)]
            return took[0] if took else None
        return None


def article_values(reports: Sequence[Report], art: Article) -> list[Value]:
    """Every slot value one article gives for its reports (any incidents): the figures in
    text order, then each report's day (module doc)."""
    if not reports:
        return []
    rd = _Reader(reports, art)
    lead = min(reports, key=lambda r: (r.ev.evidence[0].start, r.ev.id)).kind
    dates = [(t.start, t.end) for t in art.timex if t.type in ("DATE", "TIME")]
    qs = [q for q in art.quantities if q.value is not None and q.mod != "VAGUE" and not _inside(q, dates)]
    duals = rd.duals(qs)
    qs = sorted([*qs, *(q for q, _ in duals.values())], key=lambda q: (q.start, q.end))
    out: list[Value] = []
    skip: set[int] = set()
    last: dict[int, str | None] = {}  # sentence -> slot of its last figure
    filled: dict[int, set[str | None]] = {}  # sentence -> the slots its figures filled so far
    last_slot: str | None = None  # the slot of the article's last figure
    elsewhere: dict[int, int] = {}  # sentence -> start of its first figure of more victims
    parts_told: set[tuple[float | None, str | None]] = set()  # (number, counted noun) said as a part of a toll
    listing: dict[int, int] = {}  # sentence -> end of its last number read as a part of a toll
    subs: set[int] = set()  # indexes into ``out`` of values whose words limit them to a part of the victims
    for n, q in enumerate(qs):
        if n in skip:
            continue
        si = rd.sent_of(q.start)
        words = rd.sent_words(si)
        one = one_before(words, q, art.text)
        slot = one[1] if one is not None else (duals[id(q)][1] if id(q) in duals else _dual_slot(q)) or _slot_near(words, q)
        sent_end = words[-1][1] if words else q.end
        later = qs[n + 1 : n + 1 + MAX_PARTS]
        parts, slot = parts_after(words, q, [x for x in later if x.start < sent_end], slot, art.text)
        rest, one_more = more_beside(words, q, later, slot, partial(rd.stop_after, si, q.end, sent_end), art.text)
        parts += [x for x in rest if x not in parts]  # "إصابة 11 … بينما أصيب 15 آخرون": the rest of the toll
        if apposed(words, q, art.text):
            listing[si] = q.end  # "٤ وفيات سائق السيارة وامرأتين وطفلة": each after it is one of them
        prev, last[si] = last.get(si), slot
        before = set(filled.setdefault(si, set()))
        filled[si].add(slot)
        told_part = (q.value, q.object) in parts_told
        if q.object and any(_near(words, q, k) for k in ("part_before", "among_before")):
            parts_told.add((q.value, q.object))  # "12 قتيلا بينهم خمسة عسكريين"
        if told_part:
            continue  # "… مقتل خمسة عسكريين": that part again, not a toll of its own
        among = _near(words, q, "among_before") or _near(words, q, "among_after") or _listed(words, q, listing.get(si), art.text)
        if among:
            listing[si] = q.end  # "15 من الضحايا في القاهرة و4 في مطروح و2 في قنا": each a part
        if slot is None or any(_near(words, q, k) for k in ("total_after", "total_before", "other_after", "other_before")):
            continue
        if _event_object(q) or _label_number(words, q, art.text) or _not_people(q, art.text) or site_line(art.text, q.start):
            continue  # "حصيلة الهجومين"، "مطلوب القائمة 23"، "800 ملليمتر"، "عائلة واحدة", a site's line: no count
        if among:
            continue  # "بين القتلى طفلان": a part of a toll told before
        more = slot == last_slot and _near(words, q, "more_after")
        last_slot = slot
        if more or elsewhere.get(si, len(art.text)) < q.start:
            elsewhere.setdefault(si, q.start)  # "… وأصيب 16 عندما انفجرت": the same other happening's
            continue  # "وقتل ثمانية أشخاص آخرين": more victims, not this happening's figure
        is_part = _near(words, q, "part_before") or _near(words, q, "part_after")
        if is_part and (slot in before or (prev is None and _near(words, q, "part_before", reach=2) and not _counts_victims(q))):
            listing[si] = q.end
            continue  # "وإصابة تسعة آخرين ثلاثة منهم …"، "22 مسلحا بينهم أربعة قادة قتلوا": a part
            # (of any figure of its slot told before in its sentence: "وفاة 21 وإصابة 66 بينهم 15 حالة وفاة")
        if prev == slot and _near(words, q, "contrast_before"):
            continue  # "مقتل 11 … فيما لقي 42 مصرعهم في تفجيرين": a second happening set beside it
        if not parts and _share(words, q, later, art.text):
            listing[si] = q.end
            continue  # "77 في إقليم … و32 في إقليم …": one place's share, not the happening's toll
        owner = rd.owner(q, slot, si, _last_cue(words, q.start))
        if owner is None:
            continue
        value, start, end, vmax = float(q.value or 0), q.start, q.end, q.value_max
        if one is not None:  # "مقتل ضابط و3 جنود": one plus the number
            value, start, vmax = value + 1, one[0], None
        for k, part in parts:
            value += float(part.value or 0)
            end, vmax = part.end, None
            skip.add(n + 1 + k)
        if one_within(words, q.start, q.end, q.object, art.text):
            value, vmax = value + 1, None  # "رجل واحد وامرأة" read as one woman: the man and the woman
        elif (after := one_after(words, end, art.text)) is not None:
            value, end, vmax = value + 1, after, None  # "إصابة رجل واحد وامرأة": one more
        if one_more is not None:
            value, end, vmax = value + 1, max(end, one_more), None  # "… فيما تعرض شخص آخر لإصابة"
        qual = "range" if vmax is not None and q.mod == "RANGE" else _QUAL.get(q.mod or "")
        # a tally's ("مقتل 33 شخصا أمس في تفجيرات") or a part read with its noun ("أربعة من المصابين"):
        # a figure the article gives (its round-up count), never compared
        aside = _tally_after(words, q) or _near(words, q, "among_after", within=True)
        counted = fold(q.object) if q.object and not parts and one is None else None
        out.append(Value(slot, value, qual, vmax, owner, Evidence(art.doc, start, end), main=owner.kind == lead,
                         aside=aside, counted=counted))  # fmt: skip
        if subgroup(words, q, later, art.text):
            subs.add(len(out) - 1)
    out = _wholes(out, subs)
    told = {v.slot for v in out}
    out += [v for v in _zeros(rd, lead) if v.slot not in told]  # else a part's ("سقط صاروخ دون إصابات")
    told_days = happened_days(rd)
    for r in reports:
        if id(r) in rd.tallies:
            continue  # "وبهجمات اليوم يرتفع إجمالي …": the day of several happenings is none's
        day = own_day(r, art, rd) or told_days.get(id(r))
        if day is not None:
            (lo, hi), at = rd.bounds(rd.sent_of(day[1].start)), day[1].start
            said = art.text[at : day[1].end]
            relative = deictic(said) and quoted(art.text[lo:at])
            wording = " ".join(w.norm for w in tokenize(art.text[lo:hi]) if w.is_word) if deictic(said) else ""
            out.append(Value("date", day[0], None, None, r, day[1], relative, r.kind == lead, wording=wording))
    return out


def _wholes(out: list[Value], subs: set[int]) -> list[Value]:
    """The figures less those limited to a part of the victims (``figure_parts.subgroup``: "في
    صفوفهم"، "في حالة خطيرة") where the article gives a larger figure of their slot, the
    toll of everyone they are part of."""
    top: dict[str, float] = {}
    for k, v in enumerate(out):
        if k not in subs and not v.aside and isinstance(v.value, float):
            top[v.slot] = max(top.get(v.slot, 0.0), v.value)
    return [v for k, v in enumerate(out) if k not in subs or not isinstance(v.value, float) or v.value >= top.get(v.slot, 0.0)]


def _zeros(rd: _Reader, lead: str) -> list[Value]:
    """A 0 for each toll said to be none (``story.figure_zero``), given to the report owning its
    sentence; in an article that gives a figure of that slot the none is a part's, not read."""
    out: list[Value] = []
    pattern = zero_screen()
    for si in range(len(rd.art.sents) if pattern is not None else 0):
        lo, hi = rd.bounds(si)
        words = rd.sent_words(si) if pattern is not None and pattern.search(fold(rd.art.text[lo:hi])) else ()
        for slot, s, e in zero_tolls(words):
            r = rd.owner(Quantity(rd.art.doc, s, e, rd.art.text[s:e], 0.0), slot, si, _last_cue(words, s))
            if r is not None:
                out.append(Value(slot, 0.0, None, None, r, Evidence(rd.art.doc, s, e), main=r.kind == lead))
    return out


def _share(words: Sequence[Word], q: Quantity, later: Sequence[Quantity], text: str) -> bool:
    """Whether a figure is one place's share of a toll told place by place (``share_after``):
    said with its place, and another share follows joined by و but too far to be added to it
    ("77 حالة في إقليم … شمال غربي البلاد و32 حالة في إقليم …"). Shares close enough are one
    figure, their sum ("سبعة في إقليم … وثلاثة بإقليم … وشخصين في إقليم …")."""
    if not _near(words, q, "share_after"):
        return False
    end = words[-1][1] if words else q.end
    return any(
        q.end <= x.start < end and and_before(x, text) and _near(words, x, "share_after") for x in later
    )


def _listed(words: Sequence[Word], q: Quantity, after: int | None, text: str) -> bool:
    """Whether a number joined by و continues a list of parts (the last part ends at ``after``):
    at most ``AND_GAP`` words after the list's last number ("و4 في مرسى مطروح و2 في قنا")."""
    if after is None or not and_before(q, text):
        return False
    starts = _starts(words)
    between = words[bisect_left(starts, after) : bisect_left(starts, q.start)]
    numbered = [k for k, w in enumerate(between) if any(c.isdigit() for c in text[w[0] : w[1]])]
    return len(between) - (numbered[-1] + 1 if numbered else 0) <= AND_GAP


def _not_people(q: Quantity, text: str) -> bool:
    """A number counting a unit of measure ("800 ملليمتر"), a place or thing an attack strikes
    (``story/target_nouns.txt``: "بأحد فنادق المدينة") or a group written beside it ("من
    عائلة واحدة"، "عبر 17 فرقة"; not "وأصيب ثلاثة آخرون" after it, whose object was carried over)."""
    after = text[q.end : q.end + BESIDE].split()[:1]
    obj = fold(q.object or "".join(c for c in "".join(after) if c.isalpha()))  # no object read: the next word
    if obj in word_list("story/measure_units.txt") or obj in word_list("story/target_nouns.txt"):
        return True
    if obj not in word_list("story/group_nouns.txt"):
        return False
    beside = [*text[max(0, q.start - BESIDE) : q.start].split()[-1:], *after]
    return obj in fold(q.text) or any(obj in fold(w) for w in beside)


def _counts_victims(q: Quantity) -> bool:
    """Whether a number's own counted noun names a slot ("أربعة مصابين"), not only who they are
    ("أربعة قادة"): after a figure with no slot, "بينهم أربعة مصابين" is the injured's figure."""
    return bool(q.object) and count_words()[0].get(fold(q.object or "")) in OBJECT_SLOTS


def _dual_slot(q: Quantity) -> str | None:
    """The slot a quantity that is one dual noun names ("وأوقعت قتيلين و24 جريحا": killed),
    before any slot word after it (``story/duals.tsv``)."""
    word = q.text.strip()
    table = duals()
    return None if " " in word else next((table[s] for s in sorted(_stem_set(word)) if table.get(s)), None)


def _tally_after(words: Sequence[Word], q: Quantity) -> bool:
    """Whether a word of ``story/tally_triggers.txt`` follows the number within ``TALLY_AFTER`` words."""
    i = bisect_left(_starts(words), q.end)
    return any(_hit(w, word_list("story/tally_triggers.txt")) for w in words[i : i + TALLY_AFTER])


def _inside(q: Quantity, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < q.end and q.start < e for s, e in spans)


def _event_object(q: Quantity) -> bool:
    """Whether a number counts happenings, not people ("حصيلة الهجومين": two attacks)."""
    return any(s in _kind_words() for s in _stem_set(q.object)) if q.object else False


@cache
def _kind_words() -> frozenset[str]:
    """Folded one-word noun triggers of happenings (the events annotator's ``triggers``: هجوم، تفجير)."""
    return frozenset(t.words[0] for ts in triggers().values() for t in ts if t.pos == "noun" and len(t.words) == 1)


def happened_days(rd: _Reader) -> dict[int, tuple[str, Evidence]]:
    """Days said right after a verb of happening (``story/happened_words.txt``: "إثر حادث وقع
    أمس") or beside a notice of it (``story/notice_words.txt``: "تلقت الشرطة بلاغا مساء أمس") in
    a sentence with no report of its own, by the report that owns that sentence's
    figures (``_Reader.owner``: the lead's first report, or the one just before): the
    article dates its happening there, not in the report's sentence. The first such day each."""
    out: dict[int, tuple[str, Evidence]] = {}
    happened, notices = word_list("story/happened_words.txt"), notice_words()
    for t in rd.art.timex:
        if t.type not in ("DATE", "TIME") or not plain(t.value) or not parse_day(t.value):
            continue
        si = rd.sent_of(t.start)
        if si in rd.by_sent:
            continue  # a sentence with a report: ``own_day`` reads it
        words = rd.sent_words(si)
        i, j = bisect_left(_starts(words), t.start), bisect_left(_starts(words), t.end)
        if not any(_hit(w, happened) for w in words[max(0, i - HAPPENED_REACH) : i]) and not any(
            _hit(w, notices) for w in words[max(0, i - NOTICE_GAP) : j + NOTICE_GAP]
        ):
            continue
        q = Quantity(rd.art.doc, t.start, t.end, t.text, None)
        owner = rd.owner(q, "date", si, _last_cue(words, t.start))
        if owner is not None and id(owner) not in out and id(owner) not in rd.tallies:
            out[id(owner)] = plain(t.value), Evidence(rd.art.doc, t.start, t.end)
    return out


def own_day(r: Report, art: Article, rd: _Reader | None = None) -> tuple[str, Evidence] | None:
    """The date a report's words give the happening (a TimeML value: a day, with its part of
    day or clock time when said, or a month or year), with the words that say it (module doc)."""
    e0 = r.ev.evidence[0]
    rd = rd or _Reader([r], art)
    si = rd.sent_of(e0.start)
    words = rd.sent_words(si)
    lo = bisect_left(rd.timex_starts, e0.start)
    hi = bisect_left(rd.timex_starts, e0.end)
    said = [t for t in art.timex[lo:hi] if t.type in ("DATE", "TIME") and plain(t.value)]
    if not said:
        return None
    starts = _starts(words)
    happened = word_list("story/happened_words.txt")
    first, last = rd.bounds(si)
    for t in said:  # "التفجير الذي وقع صباح أول من أمس"، "أبلغ عن وقوع حريق فجر الأحد"
        i = bisect_left(starts, t.start)
        if parse_day(t.value) and any(_hit(w, happened) for w in words[max(0, i - HAPPENED_REACH) : i]):
            return plain(t.value), Evidence(e0.doc, t.start, t.end)
        # "وقال المتحدث أنه مساء أمس تلقى المركز بلاغا بالحادث": the day a notice of it came in,
        # before or after the trigger, whatever day the events annotator gave the report
        if parse_day(t.value) and first <= t.start < last and received(words, i, bisect_left(starts, t.end)):
            return plain(t.value), Evidence(e0.doc, t.start, t.end)
    ev = r.ev
    if ev._date_source != "own" or not ev.date.value or ev.date.precision not in ("day", "month", "year"):
        return None
    if not (r.dated or by_person(r.kind)):
        return None  # a date the incident's windows did not rest on (a year in a background clause)
    if rd.backref(si):
        return None  # a happening referred back to: the sentence's date is of what it tells now
    trig = _trigger_at(r, art.text)
    ti = bisect_left(starts, trig)
    verbs = word_list("story/statement_verbs.txt")
    mine = [t for t in said if plain(t.value)[: len(ev.date.value)] == ev.date.value]
    openers = word_list("story/content_openers.txt")
    busy = [at for at, _ in rd.by_sent.get(si, ())]  # the sentence's triggers
    for t in sorted(mine, key=lambda t: abs(t.start - trig)):
        i = bisect_left(starts, t.start)
        opens = any(_hit(w, openers) for w in words[max(0, led(words, i) - 2) : i])  # "قال إنه في تمام الساعة …"
        j = bisect_left(starts, t.end)
        leads = leads_to(words, j, ti)  # "مصابا فجر أمس في حادث انقلاب"
        noticed = notice(words, i, j, ti) or responded(words, i, ti)
        # a day at the sentence's head, only its subject before the trigger ("وصباح أمس، قتلت الشرطة …")
        head = (DATE_BEFORE < ti - i <= HEAD_REACH and head_of(words, i, HEAD_WORDS) and not to_come(art.text[rd.bounds(si)[0] : t.start])
                and clear_to(words, j, ti, [x.start for x in art.timex[lo:hi] if x is not t] + busy, verbs | openers))  # fmt: skip
        if i - ti > DATE_REACH or (ti - i > DATE_BEFORE and not (opens or leads or noticed or head)) or _last_cue(words, t.start) > trig:
            continue  # too far, or after a cue that moves to something else ("موت … بعد خلافات بين الاثنين")
        if leads or noticed or not statement_day(words, i, ti, verbs):
            return plain(t.value), Evidence(e0.doc, t.start, t.end)
    return None
