"""The quote engine's word lists, folded once: reporting verbs and the lists that shape
speaker phrases (titles, organisations, outlets, anonymous sources, adjuncts …).

Every word lives in ``resources/quotes/``; a synonym is one line there. ``member`` tests a
token against a list with and without a glued و/ف and the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.annotators.quantities.engine import lexicon as qlex
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.resources import arabic, load_lines, load_table
from rasd.text import fold
from rasd.text.clitics import affix, affixes, article, chain, conjunctions, proclitic

_ALEF = "\u0627"
_HAMZA_ALEFS = frozenset(chr(c) for c in range(0x0621, 0x064B) if chr(c) != _ALEF and fold(chr(c)) == _ALEF)  # أ إ آ
_BY = proclitic("by")  # بصرف
_TO_ART = chain("to", "the")  # للتعاون


def phrase(s: str) -> tuple[str, ...]:
    """A phrase as folded words."""
    return tuple(fold(x) for x in s.split())


@dataclass(frozen=True)
class Verb:
    """A reporting verb form: lemma, polarity, content prepositions and options (verbs.tsv)."""
    lemma: str
    polarity: str
    preps: frozenset[str]
    options: frozenset[str]
    participle: bool
    imperfect: bool = False  # يقول، تؤكد …: no subject and no one before it means no report


@dataclass(frozen=True)
class Lex:
    """All quote word lists, folded."""
    cues: dict[tuple[str, ...], Verb]
    max_cue: int
    comps: frozenset[str]
    say_nouns: frozenset[str]
    anon: frozenset[str]
    anon_adj: frozenset[str]
    titles: frozenset[str]
    orgs: frozenset[str]
    venues: frozenset[str]
    adjuncts: frozenset[str]
    adjunct_leads: frozenset[str]  # "ذات يوم": adjuncts only before an adjunct word
    outlets: frozenset[str]
    attributions: tuple[tuple[str, ...], ...]
    attr_verb: frozenset[tuple[str, ...]]  # phrases that need a reporting verb after them
    attr_closing: frozenset[tuple[str, ...]]  # ... and that close the clause they source
    sources: frozenset[str]
    deny: tuple[tuple[tuple[str, ...], bool], ...]  # (phrase, rejects a claim) from deny.txt
    said: tuple[tuple[str, ...], ...]  # what was said before: a negated fact naming one denies it
    skip: frozenset[str]
    relatives: frozenset[str]
    obj_starts: frozenset[str]
    audiences: frozenset[str]
    left_blockers: frozenset[str]
    noun_after: frozenset[str]  # left_blockers marked `noun`: "إلى نقل …" is the verbal noun
    in_doc: frozenset[str]
    openers: frozenset[str]
    topics: frozenset[str]
    medium_before: frozenset[str]  # "نقل عنه موقع X": the outlet after it carried the words
    latter: frozenset[str]  # الأخير، الأخيرة (folded, with the article)
    addressees: frozenset[str] = frozenset()  # جميع، كافة …: an addressee opens after the subject
    not_cues: frozenset[str] = frozenset()  # إبان: written forms (hamza kept) that fold onto a cue
    binders: frozenset[str] = frozenset()  # بعد، قبل، إلا …: with أن they are a conjunction of their own
    object_heads: frozenset[str] = frozenset()  # مسؤولية، دعم …: with a pronoun, the cue's object
    persons: frozenset[str] = frozenset()  # الطالب، اللاعب …: a person of the story, no office
    boilerplate: tuple[tuple[str, ...], ...] = ()  # رابط الخبر: a line the site adds, no report in it
    led_by: frozenset[str] = frozenset()  # بقيادة، برئاسة: the person after them leads the speaker
    prep_titles: frozenset[tuple[str, ...]] = frozenset()  # (مشرف, على): a title that governs its preposition
    prep_adverbs: frozenset[tuple[str, ...]] = frozenset()  # (على, التوالي): an adverb, no content
    go_on: frozenset[str] = frozenset()  # مضى، تابع …: "ومضى يقول إن" continues the last speaker



def org_head_words() -> list[str]:
    """Heads of organisation names as written: the heads of named bodies the entity rules use
    (``entities/body_heads.txt``: لجنة، مجلس …) and the other heads quotes know
    (``quotes/org_heads.txt``: وزارة، قيادة …), each list kept once."""
    return [*load_lines("entities/body_heads.txt"), *load_lines("quotes/org_heads.txt")]

@cache
def adjunct_rows() -> dict[str, bool]:
    """Folded adjunct words (``quotes/adjuncts.txt``) -> whether the word governs a noun of its
    own (second column ``governs``: "عبر تويتر", "خلال مؤتمر صحفي")."""
    rows = (line.split("\t") for line in load_lines("quotes/adjuncts.txt"))
    return {fold(r[0].strip()): len(r) > 1 and r[1].strip() == "governs" for r in rows}


@cache
def manner_adjuncts() -> frozenset[str]:
    """Folded adjunct words marked ``manner`` (``بشكل``, ``بصورة``): the indefinite adjective
    after one is part of the adjunct (``بشكل رسمي``), not the start of reported content."""
    rows = (line.split("\t") for line in load_lines("quotes/adjuncts.txt"))
    return frozenset(fold(r[0].strip()) for r in rows if len(r) > 1 and r[1].strip() == "manner")


@cache
def _hamza_adjuncts() -> dict[str, str]:
    """Folded adjunct word -> its written form, for those written with a hamza on the alef."""
    rows = (line.split("\t")[0].strip() for line in load_lines("quotes/adjuncts.txt"))
    return {fold(w): w for w in rows if w[:1] in _HAMZA_ALEFS}


def other_hamza(text: str) -> bool:
    """The written word (``text``, with or without و/ف) folds to an adjunct but carries another
    hamza (``إمام`` the imam against ``أمام`` in front of): a different word. A bare alef
    (``امام``) may be either and still reads as the adjunct."""
    for w in (text, text[1:]) if text[:1] in conjunctions() else (text,):
        listed = _hamza_adjuncts().get(fold(w))
        if listed is not None and w[:1] in _HAMZA_ALEFS and w[:1] != listed[:1]:
            return True
    return False


@cache
def pronoun_adjuncts() -> frozenset[str]:
    """Folded adjunct words marked ``pronoun`` (``وهو``, ``وهي``): before ``ما`` and a cue with its
    object pronoun they resume the clause just said, as a demonstrative does (quotes/resumed.py)."""
    rows = (line.split("\t") for line in load_lines("quotes/adjuncts.txt"))
    return frozenset(fold(r[0].strip()) for r in rows if len(r) > 1 and r[1].strip() == "pronoun")


@cache
def time_adjuncts() -> frozenset[str]:
    """Folded adjunct words marked ``time`` (``أمس``, ``صباح``) and the weekdays: a time adverb that
    may stand between a cue and its subject (``وأوضح أمس الخميس X أن …``)."""
    rows = (line.split("\t") for line in load_lines("quotes/adjuncts.txt"))
    marked = frozenset(fold(r[0].strip()) for r in rows if len(r) > 1 and r[1].strip() == "time")
    return marked | frozenset(fold(w) for w, _ in arabic.weekdays())


@cache
def lexicon() -> Lex:
    """All quote word lists, folded, loaded once."""
    cues: dict[tuple[str, ...], Verb] = {}
    imperfect = "".join(affixes("imperfect"))  # ي ت ن (a string: "" is in it)
    for r in load_table("quotes/verbs.tsv"):
        lemma, pol, preps, opts = r[0], r[1], r[2], r[3]
        pset = frozenset() if preps == "-" else frozenset(fold(p) for p in preps.split("|"))
        oset = frozenset() if opts == "-" else frozenset(opts.split(","))
        for col, part in ((4, False), (5, True)):
            if len(r) > col and r[col] != "-":
                for f in r[col].split("|"):
                    ff, fl = fold(f), fold(lemma)
                    imperf = not part and ff[:1] in imperfect and not ff.startswith(fl[:2])
                    cues.setdefault(phrase(f), Verb(lemma, pol, pset, oset, part, imperf))

    def lines(name: str) -> frozenset[str]:
        return frozenset(fold(x) for x in load_lines(f"quotes/{name}"))

    art = article()
    gentilics = frozenset(qlex().gentilics)
    places = frozenset(" ".join(p) for p in qlex().places)
    return Lex(
        cues=cues,
        max_cue=max(len(k) for k in cues),
        comps=lines("complementizers.txt"),
        say_nouns=lines("say_nouns.txt"),
        anon=lines("anonymous.txt"),
        anon_adj=lines("anonymous_adjectives.txt") | gentilics | frozenset(art + g for g in gentilics),
        titles=frozenset(fold(x) for x in arabic.titles("role")),
        orgs=lines("org_words.txt") | frozenset(fold(x) for x in org_head_words()) | gentilics | frozenset(art + g for g in gentilics) | places,
        venues=lines("venues.txt"),
        adjuncts=frozenset(adjunct_rows()) | frozenset(fold(w) for w, _ in arabic.weekdays()),
        adjunct_leads=lines("adjunct_leads.txt"),
        outlets=lines("outlets.txt"),
        attributions=tuple(sorted((phrase(r[0]) for r in load_table("quotes/attributions.tsv")), key=len, reverse=True)),
        attr_verb=frozenset(phrase(r[0]) for r in load_table("quotes/attributions.tsv") if len(r) > 2 and r[2] in ("verb", "closing")),
        attr_closing=frozenset(phrase(r[0]) for r in load_table("quotes/attributions.tsv") if len(r) > 2 and r[2] == "closing"),
        sources=lines("sources.txt"),
        deny=tuple((phrase(r[0]), r[1] == "rejects") for r in load_table("quotes/deny.txt") if r[1] != "said"),
        said=tuple(phrase(r[0]) for r in load_table("quotes/deny.txt") if r[1] == "said"),
        skip=lines("skip_words.txt"),
        relatives=lines("relatives.txt"),
        obj_starts=lines("object_starts.txt"),
        audiences=lines("audiences.txt"),
        left_blockers=frozenset(fold(r[0]) for r in load_table("quotes/left_blockers.txt")),
        noun_after=frozenset(fold(r[0]) for r in load_table("quotes/left_blockers.txt") if r[1:2] == ("noun",)),
        in_doc=lines("in_document.txt"),
        openers=lines("clause_openers.txt"),
        topics=lines("topics.txt"),
        medium_before=lines("medium_before.txt"),
        latter=lines("latter.txt"),
        addressees=lines("addressee_openers.txt"),
        not_cues=frozenset(load_lines("quotes/not_cues.txt")),
        binders=lines("comp_binders.txt"),
        object_heads=lines("object_heads.txt"),
        persons=lines("person_nouns.txt"),
        boilerplate=tuple(phrase(x) for x in load_lines("quotes/boilerplate.txt")),
        led_by=lines("led_by.txt"),
        prep_titles=frozenset(phrase(x) for x in load_lines("quotes/prep_titles.txt")),
        prep_adverbs=frozenset(phrase(x) for x in load_lines("quotes/prep_adverbs.txt")),
        go_on=lines("go_on.txt"),
    )


def governed_prep(lex: Lex, head: str, prep: str, before: str = "") -> bool:
    """``prep`` (folded) belongs to the title ``head`` before it (``والمشرف على``), so it opens
    neither a cue's content nor an adjunct; ``before`` is the word before ``head``, for a title
    whose adjective stands between (``المشرف العام على``: a three-word line of prep_titles.txt)."""
    if any((_nodef(x), prep) in lex.prep_titles for x in _bare(head)):
        return True
    return bool(before) and any(
        (_nodef(x), _nodef(head), prep) in lex.prep_titles for x in _bare(before)
    )


def glued_prep(verb: Verb, w: str) -> str | None:
    """The preposition of ``verb``'s PREPS written glued to ``w`` (``بصرف``; ``للتعاون`` when
    the verb lists ``لل``: to + a definite verbal noun), else None."""
    return next((p for p in (_BY, _TO_ART) if p in verb.preps and w.startswith(p)), None)


def member(w: str, words: frozenset[str]) -> bool:
    """``w`` (with or without و/ف and the article) is in ``words``."""
    return any(x in words or _nodef(x) in words for x in _bare(w))


def adjunct_member(w: str, words: frozenset[str]) -> bool:
    """``member`` for ``adjuncts.txt``, except that a preposition never takes the article:
    ``الإمام`` (the imam, in "جامعة الإمام …") is not ``أمام`` (in front of)."""
    rows = adjunct_rows()
    return any(x in words or (_nodef(x) in words and not rows.get(_nodef(x), False)) for x in _bare(w))


_POSS = affixes("pronoun", "definite")  # ها، هم، ه … (not ي: "مديري" is also a plural in construct)
_TA, _TA_MARBUTA = fold(affix("feminine", "construct")), fold(affix("feminine"))


def stem_in(base: str, words: frozenset[str]) -> bool:
    """``base``, the word before a possessive pronoun, is one of ``words``, also with its
    construct ت read back as ة (``وزارت`` of ``وزارتها``, ``ثقت`` of ``ثقتها``)."""
    return base in words or (base.endswith(_TA) and base[: -len(_TA)] + _TA_MARBUTA in words)


def possessed(w: str, words: frozenset[str]) -> bool:
    """``w`` is a word of ``words`` with a possessive pronoun (``بنكها المركزي``, ``وزارتها``):
    "its bank" names the body as well as "the bank" does."""
    for x in _bare(w):
        for s in _POSS:
            base = x[: -len(s)]
            if x.endswith(s) and len(base) >= 3 and stem_in(base, words):
                return True
    return False
