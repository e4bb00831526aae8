"""Training helpers: conlleval scoring, derived gazetteer, reproducible tiny training."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.annotators.entities import train as tr


def test_chunks_follow_conlleval() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"]
    assert tr.entities_of(tags) == {(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PERS")}


def test_score_exact_span_per_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    s = tr.score(gold, pred)
    assert s.per_type["LOC"][2] == 1.0
    assert s.per_type["PERS"][:3] == (0.0, 0.0, 0.0)
    p, r, f, n = s.overall
    assert (round(p, 4), round(r, 4), n) == (round(2 / 3, 4), round(2 / 3, 4), 3)


def test_derived_gazetteer_keeps_names_and_classes_only(tmp_path: Path) -> None:
    src = tmp_path / "names.txt"
    src.write_text("PERSON Salim سليم\nLOCATION Basra البصرة\nORGANIZATION Nujaba النجباء\nPERSON Basra البصرة\n", encoding="utf-8")
    out = tmp_path / "tokens.tsv"
    tr.build_gazetteer(src, out)
    rows = dict(line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert "P" in rows["سليم"] and "L" not in rows["سليم"]
    assert set(rows["البصره"]) >= {"L", "P"}
    assert "Salim" not in out.read_text(encoding="utf-8")
    first = out.read_bytes()
    tr.build_gazetteer(src, out)
    assert out.read_bytes() == first


def test_tiny_training_is_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    conll = tmp_path / "tiny.conll"
    sents = [
        ("زار سليم الكرخي بغداد أمس", "O B-PERS I-PERS B-LOC O"),
        ("وصل سليم إلى البصرة صباحا", "O B-PERS O B-LOC O"),
        ("قال الكرخي إن بغداد هادئة", "O B-PERS O B-LOC O"),
    ] * 4
    conll.write_text(
        "\n\n".join("\n".join(f"{w} {t}" for w, t in zip(s.split(), tags.split(), strict=True)) for s, tags in sents) + "\n",
        encoding="utf-8",
    )
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    tr.train(conll, None, a, iterations=30, grid=((0.01, 0.01),), log=False)
    tr.train(conll, None, b, iterations=30, grid=((0.01, 0.01),), log=False)
    assert a.read_bytes() == b.read_bytes()
    pred = tr.predict(a, [["زار", "سليم", "الكرخي", "بغداد", "أمس"]])
    assert pred[0][1] == "B-PERS" and pred[0][3] == "B-LOC"


def test_predict_docs_keeps_sentence_tags_and_window(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    conll = tmp_path / "tiny.conll"
    sents = [("زار سليم بغداد", "O B-PERS B-LOC"), ("وصل سليم إلى الموصل", "O B-PERS O B-LOC")] * 5
    conll.write_text(
        "\n\n".join("\n".join(f"{w} {t}" for w, t in zip(s.split(), tags.split(), strict=True)) for s, tags in sents) + "\n",
        encoding="utf-8",
    )
    model = tmp_path / "m.crfsuite"
    tr.train(conll, None, model, iterations=30, grid=((0.01, 0.01),), log=False)
    docs = [["وصل", "سليم", "إلى", "كركوك"], ["كركوك", "كتب", "عنه"]]
    plain = tr.predict(model, docs)
    assert plain[0][3] == "B-LOC" and plain[1][0] == "O"  # rich context found it, the bare repeat not
    spread = tr.predict_docs(model, docs, window=2)
    assert spread[1][0] == "B-LOC" and spread[0] == plain[0]
    assert all(tr.entities_of(p) <= tr.entities_of(q) for p, q in zip(plain, spread, strict=True))
    assert tr.predict_docs(model, docs, window=1) == plain  # never across pseudo-documents
