"""Entity recognition: spans, proclitics, gazetteers, patterns, roles, offsets."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasd.annotators.entities as ner
from rasd.models import DocAnalysis, Document, Published
from rasd.text.normalize import fold
from rasd.text.tokens import tokenize


class FakeTagger:
    """Labels chosen words (folded) as entities, so span logic is tested without the model."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = {fold(k): v for k, v in labels.items()}
        self.last: list[str] = []

    def tag(self, feats: list[list[str]]) -> list[str]:
        words = [next(f[2:] for f in fs if f.startswith("w=")) for fs in feats]
        out = []
        for i, w in enumerate(words):
            lab = self.labels.get(w, "O")
            if lab.startswith("I-") and (i == 0 or out[-1] == "O"):
                lab = "B-" + lab[2:]
            out.append(lab)
        self.last = out
        return out

    def marginal(self, label: str, i: int) -> float:
        return 0.9


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    def use(labels: dict[str, str]) -> None:
        monkeypatch.setattr(ner, "_tagger", lambda: FakeTagger(labels))

    return use


def spans(text: str) -> list[tuple[str, str]]:
    out = []
    for m in ner.tag(text, "d"):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.type))
    return out


def test_proclitics_are_outside_gazetteer_spans(fake: Any) -> None:
    fake({})
    text = "التقى الوفد في بغداد وبغداد ثم عاد بالعراق إلى دمشق."
    got = spans(text)
    assert ("بغداد", "GPE") in got
    assert got.count(("بغداد", "GPE")) == 2
    assert ("العراق", "GPE") in got
    assert not any(t.startswith(("و", "ب")) for t, _ in got if t != "بغداد")


def test_proclitics_outside_model_spans(fake: Any) -> None:
    fake({"لـ": "B-ORG", "الجبال": "B-ORG", "وفراس": "B-PERS", "الياسر": "I-PERS"})
    text = 'قال وفراس الياسر لـ"الجبال" إن الاتفاق قائم.'
    got = spans(text)
    assert ("الجبال", "ORG") in got
    assert ("فراس الياسر", "PER") in got


def test_article_is_never_cut(fake: Any) -> None:
    fake({"العباسي": "B-PERS"})
    assert ("العباسي", "PER") in spans("صرح العباسي أمس.")


def test_curated_facility_with_diacritics_and_variants(fake: Any) -> None:
    fake({})
    text = "سقط صاروخ قرب قاعدة عيّن الاسد الجوية، ولم يصب أحد في قاعدة حرير."
    got = spans(text)
    assert ("قاعدة عيّن الاسد الجوية", "FAC") in got
    assert ("قاعدة حرير", "FAC") in got


def test_facility_pattern_builds_fac_from_head_and_place(fake: Any) -> None:
    fake({})
    got = spans("هبطت الطائرة في مطار الموصل الدولي مساء الأحد.")
    assert ("مطار الموصل الدولي", "FAC") in got


def test_demonyms_are_not_entities(fake: Any) -> None:
    fake({"الأميركية": "B-LOC"})
    got = spans("انسحبت القوات الأميركية من المدينة.")
    assert got == []


def test_role_from_title_and_demonym(fake: Any) -> None:
    fake({"ثابت": "B-PERS", "العباسي": "I-PERS", "ماثيو": "B-PERS", "ميلر": "I-PERS"})
    text = "وقال وزير الدفاع العراقي ثابت العباسي إن المتحدث باسم الخارجية الأمريكية ماثيو ميلر أخطأ."
    ms = {m.text: m for m in ner.tag(text, "d")}
    assert ms["ثابت العباسي"].role == "وزير الدفاع العراقي"
    assert ms["ماثيو ميلر"].role == "المتحدث باسم الخارجية الأمريكية"
    assert ms["الخارجية الأمريكية"].type == "ORG"


def test_no_role_without_title(fake: Any) -> None:
    fake({"ثابت": "B-PERS", "العباسي": "I-PERS"})
    (m,) = [m for m in ner.tag("التقى ثابت العباسي بالوفد.", "d") if m.type == "PER"]
    assert m.role is None


def test_model_loc_typed_by_gazetteer(fake: Any) -> None:
    fake({"نهر": "B-LOC", "دجلة": "I-LOC", "كربلاء": "B-LOC"})
    got = dict(spans("يمر نهر دجلة قرب كربلاء."))
    assert got["نهر دجلة"] == "LOC"
    assert got["كربلاء"] == "GPE"


def test_annotate_fills_doc_and_skips_other_languages(fake: Any) -> None:
    fake({})
    doc = Document("d1", "s", 0, "", None, Published(), "ar", "زار الرئيس العراق.")
    da = DocAnalysis(doc)
    ner.annotate(da)
    assert [(m.text, m.doc) for m in da.entities] == [("العراق", "d1")]
    en = DocAnalysis(Document("d2", "s", 0, "", None, Published(), "en", "Iraq العراق"))
    ner.annotate(en)
    assert en.entities == []


@pytest.mark.skipif(not ner.MODEL_PATH.exists(), reason="no trained model shipped")
def test_real_model_finds_people_and_is_deterministic() -> None:
    text = "وقال رئيس الوزراء العراقي محمد شياع السوداني للصحفيين إن الحكومة ماضية في خطتها."
    a = ner.tag(text, "d")
    b = ner.tag(text, "d")
    assert a == b
    per = [m for m in a if m.type == "PER"]
    assert per and "السوداني" in per[0].text
    assert per[0].role == "رئيس الوزراء العراقي"


_alphabet = st.sampled_from(list("بغداد والعراق قاعدة عين الأسد ًٌّ ـ\"«».،؟\n") + ["\u200f", "\U0001f600", "a", "7"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_alphabet, max_size=80).map("".join)))
def test_offsets_round_trip_on_arbitrary_text(text: str) -> None:
    for m in ner.tag(text, "x"):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end
        assert m.type in {"PER", "ORG", "GPE", "LOC", "FAC", "MISC"}
        assert m.text.strip() == m.text
    assert isinstance(tokenize(text), list)
