"""Entity benchmark: ANERcorp test F1, tagging speed, the seed entity table, SaudiNewsNet throughput.

Writes docs/benchmarks/ner.md. Run from the repo root:

    python benchmarks/ner_bench.py [--shared ../shared] [--news-limit N] [--out docs/benchmarks/ner.md]

    python benchmarks/ner_bench.py --split dev [--errors /tmp/ner_dev_errors.tsv]

scores only the whole ``tag()`` on dev (the last 10% of ANERcorp train) with an error listing;
nothing is written but the listing.

The model is the shipped one (``rasd train ner``); the test file is only read here.

    python benchmarks/ner_bench.py --teacher /tmp/teacher/teacher.pt [--student /tmp/student.npz]

scores instead the contextual teacher (``rasd train ner --arch teacher``, needs torch) side by
side with the shipped BiLSTM-CRF (and a candidate student) on test, and writes only
``--teacher-out`` (default docs/benchmarks/ner_teacher_test.md).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import time
import zipfile
from collections import Counter
from pathlib import Path

import one_thread  # noqa: F401  (before numpy: speeds per core)
from machine import markdown_lines  # noqa: E402

from rasd.annotators.entities import MODEL_PATH, tag
from rasd.annotators.entities.consistency import propagate
from rasd.annotators.entities.corpus import load_documents
from rasd.annotators.entities.features import sent_features
from rasd.annotators.entities.labels import to_bio
from rasd.annotators.entities.neural import NEURAL_PATH
from rasd.annotators.entities.neural import load as neural_load
from rasd.annotators.entities.neural import tagger as neural_tagger
from rasd.annotators.entities.train import (
    DOC_WINDOW,
    Sentence,
    dev_split,
    entities_of,
    predict_docs,
    read_conll,
    score,
)
from rasd.interfaces.cli.entities import format_table
from rasd.models import DocAnalysis, Document, Published
from rasd.resolve.entities import analyse, link
from rasd.text.normalize import fold

PIPE_TO_ANER = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}



def f1_table(scores) -> str:  # type: ignore[no-untyped-def]
    rows = ["| type | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
    for ty, (p, r, f, n) in sorted(scores.per_type.items()):
        rows.append(f"| {ty} | {p:.4f} | {r:.4f} | {f:.4f} | {n} |")
    p, r, f, n = scores.overall
    rows.append(f"| **overall** | {p:.4f} | {r:.4f} | **{f:.4f}** | {n} |")
    return "\n".join(rows)


def crf_eval(test: Path) -> tuple[str, str, float, int]:
    """F1 of the bare CRF on ANERcorp test (per sentence, then with the document pass over
    pseudo-documents of ``DOC_WINDOW`` sentences), and its speed (features + Viterbi) in tokens/s."""
    import pycrfsuite

    sents = read_conll(test)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    n_tok = sum(len(w) for w, _ in sents)
    t0 = time.process_time()
    pred = [to_bio(list(tagger.tag(sent_features(w)))) for w, _ in sents]
    cpu = time.process_time() - t0
    gold = [t for _, t in sents]
    docs = predict_docs(MODEL_PATH, [w for w, _ in sents])
    return f1_table(score(gold, pred)), f1_table(score(gold, docs)), n_tok / cpu, n_tok


def neural_eval(test: Path, model: Path | None = None) -> tuple[str, str, float]:
    """F1 of the BiLSTM-CRF alone (one batch per run of ``DOC_WINDOW`` sentences, as ``tag()``
    batches a document), then with the document pass; speed of the tagger in tokens/s.
    ``model``: a candidate ``.npz`` instead of the shipped one."""
    net = neural_load(model) if model is not None else neural_tagger()
    assert net is not None, f"{NEURAL_PATH} missing"
    sents = read_conll(test)
    words = [w for w, _ in sents]
    n_tok = sum(len(w) for w in words)
    t0 = time.process_time()
    pred: list[list[str]] = []
    for a in range(0, len(words), DOC_WINDOW):
        pred += net.tag_batch(words[a : a + DOC_WINDOW])
    cpu = time.process_time() - t0
    return (*_tables(sents, words, pred), n_tok / cpu)


def _tables(sents: list[Sentence], words: list[list[str]], pred: list[list[str]]) -> tuple[str, str]:
    """F1 tables of ``pred`` as tagged, then after the document pass (windows of ``DOC_WINDOW``)."""
    docs: list[list[str]] = []
    for a in range(0, len(words), DOC_WINDOW):
        docs += propagate([[fold(x) for x in s] for s in words[a : a + DOC_WINDOW]], pred[a : a + DOC_WINDOW])
    gold = [t for _, t in sents]
    return f1_table(score(gold, pred)), f1_table(score(gold, docs))


def pipeline_tags(sents: list[Sentence]) -> tuple[list[list[str]], float]:
    """BIO labels of the full ``tag()`` (model + document pass + gazetteers + patterns +
    heuristics) mapped back to ANERcorp types (GPE/LOC/FAC -> LOC) at token level, and its
    speed in tokens/s. Each call gets a pseudo-document of ``DOC_WINDOW`` sentences, one a line."""
    t0 = time.process_time()
    tag("وصل الوفد إلى بغداد.")  # load gazetteers and model once, outside the timing
    load = time.process_time() - t0
    print(f"one-time load: {load:.1f} s CPU", flush=True)
    preds: list[list[str]] = []
    n_tok = 0
    cpu = 0.0
    for a in range(0, len(sents), DOC_WINDOW):
        group = [w for w, _ in sents[a : a + DOC_WINDOW]]
        text = "\n".join(" ".join(words) for words in group)
        starts: list[int] = []
        pos = 0
        for words in group:
            for w in words:
                starts.append(pos)
                pos += len(w) + 1
        t0 = time.process_time()
        ms = tag(text)
        cpu += time.process_time() - t0
        n_tok += len(starts)
        labels = ["O"] * len(starts)
        for m in ms:
            first = bisect.bisect_right(starts, m.start) - 1
            last = bisect.bisect_left(starts, m.end) - 1
            ty = PIPE_TO_ANER[m.type]
            labels[first] = "B-" + ty
            for i in range(first + 1, last + 1):
                labels[i] = "I-" + ty
        k = 0
        for words in group:
            preds.append(labels[k : k + len(words)])
            k += len(words)
    return preds, n_tok / cpu


def pipeline_eval(test: Path) -> tuple[str, float]:
    """F1 table of the full ``tag()`` on ``test`` and its speed in tokens/s."""
    sents = read_conll(test)
    preds, speed = pipeline_tags(sents)
    return f1_table(score([t for _, t in sents], preds)), speed


def error_classes(sents: list[Sentence], preds: list[list[str]]) -> list[tuple[str, str, str, str]]:
    """Every error of ``preds`` against gold as ``(class, gold type, predicted type, context)``:
    ``missed`` (no predicted span overlaps the gold one), ``spurious`` (no gold span overlaps),
    ``type`` (same tokens, other type), ``boundary`` (overlapping, other tokens; ``[gold] {pred}``)."""
    out: list[tuple[str, str, str, str]] = []
    for (words, gold), pred in zip(sents, preds, strict=True):
        ge, pe = entities_of(gold), entities_of(pred)

        def show(a: int, b: int, w: list[str] = words) -> str:
            return " ".join(w[max(0, a - 3) : a]) + " [" + " ".join(w[a:b]) + "] " + " ".join(w[b : b + 3])

        for g in sorted(ge - pe):
            over = [p for p in pe if p[0] < g[1] and g[0] < p[1]]
            if not over:
                out.append(("missed", g[2], "-", show(g[0], g[1])))
            elif any(p[:2] == g[:2] for p in over):
                out.append(("type", g[2], next(p[2] for p in over if p[:2] == g[:2]), show(g[0], g[1])))
            else:
                p = min(over)
                out.append(("boundary", g[2], p[2], show(g[0], g[1]) + "  {" + " ".join(words[p[0] : p[1]]) + "}"))
        for p in sorted(pe - ge):
            if not any(g[0] < p[1] and p[0] < g[1] for g in ge):
                out.append(("spurious", "-", p[2], show(p[0], p[1])))
    return out


def dev_report(train: Path, errors: Path | None) -> None:
    """``--split dev``: the whole ``tag()`` on the dev split (the last 10% of ANERcorp train, as
    the trainers hold it out): per-type P/R/F1, error counts per class, speed; the error listing
    goes to ``errors``. Test is not read."""
    _, dev = dev_split(read_conll(train))
    preds, speed = pipeline_tags(dev)
    n_tok = sum(len(w) for w, _ in dev)
    errs = error_classes(dev, preds)
    counts = Counter((c, g, p) for c, g, p, _ in errs)
    print(f"# tag() on ANERcorp dev ({len(dev):,} sentences, {n_tok:,} tokens)\n")
    print(f1_table(score([t for _, t in dev], preds)))
    print(f"\nSpeed (one core, CPU time): {speed:,.0f} tokens/s\n\n| class | gold | pred | count |\n|---|---|---|---|")
    for (c, g, p), n in counts.most_common():
        print(f"| {c} | {g} | {p} | {n} |")
    if errors is not None:
        lines = [f"{c}\t{g}\t{p}\t{ctx}" for c, g, p, ctx in sorted(errs, key=lambda e: e[:3])]
        errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\n{len(errs)} errors listed in {errors}")


def news_throughput(news: Path, limit: int | None) -> str:
    """Entities (annotate + link) on SaudiNewsNet articles: documents per second, one process."""
    docs: list[Document] = []
    for z in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for member in sorted(zf.namelist()):
                for i, rec in enumerate(json.loads(zf.read(member))):
                    text = rec.get("content") or ""
                    docs.append(Document(f"{z.stem}-{i}", z.name, i, "", None, Published(), "ar", text))
        if limit and len(docs) >= limit:
            break
    docs = docs[:limit] if limit else docs
    chars = sum(len(d.text) for d in docs)
    das = [DocAnalysis(d) for d in docs]
    t0 = time.perf_counter()
    from rasd.annotators.entities import annotate

    for da in das:
        annotate(da)
    t1 = time.perf_counter()
    ents = link(das)
    t2 = time.perf_counter()
    n_m = sum(len(da.entities) for da in das)
    return (
        f"{len(docs)} articles ({chars:,} characters): annotate {t1 - t0:.1f} s "
        f"({len(docs) / (t1 - t0):.1f} docs/s), link {t2 - t1:.1f} s; {n_m:,} mentions, "
        f"{len(ents):,} canonical entities; total {len(docs) / (t2 - t0):.1f} docs/s."
    )


def previous_news(out: Path) -> str:
    """With ``--skip-news``: the throughput section of the report being replaced, marked as
    carried over with the date of the run that measured it (or "skipped" if there is none)."""
    head = "## SaudiNewsNet throughput (entities: annotate + link)\n"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if head not in old:
        return "skipped"
    body = old.split(head, 1)[1].split("\n## ", 1)[0].strip()
    if not body or body == "skipped" or "(Not re-measured" in body:
        return body or "skipped"  # already carried over: keep the original date
    date = next((line[len("Date: ") :].split(".")[0] for line in old.splitlines() if line.startswith("Date: ")), "?")
    return f"{body}\n\n(Not re-measured by this run (`--skip-news`): measured on {date}.)"


def teacher_eval(test: Path, model: Path) -> tuple[str, str, float]:
    """The contextual teacher on test, alone and with the document pass, and its speed in
    tokens/s (torch on two threads, CPU time): for comparison only, it never ships."""
    import torch

    from rasd.annotators.entities.teacher_train import TeacherTagger

    torch.set_num_threads(2)
    net = TeacherTagger.load(model)
    sents = read_conll(test)
    words = [w for w, _ in sents]
    n_tok = sum(len(w) for w in words)
    t0 = time.process_time()
    pred = net.tag_batch(words)
    cpu = time.process_time() - t0
    return (*_tables(sents, words, pred), n_tok / cpu)


def teacher_report(test: Path, teacher: Path, student: Path | None, out: Path) -> None:
    """``--teacher``: teacher and student(s) side by side on test, written to ``out`` only."""
    sections = []
    t_tab, t_doc, t_speed = teacher_eval(test, teacher)
    sections.append(f"## Teacher `{teacher}` (e5-small fine-tuned)\n\n{t_tab}\n\n+ document pass:\n\n{t_doc}\n\n"
                    f"Speed (torch, 2 threads, CPU time): {t_speed:,.0f} tokens/s.")  # fmt: skip
    for name, path in (("shipped BiLSTM-CRF", None), ("candidate student", student)):
        if name != "shipped BiLSTM-CRF" and path is None:
            continue
        tab, doc, speed = neural_eval(test, path)
        label = f"`{path}`" if path else f"`{NEURAL_PATH.name}`"
        sections.append(f"## {name} {label}\n\n{tab}\n\n+ document pass:\n\n{doc}\n\nSpeed: {speed:,.0f} tokens/s.")
    machine_md = "\n".join(markdown_lines())
    md = (f"# Teacher and student on ANERcorp test\n\nDate: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}. "
          f"Written by `python benchmarks/ner_bench.py --teacher ...`.\n\n{machine_md}\n\n" + "\n\n".join(sections) + "\n")  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md, encoding="utf-8")
    print(md)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("..") / "shared")
    ap.add_argument("--out", type=Path, default=Path("docs/benchmarks/ner.md"))
    ap.add_argument("--news-limit", type=int, default=None, help="only the first N SaudiNewsNet articles")
    ap.add_argument("--skip-news", action="store_true", help="skip the (long) SaudiNewsNet throughput run")
    ap.add_argument("--teacher", type=Path, default=None, help="score this teacher (teacher.pt) on test instead")
    ap.add_argument("--student", type=Path, default=None, help="with --teacher: also a candidate student .npz")
    ap.add_argument("--teacher-out", type=Path, default=Path("docs/benchmarks/ner_teacher_test.md"))
    ap.add_argument("--split", choices=("test", "dev"), default="test",
                    help="dev: only tag() on the last 10%% of ANERcorp train, with an error listing")
    ap.add_argument("--errors", type=Path, default=None, help="with --split dev: write the error listing here")
    a = ap.parse_args()
    if a.split == "dev":
        dev_report(a.shared / "data/anercorp/train.conll", a.errors)
        return
    test = a.shared / "data/anercorp/test.conll"
    if a.teacher is not None:
        teacher_report(test, a.teacher, a.student, a.teacher_out)
        return
    crf_table, doc_table, crf_speed, n_tok = crf_eval(test)
    print(crf_table, f"\n{crf_speed:,.0f} tokens/s", flush=True)
    print(doc_table, flush=True)
    nn_table, nn_doc_table, nn_speed = neural_eval(test)
    print(nn_table, f"\n{nn_speed:,.0f} tokens/s", flush=True)
    print(nn_doc_table, flush=True)
    pipe_table, pipe_speed = pipeline_eval(test)
    print(pipe_table, f"\n{pipe_speed:,.0f} tokens/s", flush=True)
    docs = load_documents([a.shared / "seeds"])
    _, ents = analyse(docs)
    news = previous_news(a.out) if a.skip_news else news_throughput(a.shared / "data/saudinewsnet", a.news_limit)
    print(news, flush=True)
    size = MODEL_PATH.stat().st_size / 1e6
    nn_size = NEURAL_PATH.stat().st_size / 1e6
    machine_md = "\n".join(markdown_lines())
    md = f"""# Entities benchmark

Date: {dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}. Written by `python benchmarks/ner_bench.py`.

{machine_md}

Models, both trained on ANERcorp train only, with everything chosen on the last 10% of
train (dev); test: `anercorp/test.conll` ({n_tok:,} tokens), read only by this script.

- `{NEURAL_PATH.name}` ({nn_size:.1f} MB), the one `tag()` uses: BiLSTM-CRF trained with torch by
  `rasd train ner --arch bilstm` (word2vec pretrained on SaudiNewsNet, char CNN, gazetteer/cluster/
  clitic/title/trigger embeddings), run by a numpy forward pass (`neural.py`).
- `{MODEL_PATH.name}` ({size:.1f} MB), the fallback when the first is absent: CRF
  (python-crfsuite, L-BFGS) trained by `rasd train ner`.

## BiLSTM-CRF alone on ANERcorp test (conlleval exact span)

{nn_table}

Speed (numpy forward pass + Viterbi, one batch per {DOC_WINDOW} sentences, one core, CPU time, cold
word cache at start): **{nn_speed:,.0f} tokens/s**.

## BiLSTM-CRF + document consistency pass

{nn_doc_table}

## CRF alone on ANERcorp test (conlleval exact span)

{crf_table}

Speed (features + Viterbi, one core, CPU time): **{crf_speed:,.0f} tokens/s**.

## CRF + document consistency pass

ANERcorp has no document boundaries, so runs of {DOC_WINDOW} test sentences (about one
article's length) are treated as documents; a name the model tagged once in a run is tagged
at its other untagged occurrences in the run (`consistency.py`). Same for the BiLSTM-CRF above.

{doc_table}

## Whole recogniser `tag()` on ANERcorp test

BiLSTM-CRF + document pass + gazetteers + facility patterns + family-name heuristics, one call
per run of {DOC_WINDOW} test sentences (one sentence a line); GPE/LOC/FAC counted as
ANERcorp LOC, spans compared on tokens.

{pipe_table}

Speed (tokenise, sentences, BiLSTM-CRF, gazetteers, roles; one core, CPU time): **{pipe_speed:,.0f} tokens/s**.

## SaudiNewsNet throughput (entities: annotate + link)

{news}

## Canonical entities on `../shared/seeds/` ({len(docs)} documents)

{format_table(ents)}
"""
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(md, encoding="utf-8")
    print(md[:3000])


if __name__ == "__main__":
    main()
