"""A name a document once says after an organisation head is an organisation all through it.

The model types a foreign company by its sound: ``في شركة بتروبراس`` is an ORG, the same
word alone between quote marks (``وسجلت "بتروبراس" خسائر``) often a GPE. When the
document says the name right after a head that leaves it out (``generic_heads.tsv`` rows
for ORG: ``شركة``, ``مجموعة``, ``بنك``, ``نادي`` …), the model's place readings of the same
name (there and elsewhere in it) are retyped ORG, unless the name is a listed place
(``قناة السويس`` says nothing against the city). A line of business said with لل after
such a name belongs to it (``business_lines.txt``: ``كامارجو كوريا للإنشاءات``).
"""

from __future__ import annotations

from functools import cache

from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.cand import Cand
from rasd.resources import load_lines, load_table
from rasd.text.clitics import article
from rasd.text.tokens import Token

_QUOTES = "«\"“”'"
_ART = article()


@cache
def _heads() -> frozenset[str]:
    """Folded heads that introduce an organisation's bare name."""
    return frozenset(
        gz.key_of(r[0])
        for r in load_table("entities/generic_heads.tsv")
        if len(r) > 1 and "ORG" in r[1].split("|")
    )


@cache
def _business_lines() -> frozenset[str]:
    return frozenset(gz.key_of(w) for w in load_lines("entities/business_lines.txt"))


def _after_head(toks: list[Token], c: Cand, heads: frozenset[str]) -> bool:
    j = c.first - 1
    while j >= 0 and not toks[j].is_word and toks[j].text in _QUOTES:
        j -= 1  # "شركة «بتروبراس»"
    # an indefinite head in construct: "شركة X"; "النادي بحي الزهرة" says where the club is
    return (
        j >= 0
        and toks[j].is_word
        and not toks[j].norm.startswith(_ART)
        and bool(gz.bare_forms(toks[j]) & heads)
    )


def company_names(toks: list[Token], text: str, accepted: list[Cand]) -> None:
    """Retype, in place, the model's GPE/LOC readings of a name the document says right after
    an organisation head (there typed ORG, or read as a place no list knows)."""
    heads = _heads()

    def unlisted_place(c: Cand) -> bool:
        return (
            c.type in ("GPE", "LOC")
            and c.source == "model"
            and gz.place_lookup(text[c.start : c.end]) is None
        )

    named = {
        gz.key_of(text[c.start : c.end])
        for c in accepted
        if (c.type == "ORG" or unlisted_place(c)) and _after_head(toks, c, heads)
    }
    used = {i for c in accepted for i in range(c.first, c.last + 1)}
    lines = _business_lines()
    for c in accepted:
        if unlisted_place(c) and gz.key_of(text[c.start : c.end]) in named:
            c.type = "ORG"
        n = c.last + 1
        if (
            c.type == "ORG"
            and n < len(toks)
            and n not in used
            and toks[n].norm in lines
            and _after_head(toks, c, heads)
        ):
            c.last, c.end = n, toks[n].end  # "شركة كامارجو كوريا للإنشاءات"
            used.add(n)


__all__ = ["company_names"]
