"""The numpy BiLSTM-CRF forward pass: against a plain reference, against torch, and wired in."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rasd.annotators.entities import neural
from rasd.annotators.entities.neural import DISC, NeuralTagger, Vocab, vocab_arrays

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC")
WORDS = ["زار", "الوزير", "بغداد", "أمس", "وقال", "إن", "الاتفاق", "سيوقع", "في", "القاهرة"]


def _random_weights(hidden: int = 6, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    vocab = Vocab(
        {w: i + 1 for i, w in enumerate(WORDS)},
        {ch: i + 2 for i, ch in enumerate(sorted({c for w in WORDS for c in w}))},
        [{"": 2, "-": 3} for _ in DISC],
    )
    wd, cd, filt, dd = 5, 4, 3, 2
    n_in = 2 * wd + filt + dd * len(DISC)

    def r(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.5, shape).astype(np.float16)

    w = {
        "tags": np.array(TAGS, dtype=str),
        "word_emb": r(len(WORDS) + 1, wd),
        "char_emb": r(len(vocab.chars) + 2, cd),
        "conv_w": r(filt, cd, 3),
        "conv_b": r(filt),
        "w_ih_f": r(4 * hidden, n_in),
        "w_hh_f": r(4 * hidden, hidden),
        "b_f": r(4 * hidden),
        "w_ih_b": r(4 * hidden, n_in),
        "w_hh_b": r(4 * hidden, hidden),
        "b_b": r(4 * hidden),
        "out_w": r(len(TAGS), 2 * hidden),
        "out_b": r(len(TAGS)),
        "trans": r(len(TAGS), len(TAGS)),
        "start": r(len(TAGS)),
        "end": r(len(TAGS)),
    }
    for n in DISC:
        w["d_" + n] = r(6, dd)
    for k in ("word_emb", "char_emb", *("d_" + n for n in DISC)):
        w[k][0] = 0  # padding / unknown rows are zero, as torch's padding_idx keeps them
    w.update(vocab_arrays(vocab))
    return w


def _sig(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1 / (1 + np.exp(-x))
    return out


def _reference_emissions(w: dict[str, np.ndarray], tagger: NeuralTagger, sent: list[str]) -> np.ndarray:
    """Textbook LSTM (torch gate order i, f, g, o), one sentence, one direction at a time."""
    f32 = {k: v.astype(np.float32) for k, v in w.items() if v.dtype.kind == "f"}
    hs = f32["w_hh_f"].shape[1]
    xs = []
    for tok in sent:
        wid, sid, cids, dids = tagger.vocab.encode(neural.fold(tok))
        ce = np.vstack([np.zeros((1, 4)), f32["char_emb"][cids], np.zeros((1, 4))])
        conv = [[(f32["conv_w"][f] * ce[i : i + 3].T).sum() + f32["conv_b"][f] for f in range(3)] for i in range(len(cids))]
        disc = [f32["d_" + n][d] for n, d in zip(DISC, dids, strict=True)]
        xs.append(np.concatenate([f32["word_emb"][wid], f32["word_emb"][sid], np.max(conv, axis=0), *disc]))

    def run(d: str, seq: list[np.ndarray]) -> list[np.ndarray]:
        h, c, out = np.zeros(hs), np.zeros(hs), []
        for x in seq:
            g = f32["w_ih_" + d] @ x + f32["w_hh_" + d] @ h + f32["b_" + d]
            i, f, gg, o = _sig(g[:hs]), _sig(g[hs : 2 * hs]), np.tanh(g[2 * hs : 3 * hs]), _sig(g[3 * hs :])
            c = f * c + i * gg
            h = o * np.tanh(c)
            out.append(h)
        return out

    hf, hb = run("f", xs), run("b", xs[::-1])[::-1]
    out: np.ndarray = np.stack([np.concatenate([a, b]) for a, b in zip(hf, hb, strict=True)]) @ f32["out_w"].T + f32["out_b"]
    return out


def _brute_force(t: NeuralTagger, em: np.ndarray) -> list[int]:
    best, arg = -np.inf, []
    for path in itertools.product(range(len(TAGS)), repeat=len(em)):
        s = t.start[path[0]] + t.end[path[-1]] + sum(em[i, p] for i, p in enumerate(path))
        s += sum(t.trans[a, b] for a, b in itertools.pairwise(path))
        if s > best:
            best, arg = s, list(path)
    return arg


def test_batched_forward_matches_reference_lstm() -> None:
    w = _random_weights()
    t = NeuralTagger(w)
    sents = [WORDS[:4], WORDS[4:], ["بغداد"], WORDS[2:7] + ["كلمة_جديدة"]]
    em, lens = t.emissions(sents)
    assert lens.tolist() == [4, 6, 1, 6]
    for b, s in enumerate(sents):
        ref = _reference_emissions(w, t, s)
        assert np.allclose(em[b, : len(s)], ref, atol=1e-4)


def test_batched_viterbi_is_exact() -> None:
    t = NeuralTagger(_random_weights(seed=3))
    sents = [WORDS[:4], WORDS[4:9], ["القاهرة"], WORDS[1:3]]
    em, lens = t.emissions(sents)
    paths = t.viterbi(em, lens)
    for b, s in enumerate(sents):
        assert paths[b] == _brute_force(t, em[b, : len(s)])
    labels, probs = t.tag_scored(sents)
    assert [len(x) for x in labels] == [len(s) for s in sents]
    assert all(0.0 < p <= 1.0 for ps in probs for p in ps)


def test_word_cache_overflow_keeps_results(monkeypatch: pytest.MonkeyPatch) -> None:
    t = NeuralTagger(_random_weights(seed=5))
    sents = [WORDS[:5], WORDS[5:]]
    want = t.tag_scored(sents)
    fresh = NeuralTagger(_random_weights(seed=5))
    monkeypatch.setattr(neural, "CACHE_WORDS", 4)  # fewer than the words of one call
    fresh.tag_batch([WORDS[:3]])
    for got, order in ((fresh.tag_scored(sents), [0, 1]), (fresh.tag_scored(sents[::-1]), [1, 0])):
        assert got[0] == [want[0][i] for i in order]
        assert all(np.allclose(got[1][k], want[1][i], atol=1e-5) for k, i in enumerate(order))


def _batch_shapes(t: NeuralTagger, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Record (sentences, longest sentence) of every batch the recurrence runs on."""
    shapes: list[tuple[int, int]] = []
    run = t.emissions

    def spy(sents: Any) -> Any:
        shapes.append((len(sents), max((len(s) for s in sents), default=0)))
        return run(sents)

    monkeypatch.setattr(t, "emissions", spy)
    return shapes


def test_long_texts_run_in_bounded_windows_with_the_same_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big page is tagged in batches of bounded padded size (the recurrence's memory is
    sentences x longest sentence), and each sentence gets the labels it gets alone."""
    t = NeuralTagger(_random_weights(seed=7))
    rng = np.random.default_rng(11)
    sents = [[WORDS[int(i)] for i in rng.integers(0, len(WORDS), int(n))] for n in rng.integers(1, 30, 120)]
    whole = t.tag_scored(sents)  # 120 sentences, longest 29: one window at the shipped size
    shapes = _batch_shapes(t, monkeypatch)
    monkeypatch.setattr(neural, "WINDOW_CELLS", 64, raising=False)
    labels, probs = t.tag_scored(sents)
    assert len(shapes) > 1 and all(n * longest <= 64 for n, longest in shapes)
    assert sum(n for n, _ in shapes) == len(sents)
    assert labels == whole[0]
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(probs, whole[1], strict=True))


def test_ordinary_article_is_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows change nothing for a normal article: all its sentences go in one call."""
    t = NeuralTagger(_random_weights(seed=8))
    shapes = _batch_shapes(t, monkeypatch)
    t.tag_scored([WORDS[:5], WORDS[5:], WORDS] * 40)
    assert shapes == [(120, len(WORDS))]


def test_a_sentence_without_end_is_tagged_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page with no full stop is one "sentence": it is tagged in pieces of bounded
    length, and the labels still cover every token, in order."""
    t = NeuralTagger(_random_weights(seed=9))
    long = WORDS * 50  # 500 tokens
    monkeypatch.setattr(neural, "MAX_SENTENCE", 64, raising=False)
    shapes = _batch_shapes(t, monkeypatch)
    labels, probs = t.tag_scored([WORDS[:3], long])
    assert max(longest for _, longest in shapes) <= 64
    assert [len(x) for x in labels] == [3, 500] and [len(x) for x in probs] == [3, 500]
    piece = t.tag_scored([long[64:128]])[0][0]
    assert labels[1][64:128] == piece  # the second piece, tagged on its own


def test_windows_cover_every_item_once() -> None:
    lens = [5, 1, 9, 9, 0, 3, 40, 2]
    got = neural.windows(lens, cells=12)
    assert sorted(i for w in got for i in w) == list(range(len(lens)))
    assert all(w == sorted(w) for w in got)
    assert all(len(w) * max(max(lens[i] for i in w), 1) <= 12 or len(w) == 1 for w in got)
    assert [6] in got  # longer than a window: alone


def test_numpy_forward_reproduces_torch() -> None:
    torch = pytest.importorskip("torch")
    gensim = pytest.importorskip("gensim")
    from rasd.annotators.entities import train_neural as tn

    data = [(WORDS[:4], ["O", "O", "B-LOC", "O"]), (WORDS[4:], ["O", "O", "O", "O", "O", "B-LOC"])]
    kv = gensim.models.KeyedVectors(8)
    kv.add_vectors([neural.fold(x) for x in WORDS], np.random.default_rng(1).normal(size=(len(WORDS), 8)).astype(np.float32))
    torch.manual_seed(0)
    vocab, emb = tn.build_vocab(data, kv, 100)
    net = tn._net(vocab, emb, 7, 5, 4, 0.5)
    with torch.no_grad():  # the export is float16: compare on float16-representable weights
        for p in net.parameters():
            p.copy_(torch.randn_like(p).half().float())
        for e in (net.word, net.char, *net.disc):  # padding rows stay zero, as in training
            e.weight[0] = 0
        net.lstm.bias_hh_l0.zero_()  # the export sums the two biases
        net.lstm.bias_hh_l0_reverse.zero_()
    net.eval()
    w, s, c, d, lens, tags, mask = tn.tensors(vocab, data)
    with torch.no_grad():
        ref = net.emissions(w, s, c, d, lens).numpy()
        loss = float(net.nll(net.emissions(w, s, c, d, lens), tags, mask))
    t = NeuralTagger(tn.export(net, vocab))
    em, ln = t.emissions([x for x, _ in data])
    for b, (x, _) in enumerate(data):
        assert np.allclose(em[b, : len(x)], ref[b, : len(x)], atol=2e-3)
    assert loss > 0  # a negative log-likelihood of a proper distribution


def test_shipped_model_tags_people_and_places() -> None:
    t = neural.tagger()
    if t is None:
        pytest.skip("no neural model shipped")
    words = "وقال رئيس الوزراء العراقي محمد شياع السوداني في بغداد إن الحكومة ستواصل عملها".split()
    import rasd.annotators.entities as ner

    assert ner._tagger() is t  # tag() uses the shipped neural model
    labels = t.tag_batch([words])[0]
    assert labels[words.index("بغداد")] == "B-LOC"
    assert labels[words.index("محمد")] == "B-PERS"
    assert labels[words.index("وقال")] == "O"


def test_tag_falls_back_to_crf_without_neural_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.annotators.entities as ner
    from rasd.annotators.entities import tag

    text = "وصل وزير الخارجية محمد علي إلى بغداد صباح اليوم."
    monkeypatch.setattr(neural, "tagger", lambda: None)
    assert ner._tagger() is ner._crf_tagger()
    assert not isinstance(ner._tagger(), NeuralTagger)
    crf = tag(text)
    assert any(m.text == "بغداد" for m in crf)
    assert all(text[m.start : m.end] == m.text for m in crf)


def _tiny_training_set(tmp_path: Path, gensim: Any) -> tuple[Path, Path]:
    """A 20-sentence CoNLL file and random 6-d word vectors for it, written under ``tmp_path``."""
    lines = []
    for i in range(20):
        city = WORDS[2] if i % 2 else WORDS[9]
        lines += [f"{WORDS[0]} O", f"{WORDS[1]} O", f"{city} B-LOC", f"{WORDS[3 + i % 4]} O", ""]
    conll = tmp_path / "train.conll"
    conll.write_text("\n".join(lines), encoding="utf-8")
    kv = gensim.models.KeyedVectors(6)
    kv.add_vectors([neural.fold(x) for x in WORDS], np.random.default_rng(2).normal(size=(len(WORDS), 6)).astype(np.float32))
    vec = tmp_path / "w2v.kv"
    kv.save(str(vec))
    return conll, vec


def test_training_is_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    gensim = pytest.importorskip("gensim")
    from rasd.annotators.entities import train_neural as tn

    conll, vec = _tiny_training_set(tmp_path, gensim)
    runs = []
    for k in range(2):
        out = tmp_path / f"m{k}.npz"
        res = tn.train_neural(conll, None, vec, out, epochs=3, hidden=8, max_words=50, average_from=2, log=False)
        assert out.exists() and 1 <= int(res["best_epoch"]) <= 3  # type: ignore[call-overload]
        with np.load(out) as z:
            runs.append({name: z[name] for name in z.files})
    assert runs[0].keys() == runs[1].keys()
    assert all(np.array_equal(runs[0][name], runs[1][name]) for name in runs[0])
    labels = neural.load(tmp_path / "m0.npz").tag_batch([[WORDS[0], WORDS[1], WORDS[2]]])
    assert len(labels[0]) == 3 and all(x in TAGS or x in ("B-ORG", "I-ORG", "B-MISC", "I-MISC", "I-LOC") for x in labels[0])


def test_refit_on_all_of_train_is_reproducible(tmp_path: Path) -> None:
    """``refit_epochs``: all of train, exactly N epochs, no dev; same file twice."""
    pytest.importorskip("torch")
    gensim = pytest.importorskip("gensim")
    from rasd.annotators.entities import train_neural as tn

    conll, vec = _tiny_training_set(tmp_path, gensim)
    runs = []
    for k, avg in enumerate((2, 2, None)):
        out = tmp_path / f"r{k}.npz"
        res = tn.train_neural(conll, None, vec, out, hidden=8, max_words=50, average_from=avg, log=False, refit_epochs=3)
        assert res["best_dev_f1"] is None and res["best_epoch"] == 3 and res["dev_history"] == []
        with np.load(out) as z:
            runs.append({name: z[name] for name in z.files})
    assert all(np.array_equal(runs[0][name], runs[1][name]) for name in runs[0])
    # the average of epochs 2 and 3 is not the epoch-3 weights
    assert any(not np.array_equal(runs[0][name], runs[2][name]) for name in runs[0])
    labels = neural.load(tmp_path / "r0.npz").tag_batch([[WORDS[0], WORDS[1], WORDS[2]]])
    assert len(labels[0]) == 3
