"""A total given in parts ("عشرة … إضافة إلى ثلاثة"، "15 … واثنان"، "ضابط و3 جنود"، "رجل واحد
وامرأة"، "11 … بينما أصيب 15 آخرون"): which numbers and persons of a sentence add up to one
figure (``story.figures``).

The connectors live in ``story/parts.txt``, the singular person nouns that count one in
``story/one_person.txt``, the numbers whose و is their own (واحد) in ``story/waw_numbers.txt``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from rasd.models import Quantity
from rasd.story.figure_text import Word, _heads, _hit, _near, _phrase_at, _slot_near, _slot_words, _starts
from rasd.text import fold, tokenize
from rasd.text.clitics import proclitic, without_accusative
from rasd.text.sentences import CLAUSE_MARKS
from rasd.text.words import word_list

MAX_PARTS = 6  # parts of one total looked at
PART_MAX = 1000  # a number this large is never a part of a toll (those affected, displaced …)
PART_GAP = 8  # words between two parts of a total joined by a connector (إضافة إلى)
AND_GAP = 6  # … joined by و
ONE_GAP = 5  # words between a singular person noun and the number it is added to
ONE_AFTER_GAP = 2  # words ("مصريان بجروح") between a figure and a singular person noun joined after it by و
CONTRAST_GAP = 4  # words from a contrast word to the rest of a toll it tells ("فيما تعرض شخص آخر")
MORE_REACH = 16  # words from a figure to the contrast word telling the rest of its toll
SUB_REACH = 14  # words after a figure, in its clause, where words limiting it to a part of the victims count
LIST_OPENERS = " \t\n(:«\"“-–"  # marks that may open the list of who a figure's people were
_AND = proclitic("and")


def parts_after(
    words: Sequence[Word], q: Quantity, later: Sequence[Quantity], slot: str | None, text: str
) -> tuple[list[tuple[int, Quantity]], str | None]:
    """The further parts of a total given in parts (indexes into ``later``, numbers of the
    same sentence) and the total's slot: each next number after a connector of
    ``story/parts.txt`` (إضافة إلى، فضلا عن; within ``PART_GAP`` words) or joined by و
    (``AND_GAP``: "15 شخصا بحالات اختناق، واثنان بحروق"، "12 جنديا وأفراد الطاقم الخمسة"),
    whose own words name no other slot; none when the figure is listed person by person
    (``apposed``). A first number with no slot of its own takes its
    part's ("12 جنديا وخمسة من الطاقم قتلوا"); with none at all there is no total."""
    if apposed(words, q, text):
        return [], slot  # "٤ وفيات سائق السيارة وامرأتين وطفلة": who the four were, not more of them
    out: list[tuple[int, Quantity]] = []
    prev = q
    for k, nxt in enumerate(later):
        if nxt.start < prev.end:
            break
        starts = _starts(words)
        lo, hi = bisect_left(starts, prev.end), bisect_left(starts, nxt.start)
        if hi - lo > PART_GAP + 1:
            break
        between = [w for w in words[lo:hi] if w[1] <= nxt.start]
        opens = any(text[w[0] : w[0] + 1] == _AND for w in between)
        by_and = and_before(nxt, text) or (opens and len(between) <= 3) or any(
            text[w[0] : w[0] + 1] == _AND and _hit(w, _slot_words()["before"]) for w in between
        )
        joined = (len(between) <= PART_GAP and any(_hit(w, word_list("story/parts.txt")) for w in between)) or (
            len(between) <= AND_GAP and by_and
        )
        if not joined:
            break
        own = _slot_near(words, nxt, between[0][0] if between else nxt.start)
        if (own is not None and slot is not None and own != slot) or _near(words, nxt, "part_before"):
            break  # another slot's figure, or a part of this one ("5 جنود بينهم واحد")
        if _near(words, nxt, "other_after", within=True):
            break  # "انتشال 20 جثة وخمسة ناجين": what the next number counts is no victim
        if slot is None and any(_hit(w, _slot_words()["before"]) for w in between):
            break  # "3 من العاملين وإصابة 9": a new figure, not the first one's slot
        if max(nxt.value or 0, q.value or 0) >= PART_MAX:
            break  # "46 قتيلا وأكثر من مئتي ألف تضرروا": no toll is told in such parts
        if nxt.value == prev.value and _word_after(words, nxt) == _word_after(words, prev):
            break  # the same figure said again ("مقتل 57 مدنيا في قصف … وقتل 57 مدنيا"), not a part
        slot = slot or own
        out.append((k, nxt))
        prev = nxt
    return (out, slot) if slot is not None else ([], None)


def apposed(words: Sequence[Word], q: Quantity, text: str) -> bool:
    """Whether a singular person noun follows the figure with no و ("4 وفيات سائق السيارة
    وامرأتان وطفلة"), also after a mark opening the list (``LIST_OPENERS``: "4 أشخاص (سائق
    …)"، "4 وفيات: سائق …"، a quote): the figure is listed person by person, and the numbers
    joined after it are its breakdown, not parts to add."""
    k = bisect_left(_starts(words), q.end)
    return (
        k < len(words)
        and not text[q.end : words[k][0]].strip(LIST_OPENERS)
        and _one_person(words[k])
        and text[words[k][0]] != _AND
    )


def _word_after(words: Sequence[Word], q: Quantity) -> frozenset[str]:
    """The readings of the first word after a number (what it counts)."""
    starts = _starts(words)
    k = bisect_left(starts, q.end)
    return words[k][2] if k < len(words) else frozenset()


def and_before(q: Quantity, text: str) -> bool:
    """Whether و joins the number to what comes before (``واثنان``، ``و3``، ``و(5)``; not the
    و of ``واحد``, ``story/waw_numbers.txt``)."""
    if text[q.start : q.start + 1] == _AND:
        head = next((t.norm for t in tokenize(text[q.start : q.end]) if t.is_word), "")
        return head not in word_list("story/waw_numbers.txt")
    k = q.start - 1
    while k >= 0 and text[k] in " (":
        k -= 1
    return k >= 0 and text[k] == _AND and (k == 0 or not text[k - 1].isalnum())


def one_before(words: Sequence[Word], q: Quantity, text: str) -> tuple[int, str] | None:
    """``(start, slot)`` of a singular person noun (``story/one_person.txt``) right after a
    slot word and joined to the number by و ("مقتل ضابط و3 جنود"، "توقيف قائد الصندل وثلاثة
    من مساعديه"): that person counts too."""
    if not and_before(q, text):
        return None
    i = bisect_left(_starts(words), q.start)
    before = _slot_words()["before"]
    for k in range(i - 1, max(0, i - 1 - ONE_GAP), -1):
        if _one_person(words[k]) and k > 0:
            hit = _hit(words[k - 1], before)
            if hit:
                return words[k][0], before[hit][0]
    return None


def _one_person(w: Word) -> bool:
    """A singular person noun (``story/one_person.txt``), also with its accusative alif ("ومجندا")."""
    names = word_list("story/one_person.txt")
    return any(s in names or without_accusative(s) in names for s in w[2])


def one_after(words: Sequence[Word], end: int, text: str) -> int | None:
    """End of a singular person noun (``story/one_person.txt``) joined by و to a figure that
    ends at ``end``, right after it or past at most ``ONE_AFTER_GAP`` words of no figure nor
    slot with no stop between ("إصابة رجل واحد وامرأة"، "ضابطي شرطة ومجندا"، "أصيب ضابطا شرطة
    مصريان بجروح ومواطن"): that person counts too; else ``None``."""
    k = bisect_left(_starts(words), end)
    before = _slot_words()["before"]
    for j in range(k, min(len(words), k + ONE_AFTER_GAP + 1)):
        w = words[j]
        if not all(c.isalpha() or c.isspace() for c in text[end : w[0]]):
            return None  # a stop or a number between: the person is not the figure's
        if text[w[0] : w[0] + 1] == _AND:
            return w[1] if _one_person(w) else None
        if _hit(w, before):
            return None
    return None


def one_within(words: Sequence[Word], start: int, end: int, counted: str | None, text: str) -> bool:
    """Whether a number read with a singular person joined to it by و as what it counts
    ("رجل واحد وامرأة" read as one woman): that person is one more."""
    if not counted:
        return False
    inside = [w for w in words if start < w[0] < end and text[w[0] : w[0] + 1] == _AND]
    noun = fold(counted)
    return any(_one_person(w) and any(noun in (r, without_accusative(r)) for r in w[2]) for w in inside)


def more_beside(
    words: Sequence[Word], q: Quantity, later: Sequence[Quantity], slot: str | None, stop_at: Callable[[], int],
    text: str,
) -> tuple[list[tuple[int, Quantity]], int | None]:  # fmt: skip
    """The rest of a toll told after a contrast word of ``story/slot_context.tsv`` within
    ``MORE_REACH`` words of the figure, before ``stop_at()`` (where its sentence next tells a
    happening of its own, asked only once a contrast word is found): more of the same
    slot said as others (``more_after``: "إصابة 11 … بينما أصيب 15 آخرون باختناقات بسيطة") or
    one more person (``one_more``: "… فيما تعرض شخص آخر لإصابة متوسطة"), in a clause (up to
    its next mark) that reaches no ``stop``. Those hurt less are of the same toll, so they add
    to it: the indexes into ``later`` of such numbers, and the end of such a person (else
    ``None``)."""
    if slot is None:
        return [], None
    starts = _starts(words)
    contrast, one_more = _heads("contrast_before"), _heads("one_more")
    table = _slot_words()
    said_words = {**table["before"], **table["after"]}
    first = bisect_left(starts, q.end)
    for j in range(first, min(len(words), first + MORE_REACH)):
        if not any(_phrase_at(words, j, p) for h in words[j][2] & contrast.keys() for p, _ in contrast[h]):
            continue
        stop = stop_at()
        if words[j][0] >= stop:
            break
        for k, nxt in enumerate(later):
            if words[j][0] < nxt.start < stop and bisect_left(starts, nxt.start) - j <= CONTRAST_GAP:
                mine = _slot_near(words, nxt, words[j][0]) == slot and _near(words, nxt, "more_after", within=True)
                mine = mine and not _near(words, nxt, "other_after") and _clause_end(text, nxt.end) <= stop
                return ([(k, nxt)], None) if mine else ([], None)
        for m in range(j + 1, min(len(words) - 1, j + 1 + CONTRAST_GAP)):
            nxt_w = words[m + 1]
            if nxt_w[0] < stop and _one_person(words[m]) and any(p[0] in nxt_w[2] for ps in one_more.values() for p, _ in ps):
                said = [_hit(w, t) for w in words[j + 1 : m + 4] for t in (table["before"], table["after"])]
                mine = any(h and said_words[h][0] == slot for h in said) and _clause_end(text, nxt_w[1]) <= stop
                return ([], nxt_w[1]) if mine else ([], None)
        return [], None
    return [], None


def subgroup(words: Sequence[Word], q: Quantity, later: Sequence[Quantity], text: str) -> bool:
    """Whether words after a figure, in its clause (``SUB_REACH`` words at most, up to the
    next number not joined to it by و: ``later``), limit it to a part of the victims
    (``subgroup_after`` of ``story/slot_context.tsv``): one side's ("ثلاثة قتلى وجريح في
    صفوفهم") or those hurt worst ("خمسة جنود أصيبوا خلال الاشتباك … في حالة حرجة"). News gives
    such a figure beside the toll of everyone, so where its article gives a larger figure of
    the slot it is a part, not the slot's value (``story.figures``)."""
    heads = _heads("subgroup_after")
    end = min([_clause_end(text, q.end)] + [x.start for x in later if x.start >= q.end and not and_before(x, text)])
    first = bisect_left(_starts(words), q.end)
    return any(
        _phrase_at(words, j, p)
        for j in range(first, min(len(words), first + SUB_REACH)) if words[j][1] <= end
        for h in words[j][2] & heads.keys() for p, _ in heads[h]
    )  # fmt: skip


def _clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends: its next mark (``CLAUSE_MARKS``), else the text's end."""
    return min((i for i in (text.find(m, pos) for m in CLAUSE_MARKS) if i >= 0), default=len(text))
