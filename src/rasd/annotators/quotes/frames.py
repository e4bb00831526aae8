"""Small frame rules that keep cues, subjects and contents apart (used by ``engine.py``).

Each rule is one fact of Arabic news syntax, with its words in ``resources/quotes/``:

- ``whoever``: ``من`` before an imperfect cue is "whoever says" (``ومن يقول غير ذلك``);
- ``irrealis``: ``أن/لن/سوف`` before an imperfect cue make it a plan or forecast (``يتوقع أن
  تعلن الإدارة``), not a report;
- ``exceptive``: ``سوى/إلا`` right after a cue (``لم يعلن سوى عن …``) is "nothing was said
  but …", a passive with no speaker, unless ``أن`` follows;
- ``between``: ``بين`` right after ``بينه/بينها`` + و is the split "between X and Y"
  (``بينه وبين الإدارة``), never the verb "he made clear";
- ``accusative``: a word written with tanween fatha (``سابقاً``, ``مهاجماً``) is an adverb or a
  circumstantial participle, never a subject: it ends or opens an adjunct;
- ``connector``: ``كما/حيث/فيما`` + a cue opens a new report, so running content ends;
- ``subordinate``: a report opened by ``حيث/إذ`` elaborates the current speaker's statement;
  zero-subject cues after it continue that speaker, not the subordinate clause's source;
- ``report_noun``: in ``نقل X عن Y توقعه …`` the verbal noun stands for Y's reporting verb;
- ``relay``: ``المصادر نقلا عن X`` — X is the speaker, the phrase before it the medium;
- ``prayed_to``: ``الله``/``المولى`` after a prayer verb (``دعا الله أن``) is whom it addresses;
- ``glued_mention``: a name mention that ends inside a longer written token (``بي.إم.آي``);
- ``narrated_present``: ``…»، ويضيف «…»`` goes on with the last speaker's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.annotators.quotes.history import bare, nodef
from rasd.resources import load_lines, load_table
from rasd.text import Token, fold
from rasd.text.clitics import TANWEEN_FATH, conjunctions, particle

_CONJ = conjunctions()  # و، ف
_BETWEEN = particle("between")


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(fold(x) for x in load_lines(f"quotes/{name}"))


def whoever(toks: Sequence[Token], k: int, imperfect: bool) -> bool:
    """``ومن يقول …``: an imperfect cue after ``من`` describes whoever says it."""
    return imperfect and k > 0 and any(w in _words("whoever.txt") for w in bare(toks[k - 1].norm))


def narrated_present(toks: Sequence[Token], k: int, quoted: bool) -> bool:
    """An imperfect cue with و/ف that opens its clause right before a quotation (``quoted``) or a
    colon (``…»، ويضيف «…»``) tells the last speaker's words in the present; ``ويذكر أن`` (the
    writer's own remark) takes no quotation and stays no report."""
    w = toks[k].norm
    colon = k + 1 < len(toks) and toks[k + 1].norm == ":"
    return (k == 0 or not toks[k - 1].is_word) and bare(w)[-1] != w and w[:1] in _CONJ and (quoted or colon)


def irrealis(toks: Sequence[Token], k: int, imperfect: bool) -> bool:
    """``أن تعلن``, ``لن يعلن``: an imperfect cue after these is planned or expected, not said."""
    return imperfect and k > 0 and any(w in _words("irrealis.txt") for w in bare(toks[k - 1].norm))


def exceptive(toks: Sequence[Token], k: int) -> bool:
    """``لم يعلن سوى عن القليل``: an exception particle right after the cue at ``k`` and no أن
    after it: nobody reported anything, so no quote (``لم يذكر إلا أن …`` stays one)."""
    if k + 1 >= len(toks) or toks[k + 1].norm not in _words("exceptives.txt"):
        return False
    return k + 2 >= len(toks) or toks[k + 2].norm not in _words("complementizers.txt")


def between(toks: Sequence[Token], k: int, strict: bool) -> bool:
    """``بينه وبين X``: the preposition repeated after a pronoun-suffixed ``بين``."""
    if not strict or k == 0 or not toks[k].norm.startswith(_CONJ):
        return False
    prev = toks[k - 1].norm
    return prev.startswith(_BETWEEN) and len(prev) > len(_BETWEEN)


def accusative(tok: Token) -> bool:
    """Tanween fatha on a word: an adverb (``سابقاً``) or a hal (``مهاجماً``), not a subject."""
    return tok.is_word and TANWEEN_FATH in tok.text[-3:]


@cache
def _connectors() -> dict[str, frozenset[str]]:
    """Folded connector -> its tags (``comma``), from ``connectors.txt``."""
    return {fold(r[0]): frozenset(r[1:]) for r in load_table("quotes/connectors.txt")}


def connector(tok: Token) -> bool:
    """``كما/حيث/فيما``: before a cue (``كما أشار …``) running content ends here."""
    return tok.norm in _connectors()


def contrast(tok: Token) -> bool:
    """``فيما/بينما`` after a comma: running content ends there even with no cue after it."""
    return "comma" in _connectors().get(tok.norm, ())


def opens_clause(prev: Token, tok: Token) -> bool:
    """``بينما``, or ``، فيما``: a clause of its own starts here; a cue's subject ends before it."""
    tags = _connectors().get(tok.norm, frozenset())
    return "clause" in tags or ("comma" in tags and prev.norm == ",")


def subject_next(tok: Token) -> bool:
    """``لكن``: a subject and a cue may follow it (``… لكن دريك قال إن``)."""
    return "subject" in _connectors().get(tok.norm, ())


def contrast_before(toks: Sequence[Token], b: int) -> bool:
    """Token ``b`` follows a contrast a subject may follow: ``لكن`` or two words (``غير أن``)."""
    return b > 0 and (subject_next(toks[b - 1]) or (b > 1 and "subject" in _connectors().get(f"{toks[b - 2].norm} {toks[b - 1].norm}", ())))


def subordinate(toks: Sequence[Token], k: int) -> bool:
    """The cue at ``k`` opens a ``حيث/إذ`` clause (``حيث أظهرت الأرقام أن``)."""
    return k > 0 and toks[k - 1].norm in _words("subordinators.txt")


def report_noun(tok: Token) -> bool:
    """``توقعه``, ``تأكيده``: a reporting verbal noun after ``نقل X عن Y``; content follows."""
    return tok.norm in _words("report_nouns.txt")


def said_head(tok: Token) -> bool:
    """``قول`` in ``نقلت الوكالة قول الوزير إن``: a noun of saying (``own_words.txt``) whose
    genitive is the one whose words a chain verb relays, as after ``عن``."""
    return tok.norm in _words("own_words.txt")


def relay(tok: Token) -> bool:
    """``نقلا`` before ``عن``: the words were relayed from the source after عن."""
    return any(w in _words("relays.txt") for w in bare(tok.norm))  # نقلا، ونقلا


def prayed_to(toks: Sequence[Token], k: int) -> bool:
    """Token ``k`` names God (``الله``, ``المولى``; quotes/prayed_to.txt), whom a verb of option
    ``prayer`` (دعا، سأل) addresses, never its subject: ``وسأل سالم الحربي الله أن …`` ends the
    name there, unless the word before makes a name with it (``عبد الله``, ``حزب الله``;
    quotes/theophoric.txt)."""
    if bare(toks[k].norm)[-1] not in _words("prayed_to.txt"):
        return False
    prev = toks[k - 1] if k > 0 else None
    names = _words("theophoric.txt")
    if prev is None or not prev.is_word:
        return True
    return not any(x in names or nodef(x) in names for x in bare(prev.norm))


def glued_mention(text: str, end: int) -> bool:
    """A mention ending inside a longer written token (``بي`` of ``بي.إم.آي``), not before a space
    or punctuation: "الدكتور مساعد بن إبراهيم الفهري، …" keeps its name before the comma."""
    nxt = text[end : end + 1]
    return nxt.isalnum() or (nxt in ".-_" and text[end + 1 : end + 2].isalnum())
