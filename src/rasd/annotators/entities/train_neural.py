"""Reproducible training of the BiLSTM-CRF entity tagger (``rasd train ner --arch bilstm``).

Needs the ``[train]`` extra (torch, gensim); tagging does not (``neural.py`` is numpy).
Steps: word2vec (skip-gram) on SaudiNewsNet folded text, or a saved vector file; vocab
and embedding matrix (most frequent words plus those of ANERcorp train); BiLSTM-CRF
training on ANERcorp train minus its last 10% (dev), one thread, fixed seeds; after each
epoch the weights are exported and scored on dev *with the numpy tagger*, so what is
selected is exactly what ships. Early stopping on dev F1; the test file is never read.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from rasd.annotators.entities import features as ft
from rasd.annotators.entities.neural import (
    DISC,
    MAX_CHARS,
    NEURAL_PATH,
    NeuralTagger,
    Vocab,
    disc_keys,
    vocab_arrays,
)
from rasd.annotators.entities.train import Sentence, dev_split, news_contents, read_conll, score
from rasd.text.normalize import fold

SEED = 13
TAGS = ("O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
DISC_DIM = 10


def corpus_sentences(news_dir: Path) -> list[list[str]]:
    """Folded token lists, one per line of each SaudiNewsNet article (words and punctuation)."""
    tok = re.compile(r"\w+|[^\w\s]")
    out: list[list[str]] = []
    for text in news_contents(news_dir):
        for line in text.split("\n"):
            t = tok.findall(fold(line))
            if t:
                out.append(t)
    return out


def word_vectors(news_dir: Path, dim: int = 100, epochs: int = 3) -> Any:
    """Skip-gram word2vec on SaudiNewsNet, one worker and a fixed seed (deterministic
    given PYTHONHASHSEED=0, which ``rasd train ner`` documents)."""
    from gensim.models import Word2Vec

    sents = corpus_sentences(news_dir)
    m = Word2Vec(sents, vector_size=dim, window=5, min_count=3, sg=1, negative=5, workers=1, seed=SEED, epochs=epochs)
    return m.wv


def build_vocab(data: list[Sentence], kv: Any, max_words: int) -> tuple[Vocab, np.ndarray]:
    """Vocabularies and the word embedding matrix (row 0, unknown, is zero)."""
    train_words = {fold(w) for ws, _ in data for w in ws}
    train_words |= {ft.stem(w) for w in list(train_words)}
    keep = list(kv.index_to_key[:max_words])
    seen = set(keep)
    keep += sorted(w for w in train_words if w in kv.key_to_index and w not in seen)
    words = {w: i + 1 for i, w in enumerate(keep)}
    emb = np.zeros((len(keep) + 1, kv.vector_size), np.float32)
    for w, i in words.items():
        emb[i] = kv[w]
    emb /= max(float(np.abs(emb).max()), 1e-6)
    chars: dict[str, int] = {}
    for w in sorted(train_words):
        for ch in w[:MAX_CHARS]:
            chars.setdefault(ch, len(chars) + 2)
    values: list[set[str]] = [set() for _ in DISC]
    for w in train_words:
        for s, k in zip(values, disc_keys(w), strict=True):
            s.add(k)
    # every value the resources can produce, not only those seen in train
    for row in ft.clusters().values():
        values[2].add(row[0])
        values[3].add(row[len(row) // 2])
        values[4].add(row[-1])
    for g in set(ft.gaz_tokens().values()):
        values[0].add(g)
        values[1].add(g)
    values[7] |= set(ft.triggers().values())
    disc = [{k: i + 2 for i, k in enumerate(sorted(v))} for v in values]
    return Vocab(words, chars, disc), emb


def _net(vocab: Vocab, emb: np.ndarray, hidden: int, char_dim: int, filters: int, dropout: float) -> Any:
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.tensor(emb), freeze=True, padding_idx=0)
            self.char = nn.Embedding(max(vocab.chars.values(), default=1) + 1, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, filters, 3, padding=1)
            self.disc = nn.ModuleList(nn.Embedding(max(m.values(), default=1) + 1, DISC_DIM, padding_idx=0) for m in vocab.disc)
            n_in = 2 * emb.shape[1] + filters + DISC_DIM * len(DISC)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(n_in, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def emissions(self, w: Any, s: Any, c: Any, d: Any, lens: Any) -> Any:
            b, n, k = c.shape
            ce = self.char(c.view(b * n, k)).transpose(1, 2)
            conv = self.conv(ce)
            conv = conv.masked_fill((c.view(b * n, k) == 0).unsqueeze(1), float("-inf"))
            chars = conv.max(dim=2).values.view(b, n, -1)
            chars = torch.where(torch.isinf(chars), torch.zeros_like(chars), chars)
            x = torch.cat([self.word(w), self.word(s), chars, *(e(d[:, :, i]) for i, e in enumerate(self.disc))], dim=2)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=n)
            return self.out(self.drop(h))

        def nll(self, em: Any, tags: Any, mask: Any) -> Any:
            b, n, t = em.shape
            ar = torch.arange(b)
            gold = self.start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
            alpha = self.start + em[:, 0]
            for i in range(1, n):
                m = mask[:, i]
                gold = gold + m * (self.trans[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]])
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, i]
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            last = tags[ar, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            z = torch.logsumexp(alpha + self.end, dim=1)
            return (z - gold).sum()

    return Net()


def export(net: Any, vocab: Vocab) -> dict[str, np.ndarray]:
    """All weights as float16 arrays (vocabularies as unicode arrays) for ``neural.py``."""

    def a(t: Any) -> np.ndarray:
        return np.asarray(t.detach().cpu().numpy(), dtype=np.float16)

    lstm = net.lstm
    out = {
        "tags": np.array(TAGS, dtype=str),
        "word_emb": a(net.word.weight),
        "char_emb": a(net.char.weight),
        "conv_w": a(net.conv.weight),
        "conv_b": a(net.conv.bias),
        "w_ih_f": a(lstm.weight_ih_l0),
        "w_hh_f": a(lstm.weight_hh_l0),
        "b_f": a(lstm.bias_ih_l0 + lstm.bias_hh_l0),
        "w_ih_b": a(lstm.weight_ih_l0_reverse),
        "w_hh_b": a(lstm.weight_hh_l0_reverse),
        "b_b": a(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
        "out_w": a(net.out.weight),
        "out_b": a(net.out.bias),
        "trans": a(net.trans),
        "start": a(net.start),
        "end": a(net.end),
    }
    for n, e in zip(DISC, net.disc, strict=True):
        out["d_" + n] = a(e.weight)
    out.update(vocab_arrays(vocab))
    return out


def tensors(vocab: Vocab, batch: list[Sentence]) -> tuple[Any, ...]:
    """Padded id tensors of a batch: words, stems, chars, discrete, lengths, tags, mask."""
    import torch

    n = max(len(w) for w, _ in batch)
    k = max(min(len(fold(x)), MAX_CHARS) for w, _ in batch for x in w) or 1
    b = len(batch)
    wi = torch.zeros(b, n, dtype=torch.long)
    si = torch.zeros(b, n, dtype=torch.long)
    ci = torch.zeros(b, n, k, dtype=torch.long)
    di = torch.zeros(b, n, len(DISC), dtype=torch.long)
    ti = torch.zeros(b, n, dtype=torch.long)
    mask = torch.zeros(b, n)
    for r, (words, tags) in enumerate(batch):
        for j, (x, tg) in enumerate(zip(words, tags, strict=True)):
            w, s, cs, ds = vocab.encode(fold(x))
            wi[r, j], si[r, j] = w, s
            ci[r, j, : len(cs)] = torch.tensor(cs)
            di[r, j] = torch.tensor(ds)
            ti[r, j] = TAGS.index(tg) if tg in TAGS else 0
            mask[r, j] = 1
    lens = torch.tensor([len(w) for w, _ in batch])
    return wi, si, ci, di, lens, ti, mask


def train_neural(
    train_file: Path,
    news_dir: Path | None = None,
    vectors: Path | None = None,
    out: Path = NEURAL_PATH,
    epochs: int = 25,
    patience: int = 4,
    hidden: int = 128,
    max_words: int = 60000,
    batch_size: int = 32,
    lr: float = 2e-3,
    average_from: int | None = None,
    log: bool = True,
    refit_epochs: int | None = None,
    silver: Path | None = None,
    silver_tokens: int | None = None,
) -> dict[str, object]:
    """Train, early-stop on dev F1 (numpy tagger), write the best epoch's weights to ``out``.

    With ``average_from``, from that epoch on the weights are also averaged over epochs
    (stochastic weight averaging) and the average competes on dev like an epoch does.

    With ``refit_epochs`` N (the best epoch of a dev run), there is no dev: the model is
    trained on *all* of train for exactly N epochs and the weights after epoch N are
    written — their running average from ``average_from`` on when that is set, as the dev
    run selects it. Nothing is scored (``best_dev_f1`` is then None).

    With ``silver`` (a CoNLL file the teacher labelled, ``teacher_train.label_silver``), its
    sentences — the first ``silver_tokens`` tokens' worth when that is set — join the training
    part only; dev stays the gold last 10% of train.
    """
    import copy

    import torch

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if vectors is not None and vectors.exists():
        from gensim.models import KeyedVectors

        kv = KeyedVectors.load(str(vectors))
    else:
        if news_dir is None:
            raise ValueError("need SaudiNewsNet (news_dir) or saved word vectors")
        kv = word_vectors(news_dir)
        if vectors is not None:
            kv.save(str(vectors))
    data = read_conll(train_file)
    tr, dev = dev_split(data)
    if refit_epochs is not None:
        tr, dev, epochs = data, [], refit_epochs
    if silver is not None:
        tr = tr + silver_sentences(silver, silver_tokens)
    vocab, emb = build_vocab(tr, kv, max_words)
    net = _net(vocab, emb, hidden, 30, 50, 0.5)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    order = sorted(range(len(tr)), key=lambda i: (len(tr[i][0]), i))
    batches = [[tr[i] for i in order[a : a + batch_size]] for a in range(0, len(order), batch_size)]
    cached = [tensors(vocab, b) for b in batches]
    best, best_ep, history = -1.0, 0, []
    avg: dict[str, Any] = {}
    for ep in range(1, epochs + 1):
        t0 = time.perf_counter()
        net.train()
        random.shuffle(cached)
        total = 0.0
        for w, s, c, d, lens, tags, mask in cached:
            opt.zero_grad()
            loss = net.nll(net.emissions(w, s, c, d, lens), tags, mask)
            (loss / len(lens)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        net.eval()
        if refit_epochs is not None:
            _refit_step(net, vocab, ep, average_from, avg, out, log, time.perf_counter() - t0, total)
            continue
        weights = export(net, vocab)
        pred = NeuralTagger(weights).tag_batch([w for w, _ in dev])
        f1 = score([t for _, t in dev], pred).overall[2]
        if average_from is not None and ep >= average_from:
            k = ep - average_from
            state = {n: v.detach().clone().float() for n, v in net.state_dict().items()}
            avg = state if k == 0 else {n: (avg[n] * k + state[n]) / (k + 1) for n in state}
            twin = copy.deepcopy(net)
            twin.load_state_dict(avg)
            w_avg = export(twin, vocab)
            f1_avg = score([t for _, t in dev], NeuralTagger(w_avg).tag_batch([w for w, _ in dev])).overall[2]
            if log:
                print(f"epoch {ep}: averaged weights dev F1 {f1_avg:.4f}", flush=True)
            if f1_avg > f1:
                f1, weights = f1_avg, w_avg
        history.append(round(f1, 4))
        if log:
            print(f"epoch {ep}: loss {total:.0f}, dev F1 {f1:.4f} ({time.perf_counter() - t0:.0f}s)", flush=True)
        if f1 > best:
            best, best_ep = f1, ep
            out.parent.mkdir(parents=True, exist_ok=True)
            np.savez_compressed(out, **weights)  # type: ignore[arg-type]
        elif ep - best_ep >= patience:
            break
    if refit_epochs is not None:
        return {"best_dev_f1": None, "best_epoch": refit_epochs, "dev_history": [], "model": str(out)}
    if log:
        print(f"best dev F1 {best:.4f} at epoch {best_ep}; model written to {out}")
    return {"best_dev_f1": best, "best_epoch": best_ep, "dev_history": history, "model": str(out)}


def silver_sentences(path: Path, max_tokens: int | None = None) -> list[Sentence]:
    """The first sentences of a silver CoNLL file, up to ``max_tokens`` tokens (all if None)."""
    out: list[Sentence] = []
    n = 0
    for words, tags in read_conll(path):
        if max_tokens is not None and n + len(words) > max_tokens:
            break
        out.append((words, tags))
        n += len(words)
    return out


def _refit_step(
    net: Any, vocab: Vocab, ep: int, average_from: int | None, avg: dict[str, Any], out: Path, log: bool, secs: float, loss: float
) -> None:
    """After refit epoch ``ep``: update the running weight average in place; the caller's
    last epoch is the one written to ``out`` (every epoch overwrites it, so the file on
    disk after N epochs is exactly the epoch-N weights or their average)."""
    import copy

    weights = None
    if average_from is not None and ep >= average_from:
        k = ep - average_from
        state = {n: v.detach().clone().float() for n, v in net.state_dict().items()}
        new = state if k == 0 else {n: (avg[n] * k + state[n]) / (k + 1) for n in state}
        avg.clear()
        avg.update(new)
        twin = copy.deepcopy(net)
        twin.load_state_dict(avg)
        weights = export(twin, vocab)
    if weights is None:
        weights = export(net, vocab)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **weights)  # type: ignore[arg-type]
    if log:
        print(f"refit epoch {ep}: loss {loss:.0f} ({secs:.0f}s); weights written to {out}", flush=True)


def main(argv: list[str] | None = None) -> None:
    """``python -m rasd.annotators.entities.train_neural``: the same training as
    ``rasd train ner --arch bilstm``, plus ``--refit-epochs``."""
    import argparse

    shared = Path("..") / "shared"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--train", type=Path, default=shared / "data/anercorp/train.conll")
    ap.add_argument("--news", type=Path, default=shared / "data/saudinewsnet")
    ap.add_argument("--vectors", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=NEURAL_PATH)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--average-from", type=int, default=12)
    ap.add_argument("--refit-epochs", type=int, default=None, help="train on all of train for N epochs, no dev")
    ap.add_argument("--silver", type=Path, default=None, help="teacher-labelled CoNLL added to the training part")
    ap.add_argument("--silver-tokens", type=int, default=None, help="use only the first N silver tokens")
    a = ap.parse_args(argv)
    res = train_neural(
        a.train, a.news, a.vectors, a.out, epochs=a.epochs, patience=a.patience,
        average_from=a.average_from, refit_epochs=a.refit_epochs, silver=a.silver, silver_tokens=a.silver_tokens,
    )  # fmt: skip
    print(res)


if __name__ == "__main__":
    main()
