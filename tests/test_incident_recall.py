"""One happening told by its cause in one outlet and by its death in another joins one
incident (``story/kind_traits.tsv``: ``deadly``): a fall or a drowning whose sentence tells
the death reports that death too, and a death whose sentence names the drowning that
killed reports the drowning. Our own sentences; calls the events extractor and
``story.incidents`` directly."""

from __future__ import annotations

from test_events import ent, make_da
from test_incident_joins import ENTS, _reports

from rasd.models import DocAnalysis, Entity, Geo, Timex
from rasd.story.incidents import resolve
from rasd.story.reports import has_trait

TAIF = Entity("e_taif", "GPE", "الطائف", geo=Geo(21.27, 40.41, "city"), attributes={"country": "SA"})
HASAN = Entity("e_hasan", "PER", "حسن الغامدي")
ALL = {**ENTS, TAIF.id: TAIF, HASAN.id: HASAN}
DAY = "الأحد 2 آذار 2025"


def _article(doc_id: str, outlet: str, text: str) -> DocAnalysis:
    """An article with every place, person and date marked at each occurrence, as the
    annotators would."""
    da = make_da(text, doc_id=doc_id, published="2025-03-02")
    da.doc.outlet = outlet
    for surface, typ, eid in (("الطائف", "GPE", "e_taif"), ("أبها", "GPE", "e_abha"), ("حسن الغامدي", "PER", "e_hasan")):
        for nth in range(text.count(surface)):
            ent(da, surface, typ, eid, nth)
    at = -1
    for _ in range(text.count(DAY)):
        at = text.index(DAY, at + 1)
        da.timex.append(Timex(doc_id, at, at + len(DAY), DAY, "DATE", "2025-03-02"))
    return da


def _grouping(*texts: str) -> list[list[tuple[str, str]]]:
    """The incidents of one article per text, each from its own outlet, as ``(doc, kind)``."""
    das = [_article(f"d_{i}", f"صحيفة {i}", t) for i, t in enumerate(texts)]
    reports = _reports(das, ALL)
    return sorted(sorted((r.doc, r.kind) for r in inc.reports) for inc in resolve(reports, ALL))


FALL_DEATH = f"لقي الطفل حسن الغامدي مصرعه {DAY} إثر سقوطه من سطح منزل أسرته في حي الشهداء بمدينة الطائف."
DEATH = f"توفي الطفل حسن الغامدي {DAY} في منزل أسرته بحي الشهداء في مدينة الطائف وسط حزن الجيران."
DROWNING = f"غرق طفل في مسبح استراحة بمدينة الطائف {DAY} وانتشلت فرق الدفاع المدني جثته."
DEATH_AT_POOL = f"توفي الطفل حسن الغامدي {DAY} في مسبح استراحة بمدينة الطائف."


def test_a_fall_that_tells_the_death_joins_the_death_another_outlet_told_alone() -> None:
    assert _grouping(FALL_DEATH, DEATH) == [[("d_0", "fall"), ("d_1", "death")]]
    # a drowning whose sentence tells of the body joins the death told with no cause
    assert _grouping(DEATH_AT_POOL, DROWNING) == [[("d_0", "death"), ("d_1", "drowning")]]
    assert has_trait("fall", "deadly") and has_trait("drowning", "deadly")


def test_a_fall_that_tells_no_death_or_a_death_elsewhere_stays_apart() -> None:
    hurt = f"أصيب عامل بكسور إثر سقوطه من سقالة مبنى في حي الشهداء بمدينة الطائف {DAY}."
    assert _grouping(hurt, DEATH) == [[("d_0", "fall")], [("d_1", "death")]]
    # the same fall and a death of that day in another city: two happenings
    elsewhere = f"توفي الطفل حسن الغامدي {DAY} في منزل أسرته بمدينة أبها وسط حزن الجيران."
    assert _grouping(FALL_DEATH, elsewhere) == [[("d_0", "fall")], [("d_1", "death")]]
