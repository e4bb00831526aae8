"""Cross-document entity linking on mentions written by hand (independent of the model)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.ids import make_id
from rasd.models import DocAnalysis, Document, EntityMention, Published
from rasd.resolve.entities import link, osa_le1


def doc(doc_id: str, text: str, *names: tuple[str, str] | tuple[str, str, str]) -> DocAnalysis:
    """A document whose mentions are the given (name, type[, role]) found in ``text``."""
    da = DocAnalysis(Document(doc_id, doc_id + ".txt", 0, "", None, Published(), "ar", text))
    pos = 0
    for item in names:
        name, typ = item[0], item[1]
        role = item[2] if len(item) > 2 else None
        start = text.index(name, pos)
        da.entities.append(EntityMention(doc_id, start, start + len(name), name, typ, role=role))
        pos = start + len(name)
    return da


def by_name(ents: list, name: str):  # type: ignore[no-untyped-def]
    hits = [e for e in ents if e.name == name]
    assert len(hits) == 1, [e.name for e in ents]
    return hits[0]


def corpus() -> list[DocAnalysis]:
    return [
        doc(
            "d1",
            "استقبل رئيس الوزراء العراقي محمد شياع السوداني وفدا من البنتاغون قرب عين الأسد.",
            ("محمد شياع السوداني", "PER", "رئيس الوزراء العراقي"),
            ("البنتاغون", "ORG"),
            ("عين الأسد", "FAC"),
        ),
        doc(
            "d2",
            "قال السوداني إن وزارة الدفاع الأمريكية أبلغته أن قاعدة عيّن الاسد آمنة، وأن الرئيس بايدن موافق.",
            ("السوداني", "PER"),
            ("وزارة الدفاع الأمريكية", "ORG"),
            ("قاعدة عيّن الاسد", "FAC"),
            ("بايدن", "PER", "الرئيس"),
        ),
        doc(
            "d3",
            "أكد محمد السوداني أن بادين وعد بدعم الحرب على داعش وتنظيم الدولة في العراق والجيش الأميركي.",
            ("محمد السوداني", "PER"),
            ("بادين", "PER"),
            ("داعش", "ORG"),
            ("تنظيم الدولة", "ORG"),
            ("العراق", "GPE"),
        ),
    ]


def test_short_forms_join_the_full_name_and_keep_roles() -> None:
    ents = link(corpus())
    sud = by_name(ents, "محمد شياع السوداني")
    assert sud.type == "PER"
    assert set(sud.aliases) == {"السوداني", "محمد السوداني"}
    assert sud.docs == ["d1", "d2", "d3"]
    assert sud.roles == ["رئيس الوزراء العراقي"]
    assert sud.mentions == 3


def test_spelling_variants_and_typos_merge() -> None:
    ents = link(corpus())
    asad = by_name(ents, "قاعدة عين الأسد الجوية")
    assert asad.type == "FAC" and asad.mentions == 2
    assert asad.geo is not None and abs(asad.geo.lat - 33.8) < 0.1 and abs(asad.geo.lon - 42.44) < 0.1
    biden = [e for e in ents if "بايدن" in [e.name, *e.aliases]]
    assert len(biden) == 1 and "بادين" in [biden[0].name, *biden[0].aliases]
    assert biden[0].roles == ["الرئيس"]


def test_aliases_and_acronyms_from_resource_file() -> None:
    ents = link(corpus())
    pentagon = by_name(ents, "وزارة الدفاع الأميركية")
    assert set(pentagon.aliases) == {"البنتاغون", "وزارة الدفاع الأمريكية"}
    isis = by_name(ents, "تنظيم الدولة الإسلامية")
    assert set(isis.aliases) == {"داعش", "تنظيم الدولة"}


def test_demonyms_attach_to_their_country() -> None:
    ents = link(corpus())
    assert not any(e.name in ("الأميركي", "العراقي") for e in ents)
    us = by_name(ents, "الولايات المتحدة")
    assert us.mentions == 0 and "الأميركي" in us.attributes["demonyms"]
    iraq = by_name(ents, "العراق")
    assert iraq.mentions == 1 and "العراقي" in iraq.attributes["demonyms"]
    assert iraq.geo is not None


def test_mentions_get_entity_ids_and_ids_are_content_derived() -> None:
    das = corpus()
    ents = link(das)
    ids = {e.id for e in ents}
    for da in das:
        for m in da.entities:
            assert m.entity in ids
    sud = by_name(ents, "محمد شياع السوداني")
    assert sud.id == make_id("e", "PER", "محمد شياع السوداني")


def test_deterministic_and_independent_of_document_order() -> None:
    a = link(corpus())
    b = link(corpus())
    assert a == b
    c = link(list(reversed(corpus())))
    assert {(e.id, e.mentions, frozenset(e.aliases)) for e in a} == {
        (e.id, e.mentions, frozenset(e.aliases)) for e in c
    }


def test_ambiguous_short_form_prefers_the_name_in_the_same_document() -> None:
    das = [
        doc("a", "التقى ثابت العباسي بالوفد ثم غادر العباسي.", ("ثابت العباسي", "PER"), ("العباسي", "PER")),
        doc("b", "وصل حيدر العباسي إلى المطار.", ("حيدر العباسي", "PER")),
    ]
    ents = link(das)
    thabit = by_name(ents, "ثابت العباسي")
    assert thabit.mentions == 2 and thabit.aliases == ["العباسي"]
    assert by_name(ents, "حيدر العباسي").mentions == 1


def test_short_names_do_not_fuzzy_merge() -> None:
    das = [doc("a", "قال محمد وأحمد ذلك.", ("محمد", "PER"), ("أحمد", "PER"))]
    assert len(link(das)) == 2


def test_place_ambiguity_resolved_by_curated_entry() -> None:
    das = [doc("a", "وصل الوفد إلى واشنطن.", ("واشنطن", "GPE"))]
    (e,) = [e for e in link(das) if e.name == "واشنطن"]
    assert e.geo is not None and e.geo.lon < -70  # Washington, D.C., not a town elsewhere


def test_proclitic_left_on_a_span_still_links() -> None:
    das = [doc("a", "سافر إلى العراق وعاد للعراق.", ("العراق", "GPE"), ("للعراق", "GPE"))]
    (e,) = [e for e in link(das) if e.type == "GPE"]
    assert e.name == "العراق" and e.mentions == 2


def test_osa_cases() -> None:
    assert osa_le1("بايدن", "بادين")  # swap
    assert osa_le1("سوريا", "سوريه")
    assert osa_le1("واشنطن", "واشنطون")
    assert not osa_le1("بغداد", "دمشق")


@given(st.text(max_size=12), st.text(max_size=12))
def test_osa_is_symmetric_and_reflexive(a: str, b: str) -> None:
    assert osa_le1(a, a)
    assert osa_le1(a, b) == osa_le1(b, a)


def test_ambiguous_city_follows_the_documents_country() -> None:
    lebanon = [
        doc("a", "زار الوفد لبنان ثم طرابلس.", ("لبنان", "GPE"), ("طرابلس", "GPE")),
    ]
    libya = [doc("b", "وصل الوفد إلى طرابلس الليبية.", ("طرابلس", "GPE"))]
    (leb,) = [e for e in link(lebanon) if e.name == "طرابلس"]
    (lib,) = [e for e in link(libya) if e.name == "طرابلس"]
    assert leb.attributes["country"] == "LB" and leb.geo is not None and leb.geo.lat > 34
    assert lib.attributes["country"] == "LY" and lib.geo is not None and lib.geo.lat < 33.5


_names = st.lists(
    st.tuples(
        st.sampled_from(["السوداني", "محمد السوداني", "عين الاسد", "داعش", "بغداد", "للعراق", "ترامب", "ا", "ـ"]),
        st.sampled_from(["PER", "ORG", "GPE", "LOC", "FAC", "MISC"]),
    ),
    max_size=8,
)


@given(_names)
def test_link_never_raises_and_every_mention_is_linked(items: list[tuple[str, str]]) -> None:
    text = " و ".join(n for n, _ in items) + " الأميركي"
    da = doc("z", text, *items)
    ents = link([da])
    ids = {e.id for e in ents}
    assert all(m.entity in ids for m in da.entities)
    assert sum(e.mentions for e in ents) == len(da.entities)


def test_a_proclitic_form_is_not_listed_as_an_alias() -> None:
    das = [
        doc("p1", "زار الوفد العراق ثم قدم دعما للعراق وللأمم المتحدة بعد لقاء الأمم المتحدة.",
            ("العراق", "GPE"), ("للعراق", "GPE"), ("للأمم المتحدة", "ORG"), ("الأمم المتحدة", "ORG")),
    ]  # fmt: skip
    ents = link(das)
    iraq = by_name(ents, "العراق")
    un = by_name(ents, "الأمم المتحدة")
    assert iraq.mentions == 2 and iraq.aliases == []
    assert un.mentions == 2 and un.aliases == []


def test_a_cut_spelled_acronym_is_mended() -> None:
    text = "ونقل موقع إن بي سي عن مسؤول أن سي إن إن نشرت الخبر أولا."
    da = doc("a1", text, ("بي سي", "ORG"), ("سي إن إن", "ORG"))
    ents = link([da])
    assert {e.name for e in ents} == {"إن بي سي", "سي إن إن"}
    for m in da.entities:
        assert text[m.start : m.end] == m.text


def test_a_place_named_alone_is_the_facility_named_in_full() -> None:
    da = doc("f1", "غادرت القوات معسكر فكتوريا قرب المطار، وتسلم الجيش فكتوريا ظهرا.",
             ("معسكر فكتوريا", "FAC"), ("فكتوريا", "GPE"))  # fmt: skip
    ents = link([da])
    (camp,) = ents
    assert camp.type == "FAC" and camp.mentions == 2 and camp.geo is not None and 30 < camp.geo.lat < 40
    # named alone in another article too: linking is by name, so it is left apart (maybe the city)
    da = doc("f1", da.doc.text, ("معسكر فكتوريا", "FAC"), ("فكتوريا", "GPE"))
    other = doc("f2", "زار الوزير فكتوريا في كندا.", ("فكتوريا", "GPE"))
    ents = link([da, other])
    assert sorted((e.type, e.mentions) for e in ents) == [("FAC", 1), ("GPE", 2)]


def test_countries_sit_at_their_centre_and_cities_on_themselves() -> None:
    text = "زار الوفد العراق ثم بغداد، وأعلنت الولايات المتحدة من واشنطن ترحيبها."
    da = doc("d1", text, ("العراق", "GPE"), ("بغداد", "GPE"), ("الولايات المتحدة", "GPE"), ("واشنطن", "GPE"))
    ents = link([da])
    iraq, baghdad = by_name(ents, "العراق"), by_name(ents, "بغداد")
    us, dc = by_name(ents, "الولايات المتحدة"), by_name(ents, "واشنطن")
    assert iraq.geo is not None and baghdad.geo is not None and us.geo is not None and dc.geo is not None
    assert (iraq.geo.kind, baghdad.geo.kind, us.geo.kind, dc.geo.kind) == ("country", "city", "country", "city")
    assert abs(iraq.geo.lat - 33.0) < 1 and abs(iraq.geo.lon - 44.0) < 1
    assert (iraq.geo.lat, iraq.geo.lon) != (baghdad.geo.lat, baghdad.geo.lon)
    assert us.geo.lon < -90 < dc.geo.lon  # the middle of the country, not its capital
    assert "centroid" in iraq.attributes["geo_source"]


def test_canonical_name_keeps_the_first_name() -> None:
    d1 = doc(
        "d1",
        "قتل فارس الدباغ في غارة، وكان علي فارس الدباغ مطلوبا، وقيل إن فارس الدباغ فر.",
        ("فارس الدباغ", "PER"), ("علي فارس الدباغ", "PER"), ("فارس الدباغ", "PER"),
    )  # fmt: skip
    d2 = doc("d2", "ونفى الدباغ التهم.", ("الدباغ", "PER"))
    ents = link([d1, d2])
    p = by_name(ents, "علي فارس الدباغ")
    assert {"فارس الدباغ", "الدباغ"} <= set(p.aliases) and p.mentions == 4
    # the shorter form only ever said in other documents may be his father: left alone
    d3 = doc("d3", "وقال فارس الدباغ إن ابنه بريء.", ("فارس الدباغ", "PER"))
    d4 = doc("d4", "واعتقل علي فارس الدباغ أمس.", ("علي فارس الدباغ", "PER"))
    assert len([e for e in link([d3, d4]) if "الدباغ" in e.name]) == 2


def test_person_name_prefers_the_form_containing_the_others() -> None:
    from collections import Counter

    from rasd.resolve.entities import person_name

    forms = Counter({"فارس الدباغ": 5, "علي فارس الدباغ": 1, "الدباغ": 3})
    assert person_name(forms) == "علي فارس الدباغ"


_NAME_WORDS = ["علي", "فارس", "الدباغ", "محمد", "سالم", "بن", "عبد", "الله"]


@given(st.dictionaries(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=8).map(" ".join),
                       st.integers(min_value=1, max_value=4), min_size=1, max_size=12))  # fmt: skip
def test_person_name_counts_held_forms_as_every_pair_would(surfaces: dict[str, int]) -> None:
    """The subsequence count of ``person_name`` picks what comparing every pair of forms picks
    (forms of up to 8 words: both the counted and the pairwise path)."""
    from collections import Counter

    from rasd.annotators.entities import gazetteer as gz
    from rasd.annotators.entities.cues import given_names
    from rasd.resolve.entities import _contains, _well_formed, person_name

    counts = Counter(surfaces)
    words = {s: gz.key_of(s).split() for s in counts}
    forms = [s for s in counts if _well_formed(s)] or list(counts)

    def rank(s: str) -> tuple[int, int, int, int, str, str]:
        inside = sum(1 for o in counts if o != s and _contains(words[s], words[o]))
        first = words[s][0] if words[s] else ""
        return (-inside, -len(words[s]), -counts[s], -(first in given_names()), gz.key_of(s), s)

    assert person_name(counts) == min(forms, key=rank)


def test_a_short_name_two_coalitions_go_by_joins_the_one_its_article_names() -> None:
    """``التحالف`` is the US-led coalition in a story on Iraq and the Saudi-led one in a story
    on Yemen (``entities/shared_aliases.tsv``); a story that names neither keeps its own."""
    iraq = doc("d1", "أعلن التحالف الدولي انسحاب قواته، وقال التحالف إن المهمة انتهت.",
               ("التحالف الدولي", "ORG"), ("التحالف", "ORG"))  # fmt: skip
    yemen = doc("d2", "شن التحالف العربي غارات على صنعاء، وأكد التحالف أن الأهداف عسكرية.",
                ("التحالف العربي", "ORG"), ("التحالف", "ORG"))  # fmt: skip
    bare = doc("d3", "قال متحدث باسم التحالف إن الطائرات عادت سالمة.", ("التحالف", "ORG"))
    ents = link([iraq, yemen, bare])
    by_doc = {da.doc.id: [m.entity for m in da.entities] for da in (iraq, yemen, bare)}
    assert by_doc["d1"][0] == by_doc["d1"][1] == by_name(ents, "التحالف الدولي").id
    assert by_doc["d2"][0] == by_doc["d2"][1] == by_name(ents, "التحالف العربي").id
    assert by_doc["d3"][0] not in {by_doc["d1"][0], by_doc["d2"][0]}


def test_person_name_of_one_form_is_that_form_even_ill_formed() -> None:
    """One form is the name (the shortcut ``person_name`` takes), as ranking would give: a
    form with a digit or a title in it, which ``_well_formed`` rejects, too."""
    from collections import Counter

    from rasd.resolve.entities import person_name

    for form in ("سالم بن علي", "الرائد 3 فارس", "فارس"):
        assert person_name(Counter({form: 2})) == form


def test_an_entity_lists_its_documents_in_order_of_first_mention() -> None:
    """``_make_entity`` keeps each document once, in the order its mentions come (read from a
    dict now, not a list scan), and every mention of a linked group gets the group's id."""
    das = [
        doc("d3", "زار الوزير جدة ثم عاد إلى جدة.", ("جدة", "GPE"), ("جدة", "GPE")),
        doc("d1", "وصل الوفد إلى جدة صباحا.", ("جدة", "GPE")),
        doc("d2", "أمطار غزيرة في جدة وفي لجدة.", ("جدة", "GPE")),
        doc("d1b", "افتتح المعرض في جدة.", ("جدة", "GPE")),
    ]
    (jed,) = [e for e in link(das) if e.name == "جدة"]
    assert jed.docs == ["d3", "d1", "d2", "d1b"]
    assert jed.mentions == 5
    assert {m.entity for da in das for m in da.entities if m.text == "جدة"} == {jed.id}
