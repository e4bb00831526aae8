"""Memos the story step keeps for speed give what the plain definitions give: the claim
comparison's scope (``stage._Scope``, its memo of a claim's threads read inline: smallest
shared incident and thread, ``None`` when neither, whatever the order of the pairs) and the
countries of a scene's cities (``places.Relations.cities``) that ``places.town_apart`` reads."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from rasd.models import Claim, Entity, Geo
from rasd.story import places as pl
from rasd.story.claims import ClaimRecord
from rasd.story.stage import _Scope

_IDS = ["c0", "c1", "c2", "c3", "c4"]
_INCS = ["i1", "i2", "i3"]
_THREADS = ["t1", "t2", "t3"]
_FAMS = ["withdraw", "talks"]
_ENTS = ["e1", "e2", "e3"]

_ids_of = st.dictionaries(st.sampled_from(_IDS), st.sets(st.sampled_from(_INCS)))


def _scope(incidents: dict[str, set[str]], threads: dict[str, set[str]],
           by_family: dict[str, list[tuple[str, frozenset[str], frozenset[str], str]]],
           inc_threads: dict[str, set[str]]) -> _Scope:  # fmt: skip
    s = _Scope.__new__(_Scope)
    s.incidents = defaultdict(set, {k: set(v) for k, v in incidents.items()})
    s.threads = defaultdict(set, {k: set(v) for k, v in threads.items()})
    s._country = {}
    s._by_family = defaultdict(list, by_family)
    s._memo = {}
    s._incident_threads = defaultdict(set, {k: set(v) for k, v in inc_threads.items()})
    return s


def _plain(s: _Scope, a: ClaimRecord, b: ClaimRecord) -> tuple[str | None, str | None] | None:
    inc = s.incidents.get(a.claim.id, set()) & s.incidents.get(b.claim.id, set())
    thr = s.threads_of(a) & s.threads_of(b)
    if not inc and not thr:
        return None
    return (min(inc) if inc else None, min(thr) if thr else None)


def _record(cid: str, topics: list[str], ents: set[str], year: str) -> ClaimRecord:
    claim = Claim(id=cid, subject="", predicate="", object="", time=None)
    return ClaimRecord(claim, "d", "", topics={t: "assert" for t in topics}, year=year, entities=frozenset(ents))


@given(
    _ids_of,
    st.dictionaries(st.sampled_from(_IDS), st.sets(st.sampled_from(_THREADS))),
    st.dictionaries(st.sampled_from(_INCS), st.sets(st.sampled_from(_THREADS))),
    st.lists(st.tuples(st.sampled_from(_THREADS), st.sampled_from(_FAMS), st.sets(st.sampled_from(_ENTS)),
                       st.sampled_from(["", "2014", "2016"])), max_size=4),  # fmt: skip
    st.lists(st.tuples(st.lists(st.sampled_from(_FAMS), max_size=2), st.sets(st.sampled_from(_ENTS)),
                       st.sampled_from(["2015", "2017"])), min_size=2, max_size=5),  # fmt: skip
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), min_size=1, max_size=12),
)
def test_scope_answers_each_pair_as_the_plain_definition(
    incidents: dict[str, set[str]], threads: dict[str, set[str]], inc_threads: dict[str, set[str]],
    abouts: list[tuple[str, str, set[str], str]], recs: list[tuple[list[str], set[str], str]],
    pairs: list[tuple[int, int]],
) -> None:  # fmt: skip
    by_family: dict[str, list[tuple[str, frozenset[str], frozenset[str], str]]] = defaultdict(list)
    for tid, fam, names, since in abouts:
        by_family[fam].append((tid, frozenset([fam]), frozenset(names), since))
    records = [_record(_IDS[k], *r) for k, r in enumerate(recs)]  # one record per claim id
    fast = _scope(incidents, threads, by_family, inc_threads)
    for i, j in pairs * 2:  # twice: the second time from the memo
        a, b = records[i % len(records)], records[j % len(records)]
        plain = _scope(incidents, threads, by_family, inc_threads)
        assert fast(a, b) == _plain(plain, a, b)


_PLACES = ["p0", "p1", "p2", "p3", "p4", "p5"]
_place = st.tuples(st.sampled_from([None, "city", "region", "country", "site"]), st.sampled_from([None, "SA", "IQ"]))


@given(
    st.lists(_place, min_size=6, max_size=6),
    st.lists(st.tuples(st.frozensets(st.sampled_from(_PLACES)), st.frozensets(st.tuples(st.sampled_from(_PLACES),
                                                                                       st.sampled_from(["SA", "IQ"])))),
             min_size=1, max_size=6),
)  # fmt: skip
def test_town_apart_from_the_remembered_cities_is_the_plain_test(
    kinds: list[tuple[str | None, str | None]], asks: list[tuple[frozenset[str], frozenset[tuple[str, str]]]],
) -> None:  # fmt: skip
    ents = {
        p: Entity(p, "GPE", p, geo=Geo(24.0, 46.0, kind) if kind else None, attributes={"country": c} if c else {})
        for p, (kind, c) in zip(_PLACES, kinds, strict=True)
    }
    rel = pl.Relations(ents)
    for scene, towns in asks * 2:  # twice: the second time from the memo
        plain = any(t not in scene and any(pl.level(ents.get(p)) == 2 and pl.country(ents.get(p)) == c for p in scene)
                    for t, c in towns)  # fmt: skip
        assert pl.town_apart(towns, scene, rel.level, ents, rel.cities(scene)) == plain
        assert pl.town_apart(towns, scene, rel.level, ents) == plain
