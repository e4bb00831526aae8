"""Document consistency pass, label encodings and the richer CRF features."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rasd.annotators.entities as ner
from rasd.annotators.entities.consistency import propagate
from rasd.annotators.entities.features import sent_features, triggers
from rasd.annotators.entities.labels import chunks, to_bio, to_bioes
from rasd.text.normalize import fold


def _f(s: str) -> list[str]:
    return [fold(w) for w in s.split()]


def test_untagged_repeat_gets_the_type_of_the_tagged_name() -> None:
    sents = [_f("التقى سالم الدوري وفد الشركة"), _f("وقال الدوري إن الوفد غادر"), _f("ثم عاد سالم الدوري")]
    labels = [["O", "B-PERS", "I-PERS", "O", "O"], ["O", "O", "O", "O", "O"], ["O", "O", "O", "O"]]
    out = propagate(sents, labels)
    assert out[0] == labels[0]
    assert out[1] == ["O", "O", "O", "O", "O"]  # "الدوري" alone was never tagged on its own
    assert out[2] == ["O", "O", "B-PERS", "I-PERS"]


def test_proclitic_on_first_token_still_matches_and_existing_tags_stay() -> None:
    sents = [_f("زار الوفد البصرة أمس"), _f("وصل وفد آخر وللبصرة ميناء"), _f("البصرة مدينة")]
    labels = [["O", "O", "B-LOC", "O"], ["O", "O", "O", "O", "O"], ["B-ORG", "O"]]
    out = propagate(sents, labels)
    assert out[1] == ["O", "O", "O", "B-LOC", "O"]
    assert out[2] == ["B-ORG", "O"]  # the model's own decision is never overwritten


def test_majority_type_wins_and_short_keys_are_ignored() -> None:
    sents = [_f("نادي الهلال فاز"), _f("الهلال فاز"), _f("الهلال خسر"), _f("ثم الهلال"), _f("بي قال بي")]
    labels = [["O", "B-ORG", "O"], ["B-ORG", "O"], ["B-LOC", "O"], ["O", "O"], ["B-ORG", "O", "O"]]
    out = propagate(sents, labels)
    assert out[3] == ["O", "B-ORG"]
    assert out[4] == ["B-ORG", "O", "O"]  # two letters are too short to spread


def test_does_not_cut_into_a_following_entity() -> None:
    sents = [_f("سافر علي إلى هناك"), _f("قابل علي حسن")]
    labels = [["O", "B-PERS", "O", "O"], ["O", "O", "I-PERS"]]
    assert propagate(sents, labels)[1] == ["O", "O", "I-PERS"]


tags = st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]), max_size=12)


@given(tags)
def test_bioes_round_trip_keeps_the_chunks(t: list[str]) -> None:
    e = to_bioes(t)
    assert len(e) == len(t)
    assert chunks(to_bio(e)) == chunks(t)
    assert all(x == "O" or x[:2] in ("B-", "I-", "E-", "S-") for x in e)


@given(st.lists(st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=5), max_size=4), st.data())
def test_propagate_never_raises_and_only_adds(sents: list[list[str]], data: st.DataObject) -> None:
    labels = [data.draw(st.lists(st.sampled_from(["O", "B-ORG", "I-ORG"]), min_size=len(s), max_size=len(s))) for s in sents]
    folded = [[fold(w) for w in s] for s in sents]
    out = propagate(folded, labels)
    assert [len(x) for x in out] == [len(x) for x in labels]
    for before, after in zip(labels, out, strict=True):
        assert set(chunks(before)) <= set(chunks(after))


def test_features_carry_triggers_window_and_affixes() -> None:
    assert triggers()[fold("شركة")] == "O"
    f = sent_features(["وقال", "رئيس", "شركة", "النور", "للتجارة", "أمس"])
    assert "-1tr=O" in f[3] and "-2t=1" in f[3]
    assert "tr=V" in f[0]  # reporting verb through its proclitic
    assert "p4=للتج" in f[4] and "sx4=جاره" in f[4]
    assert "-1s|s=شركه|نور" in f[3] and "+1w|+2w=للتجاره|امس" in f[3]
    assert f[0][-1] != "EOS" and "BOS" in f[0] and "EOS" in f[-1]


class FirstOnlyTagger:
    """Tags a word as an organisation only where it follows ``نادي``: the CRF's typical miss
    of the same name in a poorer context later in the article."""

    def tag(self, feats: list[list[str]]) -> list[str]:
        words = [next(f[2:] for f in fs if f.startswith("w=")) for fs in feats]
        return ["B-ORG" if i and words[i - 1] == fold("نادي") else "O" for i in range(len(words))]

    def marginal(self, label: str, i: int) -> float:
        return 0.9


def test_tag_spreads_a_name_across_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_tagger", lambda: FirstOnlyTagger())
    text = "فاز نادي الزوراء أمس.\nوقال مدرب الزوراء إن اللاعبين تعبوا، ثم احتفل جمهور والزوراء."
    got = [(m.text, m.type, m.confidence) for m in ner.tag(text, "d")]
    for m in ner.tag(text, "d"):
        assert text[m.start : m.end] == m.text
    assert [t for t, ty, _ in got if ty == "ORG"] == ["الزوراء"] * 3
    assert [c for _, _, c in got] == [0.9, 0.5, 0.5]  # repeats found by the document pass


class SilentTagger:
    """A model that finds nothing: what remains comes from gazetteers and patterns."""

    def tag(self, feats: list[list[str]]) -> list[str]:
        return ["O"] * len(feats)

    def marginal(self, label: str, i: int) -> float:
        return 0.0


def test_title_then_given_and_family_name_is_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_tagger", lambda: SilentTagger())
    text = "وصرح وزير الداخلية العراقي كامل الدليمي بأن الطرق آمنة، وقال الرئيس إن المجلس الوطني اجتمع."
    got = [(m.text, m.type, m.role) for m in ner.tag(text, "d")]
    assert ("كامل الدليمي", "PER", "وزير الداخلية العراقي") in got
    assert not any(ty == "PER" and "المجلس" in t for t, ty, _ in got)  # no family name, no person


def test_month_names_are_never_model_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_tagger", lambda: FirstOnlyTagger())
    text = "فاز نادي نيسان أمس، وفي نيسان المقبل يلعب نادي الزوراء."
    got = [(m.text, m.type) for m in ner.tag(text, "d")]
    assert ("الزوراء", "ORG") in got
    assert not any(t == "نيسان" for t, _ in got)
