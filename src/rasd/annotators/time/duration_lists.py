"""Lists and ranges of durations whose unit is written once (moved out of ``passes``).

``ثلاثة وستة أشهر``, ``بين 3 و5 سنوات``, ``أعمارهم 3 و5 و9 سنوات``: gold writes each number a
duration of its own, with the unit of the last. Range and join words come from
``resources/time/range_words.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rasd.annotators.time.base import AND, CONJ, Cand, Ctx, _dur_value, _num, _regexes
from rasd.annotators.time.lexicon import key, lexicon, literal_alt, range_words

DUR = re.compile(r"P(T?)(\d+)([YMWDH])")
_ITEM = re.compile(rf"\d+(?:[.,]\d+)?|[^\s\d{AND}]\S*")


def split_lists(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "ثلاثة وستة أشهر", "خمس وسبع وعشر سنوات": numbers joined by و that do not make one
    number (units before tens, or larger before smaller) are a list of durations."""
    lex = ctx.lex
    out: list[Cand] = []
    for c in cands:
        text = ctx.text[c.start : c.end]
        if c.type != "DURATION" or c.family != "duration" or f" {AND}" not in text:
            out.append(c)
            continue
        um = None
        for found in _regexes().blocks["UNIT"].finditer(text):
            um = found  # the last unit: "ثلاثة وستة أشهر"
        seps = list(re.finditer(rf"\s+{AND}\s*", text[: um.start()] if um else ""))
        unit = lex.units.get(key(um.group(1)), ("", ""))[0] if um else ""
        bounds = [0] + [s.end() for s in seps]
        ends = [s.start() for s in seps] + [um.start() if um else 0]
        nums = [_num(text[a:b].strip(), lex) for a, b in zip(bounds, ends, strict=True)]
        if not unit or len(nums) < 2 or any(n is None or not float(n).is_integer() for n in nums):
            out.append(c)
            continue
        vals = [int(n or 0) for n in nums]
        compound = all(
            (a < 10 and b >= 20 and b % 10 == 0) or (a >= 100 and b < a)
            for a, b in zip(vals, vals[1:], strict=False)
        )
        if compound:
            out.append(c)
            continue
        for k, (a, b) in enumerate(zip(bounds, ends, strict=True)):
            end = c.end if k == len(vals) - 1 else c.start + len(text[:b].rstrip())
            out.append(
                replace(
                    c,
                    start=c.start + a,
                    end=end,
                    value=_dur_value(unit, vals[k]),
                    mod=c.mod if k == 0 else None,
                )
            )
    return out


@cache
def _range_start() -> re.Pattern[str]:
    """The first end of a range before a duration, in digits or one number word (بين ثلاث و10)."""
    words = [w for w, v in lexicon().numbers.items() if " " not in w and v.isdigit()]
    return re.compile(
        rf"(?<![\w.,])(?P<pre>(?:[{CONJ}]?(?:{literal_alt(range_words('open_counts'))})\s+)?)"
        rf"(?P<n>\d+(?:[.,]\d+)?|{literal_alt(words)})\s*(?P<j>{literal_alt(range_words('join'))}|-|–)\s*$"
    )


_NUM_SCALE = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s+(\S+))?")


def range_starts(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "بنحو 40 إلى 50 مليون سنة", "بين 3 و5 سنوات": the first end of a range of durations
    borrows the second's unit and scale and is a duration of its own (as gold writes it); so
    does each number of a list of durations with the unit written once, at its end ("بين 5 و 7 و 10
    سنوات", "أعمارهم 3 و5 و9 سنوات", "بالسجن 30 و ثمان سنوات"). Returns the new candidates only."""
    new: list[Cand] = []
    for c in cands:
        um = DUR.fullmatch(c.value or "") if c.type == "DURATION" and c.family == "duration" else None
        if um is None:
            continue
        nm = _NUM_SCALE.match(ctx.text, c.start)
        unit = {"H": "H", "M": "MIN"}.get(um.group(3), "H") if um.group(1) else um.group(3)
        scale = float(ctx.lex.scales.get(nm.group(2) or "", 1)) if nm else 1.0
        listed = _listed(ctx, c.start)
        if listed:
            new.extend(
                Cand(s, e, "DURATION", _dur_value(unit, v * scale), confidence=0.7, family="duration_range")
                for s, e, v in listed
            )
            continue
        before = ctx.before(c.start, 24)
        m = _range_start().search(before) if nm else None
        if nm is None or m is None or (m.group("j") == AND and not m.group("pre")):
            continue
        n = m.group("n")
        first = float(ctx.lex.numbers[n] if n in ctx.lex.numbers else n.replace(",", "."))
        second = float(nm.group(1).replace(",", "."))
        if first >= second:
            continue
        s = c.start - len(before) + m.start("n")
        new.append(Cand(s, s + len(m.group("n")), "DURATION", _dur_value(unit, first * scale), mod=c.mod,
                        confidence=0.7, family="duration_range"))  # fmt: skip
    return new


@cache
def _list_before() -> re.Pattern[str]:
    """Numbers each followed by و that end right before a duration, opened by a range word or not."""
    words = [w for w, v in lexicon().numbers.items() if " " not in w and v.isdigit()]
    num = rf"(?:\d+(?:[.,]\d+)?|{literal_alt(words)})"
    return re.compile(
        rf"(?:(?<![\w.,])(?P<pre>[{CONJ}]?(?:{literal_alt(range_words('open_counts'))}))\s+|(?<![\w.,]))"
        rf"(?P<list>(?:{num}\s*{AND}\s*)+)$"
    )


def _listed(ctx: Ctx, pos: int) -> list[tuple[int, int, float]]:
    """The earlier numbers of a list of durations that ends at ``pos``: two or more after a range
    word ("بين 5 و 7 و 10 سنوات"), or any written in digits, which never join into one number
    ("3 و5 و9 سنوات", "30 و ثمان سنوات"; words can: "خمسة وعشرين"). A year (four digits) is no item;
    one number after a range word is left to the range rule."""
    before = ctx.before(pos, 60)
    m = _list_before().search(before)
    if m is None:
        return []
    start = pos - len(before) + m.start("list")
    items = [(start + x.start(), start + x.end(), x.group()) for x in _ITEM.finditer(m.group("list"))]
    digits = all(t[0].isdigit() for _, _, t in items)
    if not (digits if not m.group("pre") else len(items) >= 2):
        return []
    out = []
    for s, e, t in items:
        if t[0].isdigit():
            if len(t) >= 4:
                return []
            out.append((s, e, float(t.replace(",", "."))))
        elif (v := ctx.lex.numbers.get(t, ctx.lex.numbers.get(key(t)))) is not None:
            out.append((s, e, float(v)))
        else:
            return []
    return out
