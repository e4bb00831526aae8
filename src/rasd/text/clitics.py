"""Closed-class morphology as data (``resources/ar/morphology/``), in the views the
annotators need, so that no stage keeps its own copy of و/ف/ب/ل/ك/س/ال, of the nisba or
pronoun endings, or of the particles its rules are about.

- proclitic chains (``proclitics.tsv``): each chain once with its parts (conj, prep, fut,
  art); a view is a filter on the parts, folded, longest chain first (a chain is tried
  before a shorter one it ends with). A rule about one clitic names it by its gloss:
  ``proclitic("and")`` is و, ``chain("to", "the")`` is لل;
- inflectional affixes (``affixes.tsv``): ``affixes(kind, *tags)``, folded, longest first,
  or ``affix(kind, *tags)``, the one form as written (the feminine ending ة);
- named particles (``particles.tsv``): ``particle("in")`` is في (folded).

Everything is read once (cached); callers may keep a view in a module constant.
"""

from __future__ import annotations

from functools import cache

from rasd.resources.arabic import affix_rows, particle_forms, proclitic_chains, proclitic_glosses
from rasd.text.normalize import fold

TANWEEN_FATH = "\u064b"  # the mark of an indefinite accusative (سابقاً): a code point, not a word


def _longest_first(chains: set[str]) -> tuple[str, ...]:
    return tuple(sorted(chains, key=lambda c: (-len(c), c)))


@cache
def proclitics() -> tuple[str, ...]:
    """Every proclitic chain, folded, longest first."""
    return _longest_first({fold(c) for c, _ in proclitic_chains()})


@cache
def definite_chains(*, kaf: bool = True, max_parts: int = 0) -> tuple[str, ...]:
    """Chains ending in the article (ال, وال, لل, وبال …), longest first. ``kaf=False`` leaves
    out ك + ال (كال, وكال): rare, and in speaker phrases they would cut the very common
    وكالة/وكالات ("agency") into وكال + ة. ``max_parts``: chains of at most that many
    parts (2: وال, لل but not وبال)."""
    return _longest_first(
        {
            fold(c)
            for c, parts in proclitic_chains()
            if parts[-1:] == ("art",)
            and (kaf or not fold(c).endswith(chain("as", "the")))
            and (not max_parts or len(parts) <= max_parts)
        }
    )


@cache
def particle_chains() -> tuple[str, ...]:
    """Chains of conjunctions and prepositions only (و, ب, وب, فل …), longest first."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if set(parts) <= {"conj", "prep"}})


@cache
def conjunctions() -> tuple[str, ...]:
    """The one-letter conjunctions (و, ف)."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if parts == ("conj",)})


@cache
def prepositions(*, kaf: bool = True) -> tuple[str, ...]:
    """The one-letter prepositions (ب, ل, ك); ``kaf=False`` leaves out ك (كمية, كلمة)."""
    return _longest_first(
        {fold(c) for c, parts in proclitic_chains() if parts == ("prep",) and (kaf or c != proclitic("as"))}
    )


@cache
def future_chains() -> tuple[str, ...]:
    """Chains holding the future prefix (س, وس, فس), longest first."""
    return _longest_first({fold(c) for c, parts in proclitic_chains() if "fut" in parts})


@cache
def proclitic(gloss: str) -> str:
    """The one-part proclitic glossed ``gloss``: and (و), so (ف), by (ب), to (ل), as (ك),
    will (س), the (ال), folded."""
    forms = proclitic_glosses()
    if gloss not in forms:
        raise KeyError(f"no proclitic glossed {gloss!r} in proclitics.tsv")
    return fold(forms[gloss])


def article() -> str:
    """The definite article (ال)."""
    return proclitic("the")


@cache
def chain(*glosses: str) -> str:
    """The chain of the proclitics ``glosses`` in order, as ``proclitics.tsv`` writes it
    (``chain("to", "the")`` is لل: the article's alif drops after ل)."""
    kinds = {g: dict(proclitic_chains())[proclitic_glosses()[g]] for g in glosses}
    parts = tuple(p for g in glosses for p in kinds[g])
    lead = "".join(proclitic(g) for g in glosses if g != "the")
    for c, p in proclitic_chains():
        if p == parts and fold(c).startswith(lead):
            return fold(c)
    raise KeyError(f"no chain {'+'.join(glosses)} in proclitics.tsv")


@cache
def particle_pattern() -> str:
    """Regex of an optional conjunction then an optional preposition (``[وف]?[بلك]?``), for
    patterns that match folded text with the particles glued on ("وبعد", "لمدة")."""
    return f"(?:[{''.join(conjunctions())}]?[{''.join(prepositions())}]?)"


@cache
def affixes(kind: str, *tags: str) -> tuple[str, ...]:
    """Folded affixes of ``kind`` (imperfect, pronoun, plural, dual, construct, feminine,
    accusative, participle, verb_plural, nisba) that carry every tag in ``tags``, longest first."""
    rows = [(f, t) for f, k, t in affix_rows() if k == kind]
    if not rows:
        raise KeyError(f"no affixes of kind {kind!r} in affixes.tsv")
    return _longest_first({fold(f) for f, t in rows if t.issuperset(tags)})


@cache
def affix(kind: str, *tags: str) -> str:
    """The one affix of ``kind`` with ``tags`` (without tags: the untagged one), as written:
    ``affix("feminine")`` is ة, ``affix("feminine", "construct")`` is ت."""
    forms = [f for f, k, t in affix_rows() if k == kind and (t.issuperset(tags) if tags else not t)]
    if len(forms) != 1:
        raise KeyError(f"{len(forms)} affixes of kind {kind!r} with tags {tags} in affixes.tsv, not one")
    return forms[0]


def written_particle(gloss: str) -> str:
    """The particle glossed ``gloss`` as ``particles.tsv`` writes it (على, not the name علي)."""
    forms = particle_forms()
    if gloss not in forms:
        raise KeyError(f"no particle glossed {gloss!r} in particles.tsv")
    return forms[gloss]


@cache
def particle(gloss: str) -> str:
    """The particle glossed ``gloss`` (in: في, from: من, about: عن, with: مع, on: على,
    between: بين, what: ما, that: إن, on_behalf_of: باسم), folded."""
    return fold(written_particle(gloss))


def without_accusative(word: str) -> str | None:
    """``word`` without the tanween alef of an indefinite accusative (``مسؤولاً``, ``مسؤولًا``,
    ``مسؤولا`` → ``مسؤول``), else None: the head a reader sees in the nominative."""
    acc = affix("accusative")
    for suffix in (TANWEEN_FATH + acc, acc + TANWEEN_FATH, acc):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return None
