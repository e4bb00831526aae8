"""Open-class counted objects from Arabic number–noun syntax, duals and "one of" counts.

The closed object lexicon (``objects.tsv``) misses most real counted nouns (نقطة، ريال،
برميل، قاطرة …). Arabic grammar says where the noun is and in which form: 3–10 take a
plural genitive (خمس قاطرات), 11–99 a singular accusative with tanween alef (30 هدفا),
100+ a singular genitive (120 ألف شخص). This module turns that noun into a singular
indefinite lemma: article and clitics off, sound plurals (ون/ين/ات) and tanween alef off,
broken plurals through ``plurals.tsv``. Open duals (``open_duals``) and ``أحد/إحدى`` + plural
(``one_of_plural``) read their nouns through it. Every word list is a resource file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.resources import arabic, load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import (
    TANWEEN_FATH,
    affix,
    affixes,
    article,
    chain,
    conjunctions,
    definite_chains,
    particle,
    prepositions,
    proclitic,
)

_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # tashkeel, dagger alef, tatweel
_LETTERS = re.compile("^[\u0621-\u064a]+$")
# closed-class morphology, from resources/ar/morphology (rasd.text.clitics)
_POSSESSIVE = affixes("pronoun", "plural_noun")
_PLURAL = affixes("plural")  # ات، ون، ين
_MASC_PL = affixes("plural", "masc")  # ون، ين
_FEM_PL = affixes("plural", "fem")  # ات
_FEM = affix("feminine")  # ة, as written
_FEM_OPEN = affix("feminine", "construct")  # ت: the ة before a pronoun
_ACC = affixes("accusative")  # the tanween alef
_VERB_PL = affixes("verb_plural")  # قالوا
_NISBA = affixes("nisba", "base")  # ي
_NISBA_PL = tuple(n + p for n in _NISBA for p in _MASC_PL)  # يون، يين
_NISBA_FEM = tuple(fold(n + _FEM) for n in _NISBA)  # ية: a non-human plural's adjective
_CONSTRUCT_PL = affixes("construct", "plural")  # منتسبي
_PARTICIPLE = fold(affix("participle"))  # the alef of فاعل
_SAME = frozenset(fold(w) for w in load_lines("quantities/same_one.txt"))  # مسافة واحدة: the same
_CONJ = conjunctions()  # و، ف
_AND = proclitic("and")
_PARTICLES = (*conjunctions(), *prepositions(kaf=False))  # و ف ب ل: one glued particle
_TO_PB = prepositions(kaf=False)  # ب، ل
_TO_VERB = proclitic("to") + fold(affix("imperfect", "he"))  # ليدخل: ل + an imperfect verb
_IMPF = fold(affix("imperfect", "he"))  # يـ: يعيشون (they live) after a number is a verb
ONE_ALONE = frozenset(fold(w) for w in load_lines("quantities/one_alone.txt"))  # أكثر من مرة: 1
_AS = proclitic("as")  # ك: "ثلاث كبديل" = three as a substitute
_ART = article()
_AND_ART = chain("and", "the")  # وال
_TO = proclitic("to")  # ل
_TO_THE = fold(chain("to", "the"))  # لل
_POST_DEF = (_ART, chain("to", "the"), chain("by", "the"), _AND_ART)  # ال، لل، بال، وال
_FROM = particle("from")  # من
_CLOSERS = frozenset({")", '"', "'", "]"})
# Word-level readings (clean, article, plural, lemma, dual forms) are pure functions of the
# word as written: remembered for this many distinct words, since every token of every
# document asks them. Only immutable values are remembered.
WORD_MEMO = 1 << 14

LexMatch = Callable[[int], "tuple[int, str] | None"]


@dataclass(frozen=True)
class NounLex:
    plurals: dict[str, str]  # folded plural -> singular lemma
    singulars: frozenset[str]  # folded singulars whose plural is broken or -ات: safe dual stems
    sound_masc: frozenset[str]  # folded singulars with a -ون/-ين plural: -ين/-ي is ambiguous
    not_objects: frozenset[str]
    others: dict[str, str]
    anaphoric: frozenset[str]
    part_of: frozenset[str]
    one_of: frozenset[str]
    one_of_fem: frozenset[str]  # إحدى: its noun is read as a feminine singular where one is listed
    feminine: dict[str, str]  # folded plural -> its feminine singular (فرق: فرقة beside فريق)
    fractions: dict[str, tuple[float, str]]
    score_after: frozenset[str]
    score_objects: frozenset[str]
    ordinals: frozenset[str]
    time_units: frozenset[str]
    hamza_seats: dict[str, str]  # seat of a final hamza before a pronoun -> bare hamza


@cache
def nouns() -> NounLex:
    """The open-class noun resources, folded, loaded once."""
    plurals: dict[str, str] = {}
    feminine: dict[str, str] = {}
    sound: set[str] = set()
    for plural, singular in load_table("quantities/plurals.tsv"):
        plurals.setdefault(fold(plural), singular)
        if singular.endswith(_FEM):
            feminine.setdefault(fold(plural), singular)
        if fold(plural).endswith(_MASC_PL):
            sound.add(fold(singular))
    for row in load_table("quantities/objects.tsv"):
        if any(fold(f).endswith(_MASC_PL) for f in row[1].split("|")):
            sound.add(fold(row[0]))
    singulars = {fold(s) for s in plurals.values()} | {fold(r[0]) for r in load_table("quantities/objects.tsv")}
    return NounLex(
        plurals=plurals,
        singulars=frozenset(singulars - sound),
        sound_masc=frozenset(sound),
        not_objects=frozenset(fold(w) for f in ("quantities/not_objects.txt", "ar/places/compass.txt") for w in load_lines(f)),
        others={fold(r[0]): r[1] for r in load_table("quantities/others.tsv")},
        anaphoric=frozenset(fold(w) for w in load_lines("quantities/anaphoric_duals.txt")),
        part_of=frozenset(fold(w) for w in load_lines("quantities/part_of.txt")),
        one_of=frozenset(fold(r[0]) for r in load_table("quantities/one_of.txt") if r[1:2] != ("pronoun",)),
        one_of_fem=frozenset(fold(r[0]) for r in load_table("quantities/one_of.txt") if r[1:] == ("feminine",)),
        feminine=feminine,
        fractions={fold(r[0]): (float(r[1]), r[2]) for r in load_table("quantities/fractions.tsv")},
        score_after=frozenset(fold(w) for w in load_lines("quantities/score_after.txt")),
        score_objects=frozenset(fold(w) for w in load_lines("quantities/score_objects.txt")),
        ordinals=frozenset(fold(w) for w, _, kind in arabic.ordinals() if kind == "units"),
        time_units=time_words(),
        hamza_seats={r[0]: r[1] for r in load_table("quantities/hamza_seats.tsv")},
    )


@cache
def time_words() -> frozenset[str]:
    """Words after which a number is a date or a duration, not a count: time units
    (``skip_after.txt``) and the first word of every Arabic month name (``ar/calendar``)."""
    months = {fold(form.split()[0]) for form, _ in arabic.months()}
    return frozenset(fold(w) for w in load_lines("quantities/skip_after.txt")) | months


def clean(word: str) -> str:
    """The word without short vowels, tanween marks and tatweel (hamza and ة kept)."""
    return _MARKS.sub("", word)


@lru_cache(maxsize=WORD_MEMO)
def folded(word: str) -> str:
    """``fold(clean(word))``: the key every word list is read with."""
    return fold(clean(word))


@cache
def article_forms() -> tuple[str, ...]:
    """The article with the particles attached before it, longest first (``rasd.text.clitics``)."""
    return definite_chains()


def strip_article(w: str) -> tuple[str, bool]:
    """``w`` without a leading (preposition +) article, and whether it had one. After ل + ال a
    noun's own first ل is not written twice (``للاعبين`` is ل + اللاعبين): the ل stays when only
    with it the rest is a known noun (``لاعبين``), else ``للمدينة`` keeps ``مدينة``."""
    for p in article_forms():
        if w.startswith(p) and len(w) - len(p) >= 2:
            rest = w[len(p) :]
            if fold(p).endswith(_TO_THE) and _known_noun(_TO + rest) and not _known_noun(rest):
                return _TO + rest, True
            return rest, True
    return w, False


@lru_cache(maxsize=WORD_MEMO)
def _known_noun(w: str) -> bool:
    """Is ``w`` a listed noun form: a plural, a singular, or one with a sound plural ending cut?"""
    nl = nouns()
    f = fold(w)
    cands = [f, *(f[: -len(e)] for e in _MASC_PL if f.endswith(e))]
    cands += [f[: -len(e)] + fold(_FEM) for e in _FEM_PL if f.endswith(e)]
    return any(c in nl.plurals or c in nl.singulars or c in nl.sound_masc for c in cands)


@lru_cache(maxsize=WORD_MEMO)
def is_definite(raw: str) -> bool:
    """Does the word carry the article (after an attached و/ف/ب/ل)?"""
    w = clean(raw)
    return strip_article(w)[1] or (len(w) > 3 and w[0] in _CONJ and strip_article(w[1:])[1])


def lemma(raw: str, *, plural: bool = False, acc: bool = False) -> str | None:
    """Singular indefinite lemma of a counted noun as written, or None if it is no noun.

    ``plural``: the syntax expects a plural (after 3–10, ``من``, ``أحد``), so sound plural
    endings may be stripped; ``acc``: a singular accusative (after 11–99), so a final alef
    is tanween. Broken plurals come from ``plurals.tsv``.
    """
    return _lemma(raw, plural, acc)


@lru_cache(maxsize=WORD_MEMO)
def _lemma(raw: str, plural: bool, acc: bool) -> str | None:
    nl = nouns()
    acc = acc or TANWEEN_FATH in raw
    w, _ = strip_article(clean(raw))
    f = fold(w)
    if acc and f.endswith(_VERB_PL) and _LETTERS.match(w):
        stem = _cut(w, f, _ACC)  # عضوا: a listed noun in و with its tanween alef, not a verb
        if fold(stem) in nl.singulars or fold(stem) in nl.sound_masc:
            return stem
    if not _LETTERS.match(w) or len(f) < 2 or f in nl.not_objects or f.endswith(_VERB_PL):
        return None
    if f in nl.plurals:
        return nl.plurals[f]
    if f.endswith(_NISBA_PL) and len(f) >= 5:
        return _cut(w, f, _MASC_PL)  # عسكريين → عسكري
    if acc and f.endswith(_ACC) and len(f) >= 3:
        w = _cut(w, f, _ACC)
        return nl.plurals.get(fold(w), w)
    if plural and len(f) >= 5:
        if f.endswith(_FEM_PL):
            return _cut(w, f, _FEM_PL) + _FEM
        if f.endswith(_MASC_PL):
            return _cut(w, f, _MASC_PL)
    return w


def _cut(w: str, f: str, ends: tuple[str, ...]) -> str:
    """``w`` without the first of ``ends`` that its folded form ``f`` ends with."""
    end = next(e for e in ends if f.endswith(e))
    return w[: len(w) - len(end)]


@lru_cache(maxsize=WORD_MEMO)
def is_plural(raw: str) -> str | None:
    """Singular of a written plural (article, possessive suffix allowed), else None."""
    nl = nouns()
    w, _ = strip_article(clean(raw))
    owned = [w[: -len(s)] for s in _POSSESSIVE if w.endswith(s) and len(w) - len(s) >= 3]
    owned += [c[:-1] + nl.hamza_seats[c[-1]] for c in owned if c[-1] in nl.hamza_seats]  # أعضائها: أعضاء
    opened = [c[: -len(_FEM_OPEN)] + _FEM for c in owned if c.endswith(_FEM_OPEN)]  # أنظمتها: أنظمة
    for cand in (w, *owned, *opened):
        f = fold(cand)
        if not _LETTERS.match(cand) or f in nl.not_objects:
            continue
        if f in nl.plurals:
            return nl.plurals[f]
        if cand in opened:
            continue  # only a listed plural: an open ت may be the word's own (أوقاتها)
        if len(f) >= 5 and f.endswith(_PLURAL):
            return lemma(cand, plural=True)
    return None


@cache
def currencies() -> frozenset[str]:
    """Folded currency lemmas (``quantities/currencies.txt``)."""
    return frozenset(fold(x) for x in load_lines("quantities/currencies.txt"))


def open_object(toks: Sequence[Token], j: int, value: float | None) -> tuple[int, int, str] | None:
    """The counted noun after a number ending at token ``j``: (first, end, lemma)."""
    k = j
    while k < len(toks) and toks[k].norm in _CLOSERS:
        k += 1
    via_min = k < len(toks) and toks[k].norm == _FROM
    k += via_min
    if via_min and _pointed(toks, k):
        k += 1  # 19 من تلك العناصر: the group after its demonstrative
    if k >= len(toks):
        return None
    tok = toks[k]
    owned = _owned_group(tok.text) if via_min else None
    if owned is not None:
        return k, k + 1, owned  # اثنين من مقاتليه, ثلاثة من جنودها: the group with its owner's pronoun
    if via_min and is_plural(tok.text) is None:
        single = _construct_plural(toks, k)
        if single is None:
            return None  # "17 من المدينة": من names a group only before a plural (خمسة من الجنود)
        return k, k + 1, single
    bare = strip_article(clean(tok.text))[0]
    if value is None and not via_min and is_definite(tok.text) and fold(bare) in currencies():
        return k, k + 1, bare  # ملايين اليورو: a vague amount of a currency names it with the article
    vague_of = (  # مئات المهاجرين: a vague amount's plural is definite (not العشرات الآخرين)
        value is None
        and is_plural(tok.text) is not None
        and fold(strip_article(clean(tok.text))[0]) not in nouns().others
    )
    if not via_min and is_definite(tok.text) and (value is None or value >= 1) and not vague_of:
        return None  # "3 الإسبانية": a counted noun right after its number has no article (ثلثي المساحة has)
    if not via_min and _theirs(tok.text):
        return None  # "بينهم 15 إصاباتهم خطيرة": "their" marks the next clause's subject, not the counted noun
    # 3–10 count a plural, and so do 103–110, 1005 … (the hundreds or thousands plus 3–10: 108 مبايعات)
    plural = value is None or 3 <= value <= 10 or via_min or (value.is_integer() and value > 100 and 3 <= value % 100 <= 10)
    plural = plural or (value is not None and value < 1 and is_definite(tok.text))  # ثلثا المستخدمين: a fraction of a group
    acc = value is not None and (not value.is_integer() or 11 <= value % 100 <= 99)  # 1,83 درهما
    if not _noun_like(tok.text, plural=plural, acc=acc, bare=k == j):
        return None
    got = lemma(tok.text, plural=plural, acc=acc)
    if got is None or fold(got) in nouns().time_units:
        return None
    return k, k + 1, got


def _construct_plural(toks: Sequence[Token], k: int) -> str | None:
    """``10 من قياديي الحزب``: a sound plural in construct (its ن dropped) before a definite
    complement names the group after من; its singular, else None."""
    w = clean(toks[k].text)
    f = fold(w)
    if len(f) < 5 or not f.endswith(_CONSTRUCT_PL) or k + 1 >= len(toks):
        return None
    chain = k + 2 < len(toks) and toks[k + 1].norm[:1].isalpha() and is_definite(toks[k + 2].text)
    stem = _cut(w, f, _CONSTRUCT_PL)
    # قياديي الحزب، قياديي حزب التجمع; a listed noun with a -ين plural also before a name (لاعبي روما)
    known = fold(stem) in nouns().sound_masc and toks[k + 1].norm[:1].isalpha()
    if not (is_definite(toks[k + 1].text) or chain or known):
        return None
    return None if fold(stem) in nouns().not_objects else stem


def _noun_like(raw: str, *, plural: bool, acc: bool, bare: bool = False) -> bool:
    """A word after a number that starts with و/ف (or لي + verb) is the next clause
    (``777 وسيتم``, ``(64) وتياجو``, ``(66) ليدخل``) unless it is a known noun or has the
    form the number asks for (``130 وافدا``, ``خمس وحدات``)."""
    w = fold(clean(raw))
    if _for_noun(w):
        return False
    verb = w.startswith(_TO_VERB) and len(w) >= 5  # ليدخل: لـ + a verb; يعيشون: a verb (not يمنيون)
    verb = verb or (w.startswith(_IMPF) and w.endswith(_MASC_PL) and len(w) >= 6 and not w.endswith(_NISBA_PL) and w[1] != _PARTICIPLE)
    # "وفي ثلاث كبديل": a singular in كـ after a number that asks for a plural is "as …"
    as_ = plural and not acc and w.startswith(_AS) and len(w) >= 4
    if (w[:1] not in _CONJ and not verb and not as_) or len(w) < 3:
        return True
    nl = nouns()
    if w in nl.plurals or w in nl.singulars or w in nl.sound_masc:
        return True
    # فائزين، وافدين: a فاعل plural whose first root letter is و/ف, not و/ف + a word
    participle = plural and w.endswith(_MASC_PL) and len(w) >= 6 and w[1] == _PARTICIPLE
    # 500 وجبة، مليون فرصة، 45 وجبة: a singular in ة where the number asks for a singular (its accusative
    # is unwritten); not after a bracket, where و starts the next clause: "(15) وإصابة (33)"
    fem = not plural and (not acc or bare) and w.endswith(fold(_FEM)) and len(w) >= 4 and w[1:] not in _cardinal_words()
    return (acc and w.endswith(_ACC)) or (plural and w.endswith(_FEM_PL)) or participle or fem


def _for_noun(w: str) -> bool:
    """``ل`` + a listed noun, the word itself none (``366 لأراض``, ``و827 لغرفة …``): what the
    count is for; the counted noun is elided and is the one counted before (``لجنة`` is a noun)."""
    nl = nouns()
    return w.startswith(_TO) and len(w) >= 4 and not _listed(nl, w) and _listed(nl, w[len(_TO) :])


def _listed(nl: NounLex, w: str) -> bool:
    return w in nl.singulars or w in nl.plurals


@cache
def _cardinal_words() -> frozenset[str]:
    """Number words, folded: ``مليوني وثلاثة ملايين`` goes on with a number, not a noun."""
    return frozenset(fold(c.form) for c in arabic.cardinals())


def of_group(toks: Sequence[Token], j: int) -> bool:
    """``اثنين من الأتراك``: من and a definite plural after one or two name what is counted."""
    if j + 1 >= len(toks) or toks[j].norm != _FROM:
        return False
    if _pointed(toks, j + 1):
        j += 1  # اثنين من هؤلاء المسلحين
    if _owned_group(toks[j + 1].text) is not None:
        return True  # اثنين من مقاتليه
    if is_plural(toks[j + 1].text) is None:
        return False
    # اثنين من عمالقة الغناء; اثنين من أعضاء تلك اللجان
    construct = j + 2 < len(toks) and (is_definite(toks[j + 2].text) or _pointed(toks, j + 2))
    return is_definite(toks[j + 1].text) or construct


@cache
def _their() -> tuple[str, ...]:
    return affixes("pronoun", "their")  # longest first


def _theirs(raw: str) -> bool:
    """Four letters or more before "their" (``إصاباتهم``, ``حالتهم``; not ``متهم``)."""
    f = folded(raw)
    return any(f.endswith(p) and len(f) - len(p) >= 4 for p in _their())


@cache
def _demonstratives() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("ar/morphology/demonstratives.txt"))


def _pointed(toks: Sequence[Token], k: int) -> bool:
    """``toks[k]`` is a demonstrative before a definite word (``تلك العناصر``): the
    demonstrative only points at the group the next word names."""
    return k + 1 < len(toks) and toks[k].norm in _demonstratives() and is_definite(toks[k + 1].text)


def _bare(tok: Token) -> tuple[str, int]:
    """The word without one proclitic و/ف/ب/ل and the number of original characters dropped."""
    return _bare_text(tok.text)


def _bare_text(text: str) -> tuple[str, int]:
    if len(text) > 3 and text[0] in _PARTICLES:
        k = 1
        while k < len(text) and _MARKS.match(text[k]):
            k += 1
        return text[k:], k
    return text, 0


def _owned_group(raw: str) -> str | None:
    """Singular of a plural with a possessive pronoun after من (``مقاتليه`` → مقاتل, ``جنودها`` →
    جندي), else None: a partitive names its group with the owner's pronoun as often as with ال."""
    w = clean(raw)
    if is_definite(w) or not any(w.endswith(p) and len(w) - len(p) >= 3 for p in _POSSESSIVE):
        return None
    return is_plural(w) or _construct_sound(w)


def _construct_sound(w: str) -> str | None:
    """Singular of a sound plural in construct, bare or before a possessive: ``منتسبي``,
    ``دائنيها`` (one of its creditors) → دائن."""
    for cand in (w, *(w[: -len(p)] for p in _POSSESSIVE if w.endswith(p) and len(w) - len(p) >= 5)):
        f = fold(cand)
        if len(f) >= 5 and f.endswith(_CONSTRUCT_PL) and f not in nouns().not_objects:
            return _cut(cand, f, _CONSTRUCT_PL)
    return None


def post_definite(text: str) -> bool:
    """Does the word start with ال، لل، بال or وال (a plural before a post-posed number)?"""
    return folded(text).startswith(_POST_DEF)


def post_head(text: str) -> bool:
    """Can the word head a post-posed number: a definite plural, or one owned by a pronoun
    (``شروطه الخمسة``, ``أبناؤه الثلاثة``: a first mention like ``الشروط الخمسة``)?"""
    return post_definite(text) or (not is_definite(text) and _owned_group(text) is not None)


def post_number(norm: str, numbers: dict[str, tuple[float, str]]) -> bool:
    """Can ``post_nominal`` read a number at a word folded ``norm`` (ال، ال15، الثلاث)?"""
    if not norm.startswith(_ART):
        return False
    bare = norm[len(_ART) :]
    return norm == _ART or bare.isdigit() or _post_word(bare, numbers)


def _post_word(bare: str, numbers: dict[str, tuple[float, str]]) -> bool:
    """A number word that may follow a definite plural: 3–10 and the tens (النساء العشر)."""
    return numbers.get(bare, (0, ""))[1] in ("unit", "ten") or numbers.get(bare) == (10.0, "teen")


def post_nominal(
    toks: Sequence[Token], i: int, numbers: dict[str, tuple[float, str]]
) -> tuple[int, int, float, str, int] | None:
    """A definite number after a definite plural (الدول الـ15، النقاط الثلاث): (start, end,
    value, lemma, index of the plural)."""
    if i == 0:
        return None
    tok = toks[i]
    prev = toks[i - 1]
    if not post_head(prev.text):
        return None
    single, head = is_plural(prev.text) or _owned_group(prev.text), i - 1
    if single is None and i > 1 and not is_definite(toks[i - 2].text):
        single, head = is_plural(toks[i - 2].text), i - 2  # حالات الإصابة الستة: a construct's plural head
    elif single is None and i > 1 and post_definite(toks[i - 2].text) and prev.norm.endswith(_NISBA_FEM):
        single, head = is_plural(toks[i - 2].text), i - 2  # القوى العالمية الست: the plural before its adjective
        if single is not None and fold(single) not in nouns().singulars:
            single = None  # only a known noun: not a guessed singular (السنوات المالية الثلاث → سنوة)
    elif single is None and i > 1:
        single, head = _head_before_adjectives(toks, i)
    if single is not None and _disagrees(tok.norm, single, numbers):  # الدول الأعضاء الثماني: دول
        got = next(((p, k) for k in (head - 1, head - 2) if k >= 0 and (p := is_plural(toks[k].text))), None)
        single, head = got if got and not _disagrees(tok.norm, got[0], numbers) else (single, head)
    if single is None or fold(single) in nouns().time_units:
        return None
    value: float | None = None
    start, end = tok.start, tok.end
    n_art = len(_ART)
    bare = tok.norm[n_art:]
    if tok.norm == _ART and i + 1 < len(toks) and toks[i + 1].norm.isdigit():
        value, end = float(toks[i + 1].norm), toks[i + 1].end
    elif tok.norm.startswith(_ART) and bare.isdigit():
        value = float(bare)
        start = tok.start + len(tok.text) - len(bare)
    elif tok.norm.startswith(_ART) and _post_word(bare, numbers):
        value = numbers[bare][0]
        start = tok.start + n_art
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        tens = next((nxt[len(p) :] for p in (_AND_ART, _AND) if nxt.startswith(p)), "")
        if value < 10 and numbers.get(tens, (0, ""))[1] == "ten":  # الثماني والعشرين
            value += numbers[tens][0]
            end = toks[i + 1].end
    if value is None or value < 2:
        return None
    return start, end, value, single, head


def _head_before_adjectives(toks: Sequence[Token], i: int) -> tuple[str | None, int]:
    """``اللاعبين المحليين الجدد التسعة``, ``المشتبهين اليهود الثلاثة``: one or two definite
    adjectives between a definite plural and its number. The head is the nearest definite plural
    of a known noun (``objects.tsv``, ``plurals.tsv``); the words after it are adjectives (no
    known noun: المحليين، الجدد), so they are not read as what is counted."""
    for k in (i - 2, i - 3):
        if k < 0 or not post_definite(toks[k].text):
            return None, i - 1
        single = is_plural(toks[k].text)
        if single is None or not (fold(single) in nouns().singulars or fold(single) in nouns().sound_masc):
            continue
        if any(fold(a) in nouns().singulars for t in toks[k + 1 : i] if (a := is_plural(t.text))):
            return None, i - 1  # a second noun: a construct, not adjectives
        return single, k
    return None, i - 1


def _disagrees(norm: str, single: str, numbers: dict[str, tuple[float, str]]) -> bool:
    """A number word 3–10 agrees in reverse gender: ثمانية counts a masculine noun, ثماني a
    feminine one (in ة), so ``الأعضاء الثماني`` does not count أعضاء."""
    bare = norm[len(_ART) :] if norm.startswith(_ART) else norm
    v = numbers.get(bare, (0.0, ""))[0]
    return 3 <= v <= 10 and bare.endswith(fold(_FEM)) == fold(single).endswith(fold(_FEM))


def noun_before(toks: Sequence[Token], i: int, *, one: bool = True) -> tuple[str, int] | None:
    """The noun a post-posed واحد/واحدة counts and its index (مرة واحدة، لموسم واحد); none
    after a ``same_one.txt`` noun when ``one`` (عائلة واحدة: the same family, yet ``عائلة أو
    اثنتين`` counts families); none
    before من after a definite word ("المدينة واحدة من أجمل المدن": one of, decision 9),
    while an indefinite noun is still counted ("يتأهل منتخب واحد من بين المنتخبات"). A
    nisba between them is the noun's adjective (مظلة إدارية واحدة: مظلة, F5; حادث مروري واحد)."""
    if i == 0 or (i + 1 < len(toks) and toks[i + 1].norm == _FROM and post_definite(toks[i - 1].text)):
        return None
    if i > 1 and toks[i - 1].norm.endswith(_NISBA_FEM) and toks[i - 2].norm.endswith(fold(_FEM)):
        head = noun_before(toks, i - 1)
        if head is not None and not post_definite(toks[i - 2].text):
            return head
    if i > 1 and nisba_of_noun(toks, i - 1):
        return noun_before(toks, i - 1)  # حادث مروري واحد: the nisba describes the listed noun before it
    prev = toks[i - 1]
    glued = fold(prev.text)[:1] in _TO_PB and len(prev.norm) > 4 and not _known(prev.text)
    text, _ = _bare(prev) if glued else (prev.text, 0)  # لموسم واحد; برنامج واحد keeps its ب
    got = lemma(text)
    if got is None or fold(got) in nouns().time_units or (one and _same_one(prev.text)):
        return None
    return got, i - 1


def nisba_of_noun(toks: Sequence[Token], k: int) -> bool:
    """``toks[k]`` is a masculine nisba (``مروري``, ``إرهابي``) after an indefinite listed
    masculine singular (``حادث``, ``لاعب``): the noun's adjective, not the thing counted."""
    w = clean(toks[k - 1].text) if k > 0 else ""
    nl = nouns()
    return toks[k].norm.endswith(_NISBA) and bool(w) and not is_definite(w) and any(  # لحادث: one proclitic
        not f.endswith(fold(_FEM)) and (f in nl.singulars or f in nl.sound_masc) for f in (fold(w), fold(_bare_text(w)[0]))
    )


def _known(raw: str) -> bool:
    """Is the word as written a listed noun (``برنامج``, ``لاعب``), so a first ب/ل is its own?"""
    nl = nouns()
    f = folded(strip_article(clean(raw))[0])
    return f in nl.singulars or f in nl.sound_masc or f in nl.plurals


def _same_one(text: str) -> bool:
    """``صفا واحدا``, ``ويدا واحدة`` (tanween alef, a leading و): a ``same_one.txt`` noun, "united"."""
    return any(fold(lemma(r, acc=a) or "") in _SAME for r in (text, _bare_text(text)[0]) for a in (False, True))
