"""Counts written without a number token: open duals (مباراتان، فريقي الهلال، منتخبا البحرين
وإيران) and the dispatcher ``word_count`` that also tries ``أحد`` + plural and a definite number
after its plural. Split out of ``objects`` (the noun forms and lemmas it reads stay there)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from rasd.annotators.quantities.objects import (
    WORD_MEMO,
    LexMatch,
    _bare_text,
    _cut,
    clean,
    folded,
    is_definite,
    nouns,
    post_nominal,
    strip_article,
)
from rasd.annotators.quantities.one_of_plural import one_of, one_of_form
from rasd.annotators.quantities.pronoun_duals import pronoun_dual
from rasd.annotators.quantities.single_after import single_after
from rasd.resources import load_lines
from rasd.resources.arabic import particle_forms
from rasd.text import Token, fold
from rasd.text.clitics import TANWEEN_FATH, affix, affixes, chain, conjunctions, prepositions, proclitic
from rasd.text.sentences import CLAUSE_MARKS, SENTENCE_ENDS

_LETTERS = re.compile("^[\u0621-\u064a]+$")
_FEM = affix("feminine")  # ة, as written
_NISBA = affixes("nisba", "base")  # ي
_FEM_DUAL = affixes("dual", "fem")  # تان، تين
_FEM_DUAL_OBL = affixes("dual", "fem", "obl")  # تين
_MASC_DUAL_NOM = affixes("dual", "masc", "nom")  # ان
_MASC_DUAL_OBL = affixes("dual", "masc", "obl")  # ين
_CONSTRUCT_DUAL = affixes("construct", "dual", "masc")  # فريقي
_CONSTRUCT_FEM = affixes("construct", "fem")  # لجنتي
_CONSTRUCT_NOM = affixes("construct", "nom_dual")  # مدربا النصر والهلال
_NISBA_FEM = affixes("nisba", "fem", "sg")  # ية, folded يه: also a dual + the pronoun ه
_FEM_PLURAL = fold(affix("plural", "fem"))  # ات
_PARTICIPLE = fold(affix("participle"))  # the alef of فاعل
_DERIVED = tuple(fold(w) for w in load_lines("quantities/participle_prefixes.txt"))  # the مُ of مُفعِّل
_OWN_NOUNS = frozenset(fold(w) for w in load_lines("quantities/not_duals.txt"))  # دوري: a league
_AND = proclitic("and")
_PARTICLES = (*conjunctions(), *prepositions(kaf=False))  # و ف ب ل: one glued particle
_AND_ART = chain("and", "the")  # وال
_AS = proclitic("as")  # ك
_T = fold(affix("feminine", "construct"))  # the ة of شركة written ت before a dual ending
_OPENERS = frozenset('"«(')  # a member may open with a quotation mark or a bracket
_TO = proclitic("to")  # ل
_ACC = fold(affixes("construct", "nom_dual")[0])  # ا: also the indefinite accusative (مستشارا)
_PRONOUNS = tuple(fold(p) for p in affixes("pronoun", "their"))  # هم، هما، هن
_CLAUSE_MARKS = CLAUSE_MARKS | frozenset(SENTENCE_ENDS + ":)»")  # and a colon, a closing bracket or quote
_PREP_ART = tuple(fold(chain(p, "the")) for p in ("to", "by"))  # للـ، بالـ: a preposition, not a member
_COMMAS = frozenset(",،")  # a comma may stand between a construct dual and its members


def open_dual(toks: Sequence[Token], i: int) -> tuple[int, int, str] | None:
    """An open dual at token ``i`` (مباراتان، فريقي الهلال): (start, end, singular lemma)."""
    nl = nouns()
    tok = toks[i]
    k = _members_at(toks, i)
    for off, w, definite, f in dual_forms(tok.text):
        nxt = toks[k] if k < len(toks) else None
        follows = nxt is not None and (nxt.norm[:1].isalpha() or nxt.norm[:1].isdigit() or nxt.norm == '"')
        stem = ""
        if f.endswith(_FEM_DUAL):
            stem = _cut(w, f, _FEM_DUAL) + _FEM
        elif f.endswith(_CONSTRUCT_FEM) and not definite and follows and not _prep_follows(nxt):
            stem = _cut(w, f, _CONSTRUCT_FEM) + _FEM
        elif f.endswith(_MASC_DUAL_NOM) or (
            f.endswith(_MASC_DUAL_OBL)
            and fold(_cut(w, f, _MASC_DUAL_OBL)) not in nl.sound_masc
            and not _participle(_cut(w, f, _MASC_DUAL_OBL))
            and not (definite and _derived(_cut(w, f, _MASC_DUAL_OBL)))
        ):
            stem = _cut(w, f, (*_MASC_DUAL_NOM, *_MASC_DUAL_OBL))
        elif (
            f.endswith(_CONSTRUCT_DUAL)
            and not definite
            and nxt is not None
            and (strip_article(clean(nxt.text))[1] or nxt.norm == '"' or _pair_follows(toks, k))
            and (not _participle(_cut(w, f, _CONSTRUCT_DUAL)) or _pair_after(toks, k))  # طالبي اللجوء is a plural
        ):
            stem = _cut(w, f, _CONSTRUCT_DUAL)
        elif (
            f.endswith(_CONSTRUCT_NOM)
            and not definite
            and (
                _two_named(toks, i + 1)
                or (
                    TANWEEN_FATH not in tok.text
                    and fold(tok.text[:off]) in ("", *conjunctions())  # لجانا: no ل before a nominative
                    and _members_follow(toks, i + 1, _fem_nom(w, f) is None)
                )
            )
        ):
            # a nominative dual: no plural ends so; شركتا تيسو وتاك: the ة is written ت before it
            stem = _fem_nom(w, f) or _cut(w, f, _CONSTRUCT_NOM)
            if _pronoun_ha(stem):
                stem = ""  # ظاهرها الرحمة: a noun in ة and the pronoun ها, no شركتا
        fs = fold(stem)
        # -تين is a dual whatever the noun (not -تان: باكستان), when no proclitic makes it ambiguous
        # or an agreeing adjective follows the word without its proclitic (بهجمتين سريعتين)
        unambiguous = (not off and f[0] not in _PARTICLES) or (off > 0 and _agreeing_dual(toks, i))
        feminine = f.endswith(_FEM_DUAL_OBL) and len(fs) >= 4 and unambiguous
        if fs in nl.time_units:
            return None
        nominative = bool(stem) and f.endswith(_CONSTRUCT_NOM) and fs in nl.sound_masc
        if len(fs) < 2 or not (feminine or nominative or fs in nl.singulars) or fs in nl.time_units or fs in nl.not_objects:
            continue
        nisba = fs.endswith(_NISBA) and f.endswith(_CONSTRUCT_DUAL) and not f.endswith(_CONSTRUCT_FEM)
        if nisba and fs not in nl.singulars:
            continue  # a nisba adjective (دولي) is not a construct dual; a listed noun in ي is (ناديي الهلال)
        if definite and fs in nl.anaphoric:
            return None
        return tok.start + off, tok.end, nl.plurals.get(fs, stem)
    if _agrees_with_plural(toks, i):
        return None
    pd = _pronoun_dual(tok.text)
    return (tok.start + pd[0], tok.end, pd[1]) if pd else None


def _pronoun_ha(stem: str) -> bool:
    """Is ``stem`` (the word less its final ا) a noun in ة written ه, i.e. the word is that
    noun and the pronoun ها? Folding makes ظاهره match ظاهرة; a nominative construct dual of
    a noun in ة is written with ت (شركتا), never with ه."""
    h = fold(_FEM)
    return stem.endswith(h) and fold(stem) in _fem_singulars()


@cache
def _fem_singulars() -> frozenset[str]:
    """Folded listed singulars written with a final ة."""
    return frozenset(fold(s) for s in nouns().plurals.values() if s.endswith(_FEM))


def _members_at(toks: Sequence[Token], i: int) -> int:
    """Where the members of a construct dual at ``i`` start: right after it, or behind the
    bracket that closes it alone (``(دورتي) X وY``) or a comma before two definite members
    joined by و (``ظاهرتي، الإرهاب والتطرف``: a slip of the pen, the pair still follows)."""
    k = i + 1
    if k + 1 < len(toks) and (
        (toks[k].norm == ")" and i > 0 and toks[i - 1].norm == "(") or (toks[k].norm in _COMMAS and _pair_after(toks, k + 1))
    ):
        return k + 1
    return k


def _prep_follows(nxt: Token | None) -> bool:
    """``خلال زيارتي للمدينة``: a word in -تي before ``للـ``/``بالـ`` is in no construct (a
    construct dual takes its members without a preposition); it is ``my …``, not ``the two …``."""
    return nxt is not None and fold(clean(nxt.text)).startswith(_PREP_ART)


def _agreeing_dual(toks: Sequence[Token], i: int) -> bool:
    """``بهجمتين سريعتين``: an indefinite -تين adjective right after a word in -تين shows that
    word is a dual noun even behind a proclitic (which alone leaves ``بـ...تين`` ambiguous)."""
    if i + 1 >= len(toks):
        return False
    nxt = clean(toks[i + 1].text)
    f = fold(nxt)
    return f.endswith(_FEM_DUAL_OBL) and not is_definite(nxt) and f[0] not in _PARTICLES and len(f) >= 6


def _agrees_with_plural(toks: Sequence[Token], i: int) -> bool:
    """``اكلات شعبيه``: a word in -يه right after an indefinite feminine plural is the nisba
    adjective agreeing with it (ة written ه), not a dual + the pronoun ه (شعبَيْه)."""
    if i == 0 or not folded(toks[i].text).endswith(_NISBA_FEM):
        return False
    prev = toks[i - 1].text
    return fold(clean(prev)).endswith(_FEM_PLURAL) and not is_definite(prev)


@lru_cache(maxsize=WORD_MEMO)
def _pronoun_dual(text: str) -> tuple[int, str] | None:
    """معسكريهما، نجليه: (offset, lemma) of a dual before an attached pronoun."""
    nl = nouns()
    for raw, off in ((text, 0), _bare_text(text)):
        stem = pronoun_dual(clean(raw), nl.singulars)
        fs = fold(stem or "")
        if stem and not stem.endswith(_FEM) and _participle(stem):
            continue  # لزائريه، لاعبيه: a فاعل noun's ي before a pronoun is its sound plural
        if stem and fs not in nl.not_objects and fs not in nl.time_units and fs not in nl.anaphoric:
            return off, nl.plurals.get(fs, stem)
    return None


_DUAL_ENDS = (*_FEM_DUAL, *_CONSTRUCT_FEM, *_MASC_DUAL_NOM, *_MASC_DUAL_OBL, *_CONSTRUCT_DUAL, *_CONSTRUCT_NOM)


def dual_forms(text: str) -> tuple[tuple[int, str, bool, str], ...]:
    """The readings of a word that ``open_dual`` examines: ``(offset, stem without article,
    had article, folded stem)`` for the word and for it without one proclitic, leaving out
    those that are no letters, a listed plural or without any dual ending (those never give
    a dual: their stem stays empty), and nouns of their own that end like a dual (``دوري``,
    ``not_duals.txt``). Empty for almost every word, so the caller stops early."""
    nl = nouns()
    if "" not in nl.time_units and not folded(text).endswith(_DUAL_ENDS):
        return ()  # each reading's folded stem ends the folded word: no dual ending at all
    out = []
    for raw, off in ((text, 0), _bare_text(text), *_as_text(text)):
        w, definite = strip_article(clean(raw))
        f = fold(w)
        if not _LETTERS.match(w) or f in nl.plurals or f in _OWN_NOUNS:
            continue
        if "" not in nl.time_units and not f.endswith(_DUAL_ENDS):
            continue
        if off and text.startswith(_AS) and (definite or not f.endswith(_CONSTRUCT_DUAL)):
            continue  # after ك only a construct dual (كقطاعي الغاز والنفط): كلاعبين is "like players"
        out.append((off, w, definite, f))
    return tuple(out)


def _as_text(text: str) -> tuple[tuple[str, int], ...]:
    """``text`` without a glued ك (``كقطاعي``), which ``_bare_text`` keeps (كمية, كلمة)."""
    return ((text[len(_AS) :], len(_AS)),) if len(text) > len(_AS) + 3 and text.startswith(_AS) else ()


def may_be_dual(text: str) -> bool:
    """Can ``open_dual`` read a dual at a word written ``text``, whatever follows it? Every
    stem its branches could cut must be a known singular (or a -تين noun) for that."""
    nl = nouns()
    for _off, w, definite, f in dual_forms(text):
        stems = []
        if f.endswith(_FEM_DUAL):
            stems.append(_cut(w, f, _FEM_DUAL) + _FEM)
        if f.endswith(_CONSTRUCT_FEM) and not definite:
            stems.append(_cut(w, f, _CONSTRUCT_FEM) + _FEM)
        if f.endswith(_MASC_DUAL_NOM) or f.endswith(_MASC_DUAL_OBL):
            stems.append(_cut(w, f, (*_MASC_DUAL_NOM, *_MASC_DUAL_OBL)))
        if f.endswith(_CONSTRUCT_DUAL) and not definite:
            stems.append(_cut(w, f, _CONSTRUCT_DUAL))
        nominative = f.endswith(_CONSTRUCT_NOM) and not definite
        if nominative:
            stems.append(_cut(w, f, _CONSTRUCT_NOM))
        for stem in stems:
            fs = fold(stem)
            feminine = f.endswith(_FEM_DUAL_OBL) and len(fs) >= 4  # behind a proclitic: see _agreeing_dual
            known = feminine or fs in nl.singulars or (nominative and fs in nl.sound_masc)
            if len(fs) >= 2 and known and fs not in nl.time_units and fs not in nl.not_objects:
                return True
    return _pronoun_dual(text) is not None


def _participle(stem: str) -> bool:
    """``عامل`` (فاعل): its ``-ين`` form is the sound plural (العاملين), not a dual."""
    f = fold(stem)
    return len(f) == 4 and f[1] == _PARTICIPLE


def _derived(stem: str) -> bool:
    """``المحركين``، ``المصنعين`` (مُفعِّل): a definite -ين of a derived participle is its plural."""
    f = fold(stem)
    return len(f) == 4 and f.startswith(_DERIVED)


def _pair_after(toks: Sequence[Token], k: int) -> bool:
    """``عاملي الأرض والجمهور``: two definite members named after a construct dual."""
    return k + 1 < len(toks) and is_definite(toks[k].text) and fold(clean(toks[k + 1].text)).startswith(_AND_ART)


def _two_named(toks: Sequence[Token], k: int) -> bool:
    """``منتخبا البحرين وإيران``: a definite member, then a second after و. A member with a
    preposition (``وزيرا للشباب والرياضة``: appointed minister for) is no construct's: the
    ``ا`` is then the accusative of one."""
    if k + 1 >= len(toks) or not is_definite(toks[k].text) or fold(clean(toks[k].text))[:1] in prepositions():
        return False
    second = toks[k + 1].norm
    return second.startswith(_AND) and len(second) > 2 and second[1:2].isalpha()


@cache
def _free() -> frozenset[str]:
    """Folded free particles (في، من، على): no member of a dual's pair is one."""
    return frozenset(fold(f) for f in particle_forms().values())


_MEMBER_WINDOW = 4  # words of the first member (a name, its gentilic, a word in quotes) before و


def _fem_nom(w: str, f: str) -> str | None:
    """``شركتا``: the singular in ة of a feminine nominative construct dual, which (unlike
    ``مستشارا``) no indefinite accusative is written like; None for any other word."""
    stem = _cut(w, f, _CONSTRUCT_NOM)
    single = stem[: -len(_T)] + _FEM
    return single if fold(stem).endswith(_T) and fold(single) in nouns().singulars else None


def _members_follow(toks: Sequence[Token], k: int, accusative: bool = True) -> bool:
    """``ناديا بروسيا دورتموند الألماني وريال مدريد``: after a construct dual its first member
    (a word, not a free particle nor ``للـ``: ``مدربا للفريق`` is one coach), then a second
    member after و within a few words, with no clause mark or free particle between them. Where
    the ``-ا`` may be an ``accusative`` (``مستشارا``), a first or second member in ``-ا`` is its
    agreeing adjective (``مسلحا متطرفا``) or a list of accusatives (``رئيسا … وعضوا``), and one
    after ل what it is appointed to (``رئيسا لمجلس``): no pair."""
    if k >= len(toks) or not (toks[k].norm[:1].isalpha() or toks[k].norm in _OPENERS):
        return False
    free = _free()
    first = fold(clean(toks[k].text))
    if first in free or first.startswith(_PREP_ART):
        return False
    if accusative and (first.endswith(_ACC) or first.startswith(_TO)):
        return False  # برنامجا لياقيا, رئيسا لمجلس: an indefinite accusative and what qualifies it
    words, j = 0, k + 1
    while j < len(toks) and words < _MEMBER_WINDOW:
        w = toks[j].norm
        if w in _CLAUSE_MARKS or fold(w) in free:
            return False
        if w.startswith(_AND) and len(w) > 2 and w[1:2].isalpha():
            # ووالديهم (their parents) or وعضوا (a list of accusatives): no second member
            return not fold(w).endswith((*_PRONOUNS, _ACC))
        if w == _AND and j + 1 < len(toks) and toks[j + 1].norm[:1].isalpha():
            return True
        words += w not in _OPENERS  # a quotation mark is no word
        j += 1
    return False


def _pair_follows(toks: Sequence[Token], k: int) -> bool:
    """``مطاري عدن وسيئون``: a construct dual names its two members, the second after و."""
    if k + 1 >= len(toks):
        return False
    first, second = toks[k], toks[k + 1]
    return (
        first.norm[:1].isalpha()
        and not is_definite(first.text)
        and second.norm.startswith(_AND)
        and len(second.norm) > 2
        and second.norm[1:2].isalpha()
    )


def word_count(
    toks: Sequence[Token], i: int, numbers: dict[str, tuple[float, str]], lex_match: LexMatch
) -> tuple[int, int, float, str, int, int] | None:
    """A count written without a number token at ``i``: (start, end, value, lemma, obj start, obj end).

    ``أحد المتعاملين`` (1), an open dual (``مباراتان``), a definite number after its
    plural noun (``الدول الست``), or a post-posed ``وحيد`` (``انتصارا وحيدا``: 1).
    """
    got = one_of(toks, i, lex_match)
    if got is not None:
        s, e, os_, oe, lem = got
        return s, e, 1.0, lem, os_, oe
    # أحد المشتبهين الثلاثة: after أحد/إحدى an -ين form is the plural it picks one from
    dual = open_dual(toks, i) if i == 0 or one_of_form(toks[i - 1].text) is None else None
    if dual is not None:
        s, e, lem = dual
        return s, e, 2.0, lem, s, e
    post = post_nominal(toks, i, numbers)
    if post is not None:
        s, e, v, lem, head = post
        return s, e, v, lem, toks[head].start, toks[head].end
    single = single_after(toks, i, lex_match)  # انتصارا وحيدا: one
    return None if single is None else (single[0], single[1], 1.0, single[2], single[3], single[4])
