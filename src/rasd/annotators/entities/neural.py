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
from rasd.text.normalize import fold

NEURAL_PATH = Path(__file__).parent / "model" / "ner_bilstm.npz"
MAX_CHARS = 20  # characters of a word seen by the char CNN (longer words are cut)
DISC = ("g", "gs", "c0", "c1", "c2", "pc", "t", "tr", "sh", "al")
CACHE_WORDS = 1 << 16
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
        ft.clitic(w),
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
        self._cache: dict[str, np.ndarray] = {}

    def project(self, words: Sequence[str]) -> np.ndarray:
        """LSTM input projections [forward 4H | backward 4H] (biases included) of folded words.

        Everything before the LSTM depends on the word alone: computed once per word, batched."""
        enc = [self.vocab.encode(w) for w in words]
        n, width, cd = len(enc), self.conv_w.shape[2], self.char_emb.shape[1]
        k = max((len(e[2]) for e in enc), default=1)
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
        return out

    def _proj_rows(self, folded: list[str]) -> np.ndarray:
        missing = sorted({w for w in folded if w not in self._cache})
        if missing:
            if len(self._cache) + len(missing) > CACHE_WORDS:
                self._cache.clear()  # bounded memory; this call's words are all recomputed
                missing = sorted(set(folded))
            for w, row in zip(missing, self.project(missing), strict=True):
                self._cache[w] = row
        cache = self._cache
        return np.stack([cache[w] for w in folded])

    def emissions(self, sents: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(sentences, max length, tags) scores of a batch of sentences of original token
        strings, and their lengths.

        Sentences are ordered longest first, so at step ``t`` the live ones are a prefix of
        the batch and padding costs nothing; both directions advance in one batched matmul
        (the backward one reads each sentence from its own last token).
        """
        n = len(sents)
        lens = np.array([len(s) for s in sents], dtype=np.int64)
        length = int(lens.max()) if n else 0
        hs = self.hidden
        em = np.zeros((n, length, len(self.tags)), np.float32)
        if length == 0:
            return em, lens
        order = sorted(range(n), key=lambda b: -lens[b])
        folded = [fold(t) for b in order for t in sents[b]]
        proj = self._proj_rows(folded)
        x = np.zeros((length, 2, n, 4 * hs), np.float32)
        pos = 0
        for r, b in enumerate(order):
            k = int(lens[b])
            p = proj[pos : pos + k]
            x[:k, 0, r] = p[:, : 4 * hs]
            x[:k, 1, r] = p[::-1, 4 * hs :]
            pos += k
        live = np.searchsorted(-lens[order], -np.arange(length), side="right")  # rows with len > t
        h = np.zeros((2, n, hs), np.float32)
        c = np.zeros((2, n, hs), np.float32)
        out = np.zeros((length, 2, n, hs), np.float32)
        for t in range(length):
            k = int(live[t])
            a = np.tanh(x[t, :, :k] + np.matmul(h[:, :k], self.w_hh))
            sig = a[:, :, : 3 * hs] * 0.5 + 0.5
            ck = sig[:, :, hs : 2 * hs] * c[:, :k] + sig[:, :, :hs] * a[:, :, 3 * hs :]
            c[:, :k] = ck
            h[:, :k] = sig[:, :, 2 * hs :] * np.tanh(ck)
            out[t, :, :k] = h[:, :k]
        for r, b in enumerate(order):
            k = int(lens[b])
            hid = np.concatenate([out[:k, 0, r], out[k - 1 :: -1, 1, r]], axis=1)
            em[b, :k] = hid @ self.out_w + self.out_b
        return em, lens

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best tag sequences under emissions + CRF transitions, all sentences at once."""
        n, length, nt = em.shape
        if n == 0 or length == 0:
            return [[] for _ in range(n)]
        score = self.start + em[:, 0]
        back = np.zeros((length, n, nt), np.int64)
        keep = np.arange(nt)
        for t in range(1, length):
            cand = score[:, :, None] + self.trans  # (n, from, to)
            best = cand.argmax(axis=1)
            nxt = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
            on = (lens > t)[:, None]
            score = np.where(on, nxt, score)
            back[t] = np.where(on, best, keep)
        k = (score + self.end).argmax(axis=1)
        path = np.zeros((length, n), np.int64)
        path[length - 1] = k
        for t in range(length - 1, 0, -1):
            k = back[t, np.arange(n), k]
            path[t - 1] = k
        return [path[: int(lens[b]), b].tolist() for b in range(n)]

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
            for r, p in enumerate(paths):
                got[window[r]] = ([self.tags[i] for i in p], [float(z[r, t, i]) for t, i in enumerate(p)])
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
