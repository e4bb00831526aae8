"""BiLSTM-CRF entity tagger: numpy inference over weights exported from torch training.

Tagging must not need torch, so ``train_neural.py`` writes every weight to
``model/ner_bilstm.npz`` (float16) and this module re-implements the forward pass: word
and stem embeddings (word2vec pretrained on SaudiNewsNet, frozen), a character CNN, small
embeddings of the discrete signals the CRF uses (gazetteer classes, word clusters,
proclitic chain, title/trigger flags, shape), one BiLSTM layer and a linear-chain CRF
decoded with Viterbi.

Speed: everything before the LSTM depends on the word alone, so the LSTM input
projection of both directions is computed once per distinct folded word and cached
(news vocabulary is Zipfian); the recurrence runs over many sentences at once.

Memory: the recurrence's arrays grow with (sentences x longest sentence) of a batch, which
reached 4 GB on a 2 MB page. ``tag_scored`` therefore runs in windows: sentences, longest
first, are grouped so that a window's padded size stays under ``WINDOW_CELLS`` tokens
(every ordinary article fits in one window, so its labels are those of one batch), and a
sentence longer than ``MAX_SENTENCE`` tokens (a page without stops) is tagged in pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from rasd.annotators.entities import features as ft
from rasd.text.normalize import fold as fold  # tagging folds words so (the tests read it here)

NEURAL_PATH = Path(__file__).parent / "model" / "ner_bilstm.npz"
MAX_CHARS = 20  # characters of a word seen by the char CNN (longer words are cut)
DISC = ("g", "gs", "c0", "c1", "c2", "pc", "t", "tr", "sh", "al")
CACHE_WORDS = 1 << 16
PROJ_ROWS = 64  # words per projection product, padded: one shape for every word
WINDOW_CELLS = 1 << 15  # sentences x longest sentence per batch: about 5 KB each at peak
MAX_SENTENCE = 1024  # tokens; real sentences stay under 600


def disc_keys(w: str) -> tuple[str, ...]:
    """The discrete signals of one folded word, in ``DISC`` order (``features.signals``,
    the CRF's, encoded as the shipped weights expect: ``=`` for a stem that is the word)."""
    sg = ft.signals(w)
    s, c = sg.stem, sg.clusters
    nisba = s.startswith(ft.ART) and s.endswith(ft.NISBA) and len(s) >= 5
    return (
        sg.gaz,
        "=" if sg.gaz_stem is None else sg.gaz_stem,
        c[0],
        c[len(c) // 2],
        c[-1],
        w[: len(w) - len(s)],  # ``ft.clitic(w)``: the stem is what the chain leaves
        "1" if sg.title else "0",
        sg.trigger,
        sg.shape,
        ("n" if nisba else "a") if s.startswith(ft.ART) else "-",
    )


@dataclass
class Vocab:
    """String -> id maps; id 0 is padding/unknown everywhere."""

    words: dict[str, int]
    chars: dict[str, int]
    disc: list[dict[str, int]]

    def encode(self, w: str) -> tuple[int, int, list[int], list[int]]:
        """(word id, stem id, char ids, discrete ids) of a folded word."""
        s = ft.stem(w)
        wid = self.words.get(w, 0)
        sid = self.words.get(s, 0)
        cids = [self.chars.get(ch, 1) for ch in w[:MAX_CHARS]] or [1]
        dids = [m.get(k, 1) for m, k in zip(self.disc, disc_keys(w), strict=True)]
        return wid, sid, cids, dids


def vocab_arrays(v: Vocab) -> dict[str, np.ndarray]:
    """The vocabularies as unicode arrays (ordered by id) so the npz loads without pickle."""

    def arr(m: dict[str, int]) -> np.ndarray:
        out = [""] * (max(m.values(), default=0) + 1)
        for k, i in m.items():
            out[i] = k
        return np.array(out, dtype=str)

    d = {"v_words": arr(v.words), "v_chars": arr(v.chars)}
    for name, m in zip(DISC, v.disc, strict=True):
        d["v_d_" + name] = arr(m)
    return d


def vocab_from(z: dict[str, np.ndarray]) -> Vocab:
    """Inverse of :func:`vocab_arrays` (words: 0 unknown; chars and discrete: 0 pad, 1 unknown)."""
    words = {str(k): i for i, k in enumerate(z["v_words"].tolist()) if i > 0}
    chars = {str(k): i for i, k in enumerate(z["v_chars"].tolist()) if i > 1}
    disc = [{str(k): i for i, k in enumerate(z["v_d_" + n].tolist()) if i > 1} for n in DISC]
    return Vocab(words, chars, disc)


class NeuralTagger:
    """Forward pass of the exported BiLSTM-CRF; ``tag_batch`` returns BIO labels."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        f = np.float32
        w = {k: (v.astype(f) if v.dtype.kind == "f" else v) for k, v in weights.items()}
        self.vocab = vocab_from(w)
        self.tags: list[str] = [str(t) for t in w["tags"].tolist()]
        self.word_emb = w["word_emb"]
        self.word_emb[0] = 0.0  # unknown word (torch keeps the padding row at zero too)
        self.char_emb = w["char_emb"]
        self.char_emb[0] = 0.0
        self.conv_w = w["conv_w"]  # (filters, char_dim, width)
        self.conv_b = w["conv_b"]
        self.disc_emb = [w["d_" + n] for n in DISC]
        for e in self.disc_emb:
            e[0] = 0.0
        # gate columns regrouped from torch's (i, f, g, o) to (i, f, o, g) and the sigmoid
        # ones pre-scaled by 1/2, so one tanh serves all gates: sigmoid(x) = (tanh(x/2) + 1) / 2
        hs = w["w_hh_f"].shape[1]
        self.hidden = hs
        scale = np.concatenate([np.full(3 * hs, 0.5, f), np.ones(hs, f)])

        def regroup(m: np.ndarray) -> np.ndarray:
            i, fg, g, o = (m[..., k * hs : (k + 1) * hs] for k in range(4))
            out: np.ndarray = (np.concatenate([i, fg, o, g], axis=-1) * scale).astype(f)
            return out

        self.w_ih = np.concatenate([regroup(w["w_ih_f"].T), regroup(w["w_ih_b"].T)], axis=1)  # (in, 8H)
        self.b_ih = np.concatenate([regroup(w["b_f"]), regroup(w["b_b"])])
        self.w_hh = np.stack([regroup(w["w_hh_f"].T), regroup(w["w_hh_b"].T)])  # (2, H, 4H)
        self.out_w = w["out_w"].T.copy()
        self.out_b = w["out_b"]
        self.trans = w["trans"]
        self.start = w["start"]
        self.end = w["end"]
        width = self.conv_w.shape[2]
        self._pad = width // 2
        # conv as one matmul over stacked windows: (width*char_dim, filters)
        self._conv = self.conv_w.transpose(2, 1, 0).reshape(width * self.conv_w.shape[1], -1)
        # projections of the words seen so far: row ``_rows[w]`` of ``_store`` (grown on demand)
        self._rows: dict[str, int] = {}
        self._store = np.empty((0, self.w_ih.shape[1]), f)

    def project(self, words: Sequence[str]) -> np.ndarray:
        """LSTM input projections [forward 4H | backward 4H] (biases included) of folded words.

        Everything before the LSTM depends on the word alone: computed once per word, in
        batches of a fixed shape (``PROJ_ROWS`` words of ``MAX_CHARS`` characters, padded),
        because a matrix product's rounding depends on its shape: a word's projection, and
        so a document's labels and confidences, must not depend on which other words were
        new in the same call (that varied with what a worker had read before)."""
        parts = [self._project_rows(words[s : s + PROJ_ROWS]) for s in range(0, len(words), PROJ_ROWS)]
        if not parts:
            return np.empty((0, self.w_ih.shape[1]), np.float32)
        return np.concatenate(parts)

    def _project_rows(self, words: Sequence[str]) -> np.ndarray:
        """``project`` of at most ``PROJ_ROWS`` words, computed as exactly ``PROJ_ROWS``."""
        enc = [self.vocab.encode(w) for w in words]
        enc += [(0, 0, [1], [0] * len(DISC))] * (PROJ_ROWS - len(enc))  # padding rows, cut off below
        n, width, cd = len(enc), self.conv_w.shape[2], self.char_emb.shape[1]
        k = MAX_CHARS
        cids = np.zeros((n, k + width - 1), np.int64)
        for r, e in enumerate(enc):
            cids[r, self._pad : self._pad + len(e[2])] = e[2]
        ce = self.char_emb[cids]  # (n, k + width - 1, cd); row 0 is zero, so pads are zeros
        windows = np.stack([ce[:, i : i + k] for i in range(width)], axis=2).reshape(n, k, width * cd)
        conv = windows @ self._conv + self.conv_b
        lens = np.array([len(e[2]) for e in enc])
        conv[np.arange(k)[None, :] >= lens[:, None]] = -np.inf
        chars = conv.max(axis=1)
        ids = np.array([[e[0], e[1], *e[3]] for e in enc], dtype=np.int64).reshape(n, 2 + len(DISC))
        x = np.concatenate(
            [self.word_emb[ids[:, 0]], self.word_emb[ids[:, 1]], chars, *(m[ids[:, 2 + j]] for j, m in enumerate(self.disc_emb))],
            axis=1,
        )
        out: np.ndarray = x @ self.w_ih + self.b_ih
        return out[: len(words)]

    def _proj_rows(self, folded: list[str]) -> np.ndarray:
        """Rows of ``_store`` holding the projections of ``folded`` words, the words not seen
        before computed in one batch; when the memory is full it is emptied and all of
        them are computed."""
        rows = self._rows
        missing = sorted({w for w in folded if w not in rows})
        if missing:
            if len(rows) + len(missing) > CACHE_WORDS:
                rows.clear()  # bounded memory; this call's words are all recomputed
                missing = sorted(set(folded))
            start, need = len(rows), len(rows) + len(missing)
            if need > len(self._store):  # once (a call with more words than the memory holds: again)
                grown = np.empty((max(need, CACHE_WORDS), self._store.shape[1]), np.float32)
                grown[:start] = self._store[:start]
                self._store = grown
            self._store[start:need] = self.project(missing)
            rows.update(zip(missing, range(start, need), strict=True))
        return np.array([rows[w] for w in folded], np.int64)

    def emissions(self, sents: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(sentences, max length, tags) scores of a batch of sentences of original token
        strings, and their lengths.

        Sentences are ordered longest first, so at step ``t`` the live ones are a prefix of
        the batch and padding costs nothing; both directions advance in one batched matmul
        (the backward one reads each sentence from its own last token). Every product and
        sum is the one of a plain step-by-step loop (same shapes, same order), so labels and
        confidences do not depend on how the loop is arranged.
        """
        n = len(sents)
        lens = np.array([len(s) for s in sents], dtype=np.int64)
        length = int(lens.max()) if n else 0
        hs = self.hidden
        em = np.zeros((n, length, len(self.tags)), np.float32)
        if length == 0:
            return em, lens
        order = sorted(range(n), key=lambda b: -lens[b])
        fw = ft.fold_word
        folded = [fw(t) for b in order for t in sents[b]]
        ids = self._proj_rows(folded)
        store = self._store
        slens = lens[order]
        starts = np.concatenate([[0], np.cumsum(slens)[:-1]])
        # token (r, t) of the sorted batch: its projection read forwards and backwards
        rr = np.repeat(np.arange(n), slens)
        tt = np.arange(len(folded)) - np.repeat(starts, slens)
        x = np.empty((length, 2, n, 4 * hs), np.float32)
        x[tt, 0, rr] = store[ids, : 4 * hs]
        x[tt, 1, rr] = store[ids[starts[rr] + slens[rr] - 1 - tt], 4 * hs :]
        short = np.flatnonzero(slens < length)
        x[slens[short], :, short] = 0.0  # step t also runs the rows whose length is t: on zeros
        live = np.searchsorted(-slens, -np.arange(length), side="right").tolist()  # rows with len >= t
        w_hh = self.w_hh
        h = np.zeros((2, n, hs), np.float32)  # the state before step 0; then out[t - 1]
        c = np.zeros((2, n, hs), np.float32)  # the cell state; live rows are a prefix
        out = np.empty((length, 2, n, hs), np.float32)
        h3, tanh, mul, add = 3 * hs, np.tanh, np.multiply, np.add
        for t in range(length):
            k = live[t]
            a = np.matmul(h[:, :k], w_hh)
            add(a, x[t, :, :k], out=a)
            tanh(a, out=a)
            sig = a[:, :, :h3] * np.float32(0.5)
            add(sig, np.float32(0.5), out=sig)
            c = sig[:, :, hs : 2 * hs] * c[:, :k]
            add(c, mul(sig[:, :, :hs], a[:, :, h3:]), out=c)
            h = out[t]
            mul(sig[:, :, 2 * hs :], tanh(c), out=h[:, :k])
        for r, b in enumerate(order):
            k = int(slens[r])
            hid = np.concatenate([out[:k, 0, r], out[k - 1 :: -1, 1, r]], axis=1)
            em[b, :k] = hid @ self.out_w + self.out_b
        return em, lens

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best tag sequences under emissions + CRF transitions, all sentences at once
        (longest first, so the sentences still running at step ``t`` are a prefix)."""
        n, length, nt = em.shape
        if n == 0 or length == 0:
            return [[] for _ in range(n)]
        order = sorted(range(n), key=lambda b: -lens[b])
        slens = lens[order]
        e = em[order]
        live = np.searchsorted(-slens, -np.arange(length), side="left").tolist()  # rows with len > t
        score = self.start + e[:, 0]
        back = np.empty((length, n, nt), np.int64)  # rows past a sentence's end are never read
        trans = self.trans
        for t in range(1, length):
            k = live[t]
            cand = score[:k, :, None] + trans  # (k, from, to)
            back[t, :k] = cand.argmax(axis=1)
            score[:k] = cand.max(axis=1) + e[:k, t]
        cur = (score + self.end).argmax(axis=1)
        path = np.empty((length, n), np.int64)
        path[length - 1] = cur
        for t in range(length - 1, 0, -1):
            k = live[t]
            cur[:k] = back[t, np.arange(k), cur[:k]]
            path[t - 1] = cur
        out: list[list[int]] = [[] for _ in range(n)]
        for r, b in enumerate(order):
            out[b] = path[: int(slens[r]), r].tolist()
        return out

    def tag_batch(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels of each sentence (original token strings); one batch for all."""
        if not sents:
            return []
        return self.tag_scored(sents)[0]

    def tag_scored(self, sents: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[float]]]:
        """BIO labels and, per token, the softmax of its emission scores at the chosen
        label (a cheap confidence; the CRF marginals would need forward-backward).

        Runs in windows of bounded padded size (see the module docstring)."""
        if not sents:
            return [], []
        pieces = [(b, k) for b, s in enumerate(sents) for k in range(0, max(len(s), 1), MAX_SENTENCE)]
        got: list[tuple[list[str], list[float]]] = [([], [])] * len(pieces)
        for window in windows([len(sents[b][k : k + MAX_SENTENCE]) for b, k in pieces]):
            em, lens = self.emissions([sents[pieces[i][0]][pieces[i][1] : pieces[i][1] + MAX_SENTENCE] for i in window])
            paths = self.viterbi(em, lens)
            z = np.exp(em - em.max(axis=2, keepdims=True))
            z /= z.sum(axis=2, keepdims=True)
            tags = self.tags
            flat = [i for p in paths for i in p]
            rows = np.repeat(np.arange(len(paths)), [len(p) for p in paths])
            steps = np.concatenate([np.arange(len(p)) for p in paths]) if flat else np.zeros(0, np.int64)
            chosen: list[float] = z[rows, steps, np.array(flat, np.int64)].tolist()
            pos = 0
            for r, p in enumerate(paths):
                got[window[r]] = ([tags[i] for i in p], chosen[pos : pos + len(p)])
                pos += len(p)
        labels: list[list[str]] = [[] for _ in sents]
        probs: list[list[float]] = [[] for _ in sents]
        for (b, _), (lab, pr) in zip(pieces, got, strict=True):  # a sentence's pieces in order
            labels[b].extend(lab)
            probs[b].extend(pr)
        return labels, probs


def windows(lens: Sequence[int], cells: int | None = None) -> list[list[int]]:
    """Indexes of ``lens`` in batches of at most ``cells`` padded tokens (count x longest),
    filled longest first; an item longer than ``cells`` is a batch of its own. Indexes
    ascend within a batch, so a text that fits one batch is tagged exactly as one call."""
    cells = WINDOW_CELLS if cells is None else cells
    out: list[list[int]] = []
    cur: list[int] = []
    for i in sorted(range(len(lens)), key=lambda i: -lens[i]):
        if cur and (len(cur) + 1) * max(lens[cur[0]], 1) > cells:
            out.append(sorted(cur))
            cur = []
        cur.append(i)
    if cur:
        out.append(sorted(cur))
    return out


def load(path: Path = NEURAL_PATH) -> NeuralTagger:
    with np.load(path, allow_pickle=False) as z:
        return NeuralTagger({k: z[k] for k in z.files})


@cache
def tagger() -> NeuralTagger | None:
    """The shipped neural tagger, or None when its file is absent (the CRF is used then)."""
    if not NEURAL_PATH.exists():
        return None
    return load(NEURAL_PATH)
