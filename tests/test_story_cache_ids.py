"""An article whose entities linking renames is answered from the story cache, with the new ids.

Linking derives an entity's id from its type and name, so a new article that gives a fuller
name renames the entity in every old article. The story step's cached reading of an article
keeps which mentions are one entity, not the ids (``incremental._doc_key``): the old article
is not read again, and its results carry the new ids, exactly as reading it afresh gives.
Our own sentences."""

from __future__ import annotations

import copy
from pathlib import Path

from rasd import stages
from rasd.incremental import StoryCache
from rasd.models import DocAnalysis, Document, Published, to_dict
from rasd.store import open_store
from rasd.story import stage as story

AS_OF = "2025-10-01"
TEXT = (
    "بغداد 5 آب 2024: قال المتحدث باسم قيادة العمليات المشتركة اللواء سامي الحسني إن هجوما بطائرتين "
    "مسيرتين استهدف قاعدة النخيل الجوية فجر اليوم وأسفر عن إصابة ثلاثة جنود. وأضاف الحسني أن القوات "
    "ستنسحب من القاعدة بحلول نهاية أيلول 2025 كما تعهدت الحكومة."
)


def _analysed() -> DocAnalysis:
    doc = Document(id="d_own", source="own.txt", part=0, title="", outlet=None,
                   published=Published("2024-08-05", "day"), language="ar", text=TEXT)  # fmt: skip
    da = DocAnalysis(doc)
    stages.annotate(da, [])
    for m in da.entities:  # what linking would give: one id per name
        m.entity = "e_" + m.text.replace(" ", "_")
    for q in da.quotes:
        q.speaker.entity = next((m.entity for m in da.entities if m.text == q.speaker.text), q.speaker.entity)
    return da


def _renamed(da: DocAnalysis) -> DocAnalysis:
    out = copy.deepcopy(da)
    for m in out.entities:
        m.entity = (m.entity or "") + "_renamed" if m.entity else None
    for q in out.quotes:
        q.speaker.entity = q.speaker.entity + "_renamed" if q.speaker.entity else None
    return out


def test_a_renamed_article_is_answered_from_the_cache_with_the_new_ids(tmp_path: Path) -> None:
    da = _analysed()
    assert len({m.entity for m in da.entities}) >= 3
    with open_store(str(tmp_path / "rasd.db")) as store:
        first = StoryCache(store)
        before = first.per_document()([da], {}, AS_OF, 1)
        first.flush()
        second = StoryCache(store)
        renamed = _renamed(da)
        got = second.per_document()([renamed], {}, AS_OF, 1)
    assert second.counts == {"doc reused": 1}
    fresh = story._per_document_all([copy.deepcopy(renamed)], {}, AS_OF, 1)
    assert to_dict(list(got)) == to_dict(list(fresh))
    assert to_dict(list(got)) != to_dict(list(before))  # the ids did change
    events = got[0][0]
    assert any(a.endswith("_renamed") for ev in events for a in [*ev.actors, *ev.targets, ev.place or ""])


def test_a_different_grouping_of_the_mentions_is_read_again(tmp_path: Path) -> None:
    da = _analysed()
    with open_store(str(tmp_path / "rasd.db")) as store:
        first = StoryCache(store)
        first.per_document()([da], {}, AS_OF, 1)
        first.flush()
        merged = copy.deepcopy(da)
        for m in merged.entities:  # two entities become one
            m.entity = "e_one"
        second = StoryCache(store)
        second.per_document()([merged], {}, AS_OF, 1)
    assert second.counts == {"doc computed": 1}


def test_ids_written_back_on_the_text_equal_the_walk() -> None:
    """``_unpack(data, ids)`` rewrites article-local names on the JSON text; it must give what
    walking the parsed result with ``_swap`` gives, for any result shape and any strings."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rasd.incremental import _pack, _swap, _unpack

    names = st.sampled_from(["e_a1", "e_b2", "e_c3"])
    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
    leaf = st.one_of(names, text, st.integers(), st.floats(allow_nan=False), st.none())
    data = st.recursive(leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(names | text, kids, max_size=4), max_leaves=20)

    @settings(max_examples=200, deadline=None)
    @given(data)
    def check(x: object) -> None:
        local = {"e_a1": "\x000", "e_b2": "\x001", "e_c3": "\x0012"}
        packed = _pack(x, local)
        back = {ph: eid for eid, ph in local.items()}
        assert _unpack(packed, back) == _swap(_unpack(packed), back)

    check()


def test_entity_ids_made_local_in_one_pass_as_one_after_the_other() -> None:
    """``_localise`` gives what ``str.replace`` of each id in turn gives, also where an id's last
    letter ``e`` begins another id (the ids then touch: replaced in turn), for ids of another
    shape, and with ids that are not the article's left alone."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rasd.incremental import _localise, _replace_each

    ids = ["e_" + "0123456789abcdef", "e_" + "a" * 15 + "e", "e_" + "e" * 16, "e_" + "f00d" * 4]
    odd = ["س_قديم", "e_12"]
    pieces = st.lists(st.sampled_from([*ids, *odd, "e_", "_", "'", "ه", "x", "e_0123", "ee"]), max_size=12)

    @settings(max_examples=300, deadline=None)
    @given(pieces, st.permutations(ids), st.integers(0, 4), st.booleans())
    def check(parts: list[str], order: list[str], n: int, other: bool) -> None:
        local = {eid: f"\x00{i}" for i, eid in enumerate(order[:n])}
        if other:
            local[odd[0]] = "\x009"
        text = "".join(parts)
        assert _localise(text, local) == _replace_each(text, local)

    check()
    a, b = ids[1], ids[0]  # a ends in "e": a + b[1:] holds a and, from a's last letter, b
    text = f"قال {a}_{b[2:]} و{b}"
    local = {b: "\x000", a: "\x001"}
    assert _localise(text, local) == _replace_each(text, local) != text
