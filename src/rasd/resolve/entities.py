"""Cross-document entity linking: one canonical entity per real-world thing.

Mentions are grouped by folded key, then merged in these deterministic steps:

1. aliases and acronyms from the curated gazetteer (``البنتاغون`` = ``وزارة الدفاع الأميركية``);
2. spelling variants: keys of 5+ letters within Damerau distance 1 (``بايدن``/``بادين``),
   found by blocking on single-deletion variants instead of comparing all pairs;
3. short forms of people to the one full name that ends with them (``السوداني``) or shares
   first and last token (``محمد السوداني`` → ``محمد شياع السوداني``), or, in the same
   document, is its last two tokens (``موسى دقدوق`` → ``علي موسى دقدوق``), blocked by token;
   3b. a place named alone (``فكتوريا``) only in articles naming the facility in full
   (``معسكر فكتوريا``) is that facility;
4. demonyms (``الأميركية``) attach to their country as an attribute.

News outlets said as outlets (ORG mentions of a name on the outlet list) link under their
canonical outlet name in a key space of their own: ``«الشرق الأوسط»`` the paper and
``الشرق الأوسط`` the region are two entities, and the paper gets no coordinates.

Aliases leave out forms that only add a proclitic to another form (``للعراق``), and a
one- or two-letter spelled acronym cut by the tagger (``بي سي`` in ``إن بي سي``) is
extended back over the letter names before it.

Cost: with n mentions, k distinct keys of length ≤ L, step 2 is O(k·L) bucket inserts plus
checks within buckets (small in practice), step 3 is O(k) dictionary lookups; overall
O(n + k·L·b) where b is the largest bucket, never the O(k²) of all-pairs comparison.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path

from rasd.annotators.entities import annotate, clubs, recall_family_names, rule_title_words
from rasd.annotators.entities import gazetteer as gz
from rasd.annotators.entities.corpus import load_documents
from rasd.annotators.entities.cues import given_names
from rasd.annotators.entities.outlets import index as outlet_index
from rasd.annotators.entities.outlets import outlet_of
from rasd.annotators.entities.shape import is_generic_body
from rasd.annotators.events import word_list
from rasd.annotators.quantities.money import currencies
from rasd.ids import make_id
from rasd.models import DocAnalysis, Document, Entity, EntityMention, Geo
from rasd.resolve import guards
from rasd.resolve.demonyms import _attach_demonyms, _demonym_hits, _doc_countries
from rasd.resolve.guards import LOCAL, nasab_extensions, person_blocks, safe_variant, short_candidates
from rasd.text import fold
from rasd.text.clitics import affix, affixes, article, chain
from rasd.text.tokens import strip_proclitics, tokenize

_FAMILY = {"PER": "PER", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "MISC": "MISC"}
_TYPE_ORDER = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "MISC": 5}
MIN_FUZZY = 5  # letters; shorter names differ by one letter too often (محمد/أحمد)
OUTLET = "@"  # key prefix of news outlets: never the place or word they are named after
CLUB = "%"  # key prefix of sports clubs: "النصر" the club is not the word "victory"
_ART = article()
_TO_ART = chain("to", "the")  # للعراق: ل + العراق, the alif elided


class _UF:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        p = parent.get(x)
        if p is None:
            parent[x] = x
            return x
        if p == x:  # a root: most keys are (millions of calls over a large store)
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic root; a name linked across documents roots over a local one
            lo, hi = sorted((ra, rb), key=lambda r: (LOCAL in r, r))
            self.parent[hi] = lo


def osa_le1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are within one edit (insert, delete, substitute, swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _deletions(k: str) -> set[str]:
    """``k`` and every string one character shorter than it (each once)."""
    return {k, *(k[:i] + k[i + 1 :] for i in range(len(k)))}


def _readings(k: str) -> list[str]:
    """The key and its readings without a leading proclitic chain; ``لل`` restores the article.

    Spans keep a whole token when the clitic cannot be cut off without changing letters
    (``للعراق`` holds ``ل`` + ``العراق`` with the alif elided), so linking reads it here.
    """
    out = [k]
    first, _, rest = k.partition(" ")
    tail = (" " + rest) if rest else ""
    for k2, stem in strip_proclitics(first)[1:]:
        if first[:k2].endswith(_ART):
            continue
        out.append(stem + tail)
    if first.startswith(_TO_ART) and len(first) > 4:
        out.append(_ART + first[len(_TO_ART) :] + tail)
    return out


def canonical_key(name: str) -> tuple[str, gz.GazEntry | None]:
    """The key a name links under, and its curated/country entry: the first reading of
    ``name`` (as written, then without proclitics) that the gazetteer knows, else its key."""
    k = gz.key_of(name)
    for r in _readings(k):
        e = gz.by_key().get(r)
        if e is not None:
            return gz.key_of(e.name), e
    return k, None


@cache
def _stop_words() -> frozenset[str]:
    """Folded words no reader wants as an entity: ``entities/reader_stop.txt`` and every word of
    the currencies of ``quantities/currencies.txt``, bare, with the article, accusative or plural
    (ريال، الريال، ريالا، ريالات)."""
    money = {w for c in currencies() for w in c.split()}
    endings = ("", affix("accusative"), *affixes("plural", "fem"))
    forms = {f for w in money for e in endings for f in (w + e, article() + w + e)}
    return word_list("entities/reader_stop.txt") | frozenset(forms)


def _reader_stop(text: str) -> bool:
    """A mention made only of currency words, the name of God or a disease (``_stop_words``):
    the tagger follows its training corpus in marking them, a reader's entity list does not."""
    words = [t for t in tokenize(text) if t.is_word]
    stop = _stop_words()
    return bool(words) and all(t.norm in stop or any(fold(x) in stop for _, x in strip_proclitics(t.text)[1:]) for t in words)


def letter_names() -> frozenset[str]:
    """Latin letter names as spelled in Arabic acronyms (``resources/resolve/letter_names.txt``)."""
    return word_list("resolve/letter_names.txt")


def _spelled_letters(mention: str) -> bool:
    """Whether a mention is one or two Latin letter names (``بي سي``): an acronym to mend."""
    letters = letter_names()
    toks = [t for t in tokenize(mention) if t.is_word]
    return bool(toks) and len(toks) <= 2 and all(t.norm in letters for t in toks)


def _mend_acronym(m: EntityMention, text: str) -> None:
    """Extend a one- or two-letter spelled acronym over the letter names right before it
    ("بي سي" in "إن بي سي"): the tagger cut it after a letter it took for a particle."""
    letters = letter_names()
    before = [t for t in tokenize(text[max(0, m.start - 40) : m.start]) if t.is_word]
    start = m.start
    base = max(0, m.start - 40)
    for t in reversed(before):
        gap = text[base + t.end : start]
        if t.norm not in letters or gap.strip():
            break
        start = base + t.start
    if start < m.start:
        m.start = start
        m.text = text[start : m.end]


def link(das: list[DocAnalysis]) -> list[Entity]:
    """Link every mention of ``das`` to a canonical entity (sets ``mention.entity``).

    First recovers bare family names of people named in full elsewhere in the corpus
    (``recall_family_names``), which adds PER mentions to ``da.entities``, drops mentions
    that are no entity for a reader (``_reader_stop``) and mends spelled acronyms cut by
    the tagger (``_mend_acronym``).
    """
    recall_family_names(das)
    # the checks below depend on a mention's text (and type) only: each distinct one once
    stop, spelled = cache(_reader_stop), cache(_spelled_letters)  # fresh per call: no memory kept
    for da in das:
        da.entities = [m for m in da.entities if not stop(m.text)]
        for m in da.entities:
            if spelled(m.text):
                _mend_acronym(m, da.doc.text)
    mentions: list[tuple[EntityMention, str]] = []
    anchors: dict[str, gz.GazEntry] = {}
    types: dict[str, Counter[str]] = defaultdict(Counter)
    key_memo: dict[tuple[str, str], tuple[str, gz.GazEntry | None, bool]] = {}
    states: set[str] = set()  # keys of states named like a place elsewhere (own id, own name)
    shared = cache(_shared_alias)
    for da in das:
        named: frozenset[str] | None = None  # the entries the article names in full, when asked
        for m in da.entities:
            got = key_memo.get((m.type, m.text))
            if got is None:
                key, e = _outlet_key(m) or _club_key(m) or canonical_key(m.text)
                got = key_memo[(m.type, m.text)] = (key, e, e is None and m.type == "ORG" and _generic_body(key))
            key, e, generic = got
            if generic:
                key = f"{key}{LOCAL}{m.doc}"  # another article's "وزارة الخارجية" may be another country's
            elif (alias := shared(m.text)) is not None:
                if named is None:
                    named = frozenset(canonical_key(x.text)[0] for x in da.entities if shared(x.text) is None)
                key, e = _article_entry(alias, named, m.doc)
            elif key.startswith(CLUB) and (abroad := _club_abroad(key, da.doc.text, m.end)) is not None:
                key, e = abroad, None  # "النصر الإماراتي" is not the Saudi النصر
            elif m.type == "GPE" and (state := guards.state_key(key, da.doc.text, m.start)) is not None:
                key, e = state, None  # "ولاية واشنطن" is not the capital
                states.add(key)
            if e is not None:
                anchors[key] = e
            mentions.append((m, key))
            types[key][m.type] += 1
    keys = sorted(types)
    key_types = {k: anchors[k].type if k in anchors else _most_common_type(c) for k, c in types.items()}
    key_type = key_types.__getitem__

    uf = _UF()
    for k in keys:
        uf.find(k)

    # 1b. a name still carrying a proclitic links to the same name said without it
    keyset = set(keys)
    for k in keys:
        if k in anchors:
            continue
        fam = _FAMILY.get(key_type(k), "MISC")
        for r in _readings(k)[1:]:
            if r in keyset and _FAMILY.get(key_type(r), "MISC") == fam:
                uf.union(k, r)
                break

    # 2. spelling variants, blocked on deletion variants
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        if len(k.replace(" ", "")) < MIN_FUZZY or _own_space(k):  # those never meet by spelling
            continue
        fam = _FAMILY.get(key_type(k), "MISC")
        for d in _deletions(k):
            buckets[(fam, d)].append(k)
    for members in buckets.values():  # the partition does not depend on the order of unions
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a in anchors and b in anchors) or _own_space(a) or _own_space(b):
                    continue  # two curated entries stay two things
                if osa_le1(a, b) and safe_variant(a, b):
                    uf.union(a, b)

    # 3. short forms of people, blocked on last token and (first, last) tokens; two-word
    # forms first, so that the full names a one-word form may mean are already one each.
    # A form that fits two or more people, or a bare given name, is read in each document
    # on its own: it joins the full name its own article says, or stays local
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m, k in mentions:
        docs_of[k].add(m.doc)
    for short, full in nasab_extensions(keys, key_type):  # "سلمان بن عبدالعزيز" of "… آل سعود"
        uf.union(short, full)
    given = given_names()
    for size in (2, 1):
        blocks = person_blocks(keys, key_type)
        split = {
            k for k in keys
            if key_type(k) == "PER" and LOCAL not in k and len(k.split()) == size
            and (k in given or len({uf.find(c) for c in short_candidates(k, blocks, uf)}) > 1)
        }  # fmt: skip
        if split:  # only their mentions change key: the others keep theirs and their documents
            moved: list[tuple[EntityMention, str]] = []
            for n, (m, k) in enumerate(mentions):
                if k in split:
                    mentions[n] = moved_one = (m, f"{k}{LOCAL}{m.doc}")
                    moved.append(moved_one)
            for m, k in moved:
                if k not in docs_of:
                    key_types[k] = key_types[k.split(LOCAL, 1)[0]]
                    uf.find(k)
                docs_of[k].add(m.doc)
            keys = sorted({k for k in keys if k not in split} | {k for _, k in moved})
            blocks = person_blocks(keys, key_type)
        for k in keys:
            toks = k.split(LOCAL, 1)[0].split()
            if key_type(k) != "PER" or len(toks) != size:
                continue
            cands = short_candidates(k, blocks, uf)
            roots = sorted({uf.find(c) for c in cands})
            if len(roots) > 1 or LOCAL in k:  # read alone: only the full name said in the same document
                near = sorted({uf.find(c) for c in cands if docs_of[c] & docs_of[k]})
                roots = near if len(near) == 1 else []
            if len(roots) != 1 and size == 2:
                # the full name with the first name the tagger cut off ("موسى دقدوق" of "علي
                # موسى دقدوق"); said in the same document, since it may also be his father's name
                roots = sorted({uf.find(c) for c in blocks[2].get((toks[0], toks[1]), set()) if docs_of[c] & docs_of[k]})
            if len(roots) == 1:
                uf.union(k, roots[0])

    # 3b. a place named alone ("فكتوريا") in an article that names the facility in full
    # ("معسكر فكتوريا") is that facility, not a namesake city abroad; blocked on the name
    by_tail: dict[str, set[str]] = defaultdict(set)
    for m, k in mentions:
        if key_type(k) != "FAC":
            continue
        toks = _key(m.text).split()  # the form as written: the gazetteer may spell it otherwise
        if len(toks) >= 2:
            by_tail[" ".join(toks[1:])].add(k)
    for k in keys:
        if k in anchors or _FAMILY.get(key_type(k)) != "PLACE" or key_type(k) == "FAC":
            continue
        fac = by_tail.get(k, set())
        near = sorted({uf.find(c) for c in fac})
        # mentions are linked by key, so only when every article naming it alone names the
        # facility too: elsewhere "فكتوريا" may well be the city
        if len(near) == 1 and docs_of[k] <= set().union(*(docs_of[c] for c in fac)):
            uf.union(k, near[0])

    # build entities
    groups: dict[str, list[tuple[EntityMention, str]]] = defaultdict(list)
    root_of: dict[str, str] = {}  # the unions are done: each key's root found once, not per mention
    for m, k in mentions:
        if (root := root_of.get(k)) is None:
            root = root_of[k] = uf.find(k)
        groups[root].append((m, k))
    hits = _demonym_hits(das)
    doc_context = _doc_countries(hits, mentions)
    entities: list[Entity] = []
    for root, group in groups.items():
        local = root.split(LOCAL, 1)[1] if LOCAL in root else ""  # a document-local group keeps its own id
        entities.append(_make_entity(group, anchors, doc_context, local, root if root in states else ""))
    _attach_demonyms(hits, entities)
    entities.sort(key=lambda e: (_TYPE_ORDER.get(e.type, 9), -e.mentions, e.name, e.id))
    return entities


def _most_common_type(c: Counter[str]) -> str:
    """The type most mentions of a key have (ties: ``_TYPE_ORDER``)."""
    return min(c, key=lambda t: (-c[t], _TYPE_ORDER.get(t, 9)))


def _own_space(key: str) -> bool:
    """Outlet, club and document-local keys never meet other keys by spelling."""
    return key.startswith((OUTLET, CLUB)) or LOCAL in key


def _club_key(m: EntityMention) -> tuple[str, gz.GazEntry | None] | None:
    """An ORG mention of a listed club (proclitics and a following demonym aside: ``برشلونة
    الإسباني``, ``للأهلي``): its key in the clubs' own key space and an entry for it."""
    if m.type != "ORG":
        return None
    toks = [t.norm for t in tokenize(m.text) if t.is_word]
    said = None
    if len(toks) > 1 and toks[-1] in gz.demonyms():
        said = gz.demonyms()[toks[-1]]
        toks = toks[:-1]
        if is_generic_body(toks):  # "الاتحاد السعودي" is the federation, not the club الاتحاد
            return None
    if not toks:
        return None
    idx = clubs.index()
    for r in _readings(" ".join(toks)):
        club = idx.get(tuple(r.split()))
        if club is not None and said is not None and _club_homes().get(CLUB + gz.key_of(club.canonical), said) != said:
            return f"{CLUB}{gz.key_of(club.canonical)}{LOCAL}{said}", None  # "النصر الإماراتي": another club
        if club is not None:
            return CLUB + gz.key_of(club.canonical), gz.GazEntry(club.canonical, "ORG", source="sports club (resources/entities/clubs.tsv)")
    return None


@cache
def _club_homes() -> dict[str, str]:
    """Listed club -> ISO code of the country its listed demonym variant names (``الهلال
    السعودي``): said with another country's demonym, the name is another club."""
    dem = gz.demonyms()
    return {CLUB + gz.key_of(c.canonical): dem[k[-1]] for k, c in clubs.index().items() if len(k) > 1 and k[-1] in dem}


def _club_abroad(key: str, text: str, end: int) -> str | None:
    """The key of a listed club's namesake when the document says another country's demonym
    right after the name (``النصر`` + ``الإماراتي``), else None."""
    home = _club_homes().get(key)
    after = next((t for t in tokenize(text[end : end + 30]) if t.is_word), None)
    if home is None or after is None or text[end : after.start + end].strip():
        return None
    said = gz.demonyms().get(after.norm)
    # the country code as the key's local part: an id of its own, still one across articles
    return f"{key}{LOCAL}{said}" if said is not None and said != home else None


def _shared_alias(text: str) -> str | None:
    """The short name several curated entries go by (``gz.shared_aliases``) that ``text`` is,
    as written or without its proclitics (``للتحالف``)."""
    return next((r for r in _readings(gz.key_of(text)) if r in gz.shared_aliases()), None)


def _article_entry(alias: str, named: frozenset[str], doc: str) -> tuple[str, gz.GazEntry | None]:
    """The key a shared short name links under in one article: the one entry it may name that
    the article names in full, else the article's own (``التحالف`` in a story that names
    neither coalition, or both, is not joined to either across the corpus)."""
    hits = [k for k in gz.shared_aliases()[alias] if k in named]
    if len(hits) == 1:
        return hits[0], gz.by_key().get(hits[0])
    return f"{alias}{LOCAL}{doc}", None


def _generic_body(key: str) -> bool:
    """An organisation named by a head every country has, with no country or place said in
    it (``وزارة الخارجية``; not ``وزارة الخارجية المصرية``, ``شرطة منطقة الرياض``)."""
    toks = key.split()
    if not toks or toks[-1] in gz.demonyms() or not is_generic_body(toks):
        return False
    places, cities = gz.by_key(), gz.cities()
    for i in range(1, len(toks)):
        tail = " ".join(toks[i:])
        e = places.get(tail)
        if (e is not None and e.type in ("GPE", "LOC")) or tail in cities:
            return False
    return True


def _outlet_key(m: EntityMention) -> tuple[str, gz.GazEntry] | None:
    """An ORG mention of a listed outlet: its key and a curated-like ORG entry for it."""
    if m.type != "ORG":
        return None
    name = outlet_of(m.text)
    if name is None:
        return None
    return OUTLET + gz.key_of(name), gz.GazEntry(name, "ORG", source="news outlet (resources/entities/outlets.tsv)")


@lru_cache(maxsize=1 << 18)
def _well_formed(form: str) -> bool:
    """A person's name as a name: words only, no title or ordinary word inside."""
    toks = tokenize(form)
    if not toks or len(toks) > 5 or not all(t.is_word and t.norm.isalpha() for t in toks):
        return False
    return not any(t.norm in rule_title_words() for t in toks)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """``shorter``'s words appear in ``longer`` in order (``السوداني`` in ``محمد شياع السوداني``)."""
    it = iter(longer)
    return all(w in it for w in shorter)


_key = lru_cache(maxsize=1 << 18)(gz.key_of)  # a name's key, remembered: entities are built from the same surfaces


@lru_cache(maxsize=1 << 18)
def _bare_readings(k: str) -> tuple[str, ...]:
    """``_readings(k)`` but the key itself, remembered (``_make_entity`` asks for every alias)."""
    return tuple(_readings(k)[1:])


SUBSEQ_MAX = 6  # words of a form up to which ``person_name`` counts held forms by subsequence


def person_name(surfaces: Counter[str]) -> str:
    """The fullest attested form of a person: the longest well-formed form containing the
    most others (so ``علي موسى دقدوق`` over a more frequent ``موسى دقدوق``), then the more
    frequent, then the one whose first word is a known given name."""
    if len(surfaces) == 1:  # one form (most people) is the name, whatever the ranks
        return next(iter(surfaces))
    forms = [s for s in surfaces if _well_formed(s)] or list(surfaces)
    words = {s: _key(s).split() for s in surfaces}
    given = given_names()
    # forms by their word sequence: a form holds another when that one's words are an
    # in-order subsequence of its own, so counting the surfaces under each subsequence of a
    # short form replaces a pass over every surface (a much-named person has hundreds)
    by_words = Counter(tuple(w) for w in words.values())

    def held(s: str) -> int:
        ws = words[s]
        if len(ws) > SUBSEQ_MAX:
            return sum(1 for o in surfaces if o != s and _contains(ws, words[o]))
        subs = {tuple(ws[i] for i in idx) for r in range(len(ws) + 1) for idx in combinations(range(len(ws)), r)}
        return sum(by_words[q] for q in subs) - 1  # not itself

    def rank(s: str) -> tuple[int, int, int, int, str, str]:
        inside = held(s)
        first = words[s][0] if words[s] else ""
        return (-inside, -len(words[s]), -surfaces[s], -(first in given), _key(s), s)

    return min(forms, key=rank)


def _make_entity(
    members: list[tuple[EntityMention, str]],
    anchors: dict[str, gz.GazEntry],
    doc_context: dict[str, set[str]],
    local: str = "",
    named: str = "",
) -> Entity:
    curated = [k for _, k in members if k in anchors]  # the first key in order with an entry
    anchor = anchors[min(curated)] if curated else None
    tcount = Counter(m.type for m, _ in members)
    typ = anchor.type if anchor else min(tcount, key=lambda t: (-tcount[t], _TYPE_ORDER.get(t, 9)))
    surfaces = Counter(" ".join(m.text.split()) for m, _ in members)
    if anchor is not None:
        name = anchor.name
    elif typ == "PER":
        name = person_name(surfaces)
    else:
        longest = max(len(s.split()) for s in surfaces)
        name = min((s for s in surfaces if len(s.split()) == longest), key=lambda s: (-surfaces[s], _key(s), s))
    name = named or name  # a state's name says it is the state ("ولاية واشنطن")
    known = {_key(s) for s in surfaces} | {_key(name)}
    aliases = [
        s for s in sorted(surfaces, key=lambda s: (-surfaces[s], s))
        if s != name and not any(r in known for r in _bare_readings(_key(s)))
    ]  # "للعراق" is العراق with a preposition, not another name for it  # fmt: skip
    roles = Counter(" ".join(m.role.split()) for m, _ in members if m.role)
    docs = list(dict.fromkeys(m.doc for m, _ in members))  # in order of first mention (no list scan per mention)
    eid = make_id("e", typ, _key(name), local) if local else make_id("e", typ, _key(name))
    for m, _ in members:
        m.entity = eid
    geo = None
    attributes: dict[str, object] = {}
    if typ in ("GPE", "LOC", "FAC"):
        place = anchor
        if place is not None and place.kind == "region" and place.lat is None:
            attributes["place_kind"] = "region"  # too large for a point: not on the map
        elif (place is None or place.lat is None) and not named:  # a state is not where its namesake is
            context = set().union(*(doc_context.get(d, set()) for d in docs))
            place = gz.place_lookup(name, frozenset(context))
            if place is None:
                for s in aliases:
                    place = gz.place_lookup(s, frozenset(context))
                    if place is not None:
                        break
        if place is not None and place.lat is not None and place.lon is not None:
            geo = Geo(place.lat, place.lon, place.kind)
            attributes["geo_source"] = place.source
            if place.country:
                attributes["country"] = place.country
        elif anchor is not None and anchor.country and anchor.type in ("GPE", "LOC", "FAC"):
            place = anchor  # a listed governorate GeoNames lacks: no point, but its country and province
            attributes["country"] = anchor.country
        if place is not None and place.admin1 and attributes.get("country") == place.country:
            attributes["admin1"] = place.admin1
    if anchor is not None and anchor.source:
        attributes["source"] = anchor.source
    return Entity(
        id=eid,
        type=typ,
        name=name,
        aliases=aliases,
        roles=sorted(roles, key=lambda r: (-roles[r], r)),
        docs=docs,
        geo=geo,
        mentions=len(members),
        attributes=attributes,
    )


def load_resources() -> None:
    """Load what linking reads once per process (the outlet index, built from the gazetteer,
    takes about a second): a run does it while worker processes annotate (``pipeline``)."""
    outlet_index()
    gz.demonyms()
    gz.country_by_iso()
    clubs.index()
    given_names()
    _stop_words()


def analyse(docs: Sequence[Document]) -> tuple[list[DocAnalysis], list[Entity]]:
    """Annotate entities in every document, then link them across documents (``rasd
    entities FILES``, the entity benchmarks): the annotator's output is this stage's input."""
    das = [DocAnalysis(d) for d in docs]
    for da in das:
        annotate(da)
    return das, link(das)


def analyse_paths(paths: Sequence[Path]) -> list[Entity]:
    """The linked entities of the documents in ``paths`` (files or folders of ``.txt``)."""
    return analyse(load_documents(paths))[1]


__all__ = ["analyse", "analyse_paths", "link", "osa_le1"]
