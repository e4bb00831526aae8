"""``rasd timeline``, ``incidents``, ``threads``, ``commitments``, ``conflicts`` and ``train stance``.

The story views read what ``rasd analyze`` saved: the database (``--db``, default) or an
``analysis.json`` (``--analysis``, schema 1 or 2). The timeline lists incidents (one per
happening, however many sources; an analysis without incidents lists its events).
Commitment status is recomputed for ``--as-of`` so the same analysis answers "what is due
now?" on any day; commitments are listed by deadline. Each listing takes ``--limit`` and
``--json`` (``common.emit``).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.interfaces.cli.app import DEFAULT_DB, app
from rasd.interfaces.cli.app import label as cli_label
from rasd.interfaces.cli.common import JsonOpt, LimitOpt, emit, model_out
from rasd.interfaces.dates import calendar_date
from rasd.interfaces.export import conflict_model
from rasd.models import (
    Claim,
    Commitment,
    Conflict,
    Entity,
    Event,
    EventDate,
    Evidence,
    Geo,
    Incident,
    SlotValue,
    Thread,
    Views,
    to_dict,
)
from rasd.store import is_url, open_store
from rasd.store.codec import from_dict
from rasd.story import stance, stance_train
from rasd.story.commitments import period, status
from rasd.views.timeline import filter_events, filter_incidents, incident_timeline, timeline

SHARED = Path("..") / "shared"
SNIPPET = 160
SLOT_VALUES = 6  # values shown per slot in the text view (all of them in --json)
CONFLICT_KINDS = ("slot", "polarity", "deadline", "number", "date", "other")  # the last three: schema-1 analyses

DbOpt = Annotated[str, typer.Option("--db", envvar="RASD_DB", help="SQLite database written by `rasd analyze`.")]
AnalysisOpt = Annotated[
    Path | None, typer.Option("--analysis", help="Read this analysis.json instead of the database.")
]


def _fail(msg: str) -> typer.Exit:
    sys.stderr.write(f"rasd: error: {msg}\n")
    return typer.Exit(1)


@dataclass
class Story(Views):
    """What the story commands need, from either source: the views, and text for evidence."""

    texts: dict[str, str] = field(default_factory=dict)  # doc id -> text (for evidence)
    titles: dict[str, str] = field(default_factory=dict)


def _ev(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [Evidence(e["doc"], int(e["start"]), int(e["end"])) for e in items or []]


def story_from_json(data: dict[str, Any]) -> Story:
    """Rebuild the story objects from an ``analysis.json`` dict (fields as in EXPORT.md)."""
    s = Story()
    for d in data.get("documents", []):
        s.texts[d["id"]] = d.get("text", "")
        s.titles[d["id"]] = d.get("title") or d.get("source", "")
    for e in data.get("entities", []):
        geo = e.get("geo")
        s.entities.append(
            Entity(e["id"], e.get("type", ""), e.get("name", ""), list(e.get("aliases", [])),
                   list(e.get("roles", [])), list(e.get("docs", [])), Geo(geo["lat"], geo["lon"]) if geo else None)
        )  # fmt: skip
    for v in data.get("events", []):
        date = v.get("date") or {}
        s.events.append(
            Event(
                id=v["id"], type=v.get("type", "OTHER"), date=EventDate(date.get("value"), date.get("precision")),
                place=v.get("place"), actors=list(v.get("actors", [])), targets=list(v.get("targets", [])),
                counts=dict(v.get("counts", {})), modality=v.get("modality", "happened"), summary=v.get("summary", ""),
                trigger=v.get("trigger", ""), evidence=_ev(v.get("evidence")), confidence=float(v.get("confidence", 0.7)),
            )
        )  # fmt: skip
    for c in data.get("claims", []):
        s.claims.append(
            Claim(c["id"], c.get("subject", ""), c.get("predicate", ""), c.get("object", ""), c.get("time"),
                  c.get("polarity", "assert"), c.get("modality", "fact"), c.get("attributed_to"), _ev(c.get("evidence")),
                  speaker=c.get("speaker"))
        )  # fmt: skip
    for m in data.get("commitments", []):
        s.commitments.append(
            Commitment(m["id"], m.get("what", ""), list(m.get("actors", [])), m.get("deadline"), m.get("status", "pending"),
                       _ev(m.get("evidence")), float(m.get("confidence", 0.7)), m.get("who"), bool(m.get("postponed", False)))
        )  # fmt: skip
    s.conflicts = [from_dict(Conflict, conflict_model(k)) for k in data.get("conflicts", [])]
    s.incidents = [from_dict(Incident, i) for i in data.get("incidents", [])]
    s.threads = [from_dict(Thread, t) for t in data.get("threads", [])]
    return s


def load_story(db: str, analysis: Path | None) -> Story:
    """The story from ``analysis`` when given, else from the database ``db``."""
    if analysis is not None:
        if not analysis.is_file():
            raise _fail(f"no analysis file at {analysis}")
        try:
            return story_from_json(json.loads(analysis.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as e:
            raise _fail(f"{analysis} is not a rasd analysis.json ({type(e).__name__}: {e})") from None
    if not is_url(db) and not Path(db).is_file():
        raise _fail(f"no database at {db} (run `rasd analyze` first, or pass --analysis FILE)")
    try:
        with open_store(db, readonly=True) as store:
            v = store.load_views()
            s = Story(v.entities, v.events, v.claims, v.commitments, v.conflicts, v.incidents, v.threads)
            items: list[Event | Claim | Commitment | Conflict | Incident | Thread] = [
                *v.events, *v.claims, *v.commitments, *v.conflicts, *v.incidents, *v.threads
            ]  # fmt: skip
            ids = sorted({e.doc for x in items for e in x.evidence})
            for d in store.iter_documents(ids):
                s.texts[d.id] = d.text
                s.titles[d.id] = d.title or d.source
    except (OSError, ValueError, sqlite3.Error) as e:  # StoreUnavailable is a ValueError
        raise _fail(f"cannot read {db}: {e}") from None
    return s


def _check_date(value: str | None, name: str) -> None:
    if value is not None and not calendar_date(value):
        raise _fail(f"{name} expects YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _snippet(s: Story, ev: Evidence) -> str:
    text = s.texts.get(ev.doc, "")[ev.start : ev.end].replace("\n", " ")
    return text if len(text) <= SNIPPET else text[:SNIPPET].rstrip() + "…"


def _names(s: Story) -> dict[str, str]:
    return {e.id: e.name for e in s.entities}


def format_timeline(s: Story, events: list[Event], undated: list[Event]) -> str:
    """One line per event (date, precision, type, modality, who, counts), evidence under it."""
    names = _names(s)
    lines: list[str] = []

    def row(ev: Event) -> None:
        who = "، ".join(names.get(a, a) for a in ev.actors[:3])
        tgt = "، ".join(names.get(t, t) for t in ev.targets[:3])
        place = names.get(ev.place, ev.place) if ev.place else ""
        counts = " ".join(f"{k}={int(v) if v == int(v) else v}" for k, v in sorted(ev.counts.items()))
        parts = [f"{ev.date.value or '?':<10}", f"({ev.date.precision or '-'})", ev.type]
        if ev.modality != "happened":
            parts.append(f"[{ev.modality}]")
        for label, val in (("by", who), ("on", tgt), ("at", place), ("", counts)):
            if val:
                parts.append(f"{label} {val}".strip())
        parts.append(f"· {len(ev.evidence)} source(s)")
        lines.append(" ".join(parts))
        for e in ev.evidence[:3]:
            lines.append(f"    {e.doc}[{e.start}:{e.end}] {_snippet(s, e) or ev.summary[:SNIPPET]}")

    for ev in events:
        row(ev)
    if undated:
        lines.append("")
        lines.append("undated:")
        for ev in undated:
            row(ev)
    return "\n".join(lines)


@app.command("timeline")
def timeline_cmd(
    entity: Annotated[str | None, typer.Option("--entity", help="Only incidents involving this entity (name, alias or id).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date, YYYY[-MM[-DD]].")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date, YYYY[-MM[-DD]].")] = None,
    db: DbOpt = DEFAULT_DB,
    analysis: AnalysisOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Incidents in date order with their precision and sources; undated, generic and planned
    ones listed apart, after them (an analysis without incidents: its events)."""
    _check_date(date_from, "--from")
    _check_date(date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise _fail(f"--from {date_from} is after --to {date_to}")
    s = load_story(db, analysis)
    evs = filter_events(s.events, entity=entity, entities=s.entities, date_from=date_from, date_to=date_to)
    dated, undated = timeline(evs)
    dated_ids = {id(ev) for ev in dated}

    def render(rows: list[Event]) -> None:
        typer.echo(format_timeline(s, [e for e in rows if id(e) in dated_ids], [e for e in rows if id(e) not in dated_ids]))

    if s.incidents:  # one row per happening; an older analysis has only its events
        reports = {e.id: e for e in s.events}
        found = filter_incidents(s.incidents, entity=entity, entities=s.entities, date_from=date_from, date_to=date_to)
        on, apart = incident_timeline(found, reports)
        shown = {id(i) for i in on}

        def render_incidents(rows: list[Incident]) -> None:
            typer.echo(format_incidents(s, [i for i in rows if id(i) in shown], [i for i in rows if id(i) not in shown]))

        emit([*on, *apart], limit=limit, as_json=as_json, to_json=to_dict, render=render_incidents, empty="no incidents match")
        return
    emit([*dated, *undated], limit=limit, as_json=as_json, to_json=to_dict, render=render, empty="no events match")


def _slot_line(s: Story, slot: str, values: list[SlotValue]) -> str:
    """``injured: 5 (d_a صحيفة أ) · 7 (d_b)``: every source's value, never merged."""
    names = _names(s)
    parts = []
    for v in values[:SLOT_VALUES]:
        shown = v.text or names.get(str(v.value), str(v.value))
        who = " ".join(x for x in (v.outlet, v.speaker_text) if x)
        parts.append(f"{shown} ({v.source}{' ' + who if who else ''})")
    more = f" · +{len(values) - SLOT_VALUES}" if len(values) > SLOT_VALUES else ""
    return f"{slot}: " + " · ".join(parts) + more


def format_incidents(s: Story, on: list[Incident], apart: list[Incident], slots: bool = False) -> str:
    """One line per incident (date, precision, type, label, sources), its first evidence under it;
    ``slots`` adds every source's slot values."""
    lines: list[str] = []

    def row(i: Incident) -> None:
        lines.append(f"{i.date.value or '?':<10} ({i.date.precision or '-'}) {i.type} {i.label} · "
                     f"{i.sources} source(s), {len(i.reports)} report(s)")  # fmt: skip
        if slots:
            lines.extend(f"    {_slot_line(s, k, v)}" for k, v in i.slots.items() if v)
        for e in i.evidence[:3]:
            lines.append(f"    {e.doc}[{e.start}:{e.end}] {_snippet(s, e)}")

    for i in on:
        row(i)
    if apart:
        lines += ["", "undated, generic or not (yet) happened:"]
        for i in apart:
            row(i)
    return "\n".join(lines)


@app.command("incidents")
def incidents_cmd(
    kind: Annotated[str | None, typer.Option("--type", help="Only incidents of this event type (ATTACK, AGREEMENT …).")] = None,
    db: DbOpt = DEFAULT_DB,
    analysis: AnalysisOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Incidents (one per happening across sources) by date, with every source's slot values."""
    s = load_story(db, analysis)
    on, apart = incident_timeline([i for i in s.incidents if kind is None or i.type == kind.upper()], {e.id: e for e in s.events})
    shown = {id(i) for i in on}

    def render(rows: list[Incident]) -> None:
        typer.echo(format_incidents(s, [i for i in rows if id(i) in shown], [i for i in rows if id(i) not in shown], slots=True))

    emit([*on, *apart], limit=limit, as_json=as_json, to_json=to_dict, render=render, empty="no incidents")


@app.command("threads")
def threads_cmd(
    db: DbOpt = DEFAULT_DB,
    analysis: AnalysisOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Commitment threads: each promise with its deadlines in the order they were stated, who
    stated each and when, and its status as of the analysis date."""
    s = load_story(db, analysis)
    names = _names(s)

    def render(rows: list[Thread]) -> None:
        for t in rows:
            typer.echo(f"{t.status:<10} {t.what[:SNIPPET]} (as of {t.as_of or '?'})")
            for d in t.deadlines:
                who = d.stated_by_text or names.get(d.stated_by or "", d.stated_by or "") or "?"
                mod = f" {d.mod}" if d.mod else ""
                typer.echo(f"    {d.value or '?'}{mod} — {who}, {d.stated_on or '?'}")
            typer.echo("")

    rows = sorted(s.threads, key=lambda t: (t.deadlines[0].stated_on or "" if t.deadlines else "", t.id))
    emit(rows, limit=limit, as_json=as_json, to_json=to_dict, render=render, empty="no commitment threads")


@app.command("commitments")
def commitments_cmd(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date YYYY-MM-DD (default: today).")] = None,
    db: DbOpt = DEFAULT_DB,
    analysis: AnalysisOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Promises, plans and deadlines by deadline (undated last), with who committed and their
    status as of a date (printed first)."""
    if as_of is not None and not calendar_date(as_of, "day"):
        raise _fail(f"--as-of expects YYYY-MM-DD, got {as_of!r}")
    day = as_of or datetime.now(UTC).strftime("%Y-%m-%d")
    s = load_story(db, analysis)
    names = _names(s)

    def by_deadline(c: Commitment) -> tuple[bool, str, str, str]:
        p = period(c.deadline)  # "2026" is due by its last day, so it sorts after "2026-09"
        return (p is None, p[1] if p else "", p[0] if p else "", c.id)

    def row(c: Commitment) -> dict[str, Any]:
        return {**to_dict(c), "status": status(c.deadline, day), "as_of": day}

    def render(rows: list[Commitment]) -> None:
        typer.echo(f"as of {day}:")
        for c in rows:
            who = c.who or "، ".join(names.get(a, a) for a in c.actors) or "?"
            flag = " (postponed)" if c.postponed else ""
            typer.echo(f"{status(c.deadline, day):<8} {c.deadline or 'no date':<10} {who}{flag}: {c.what[:SNIPPET]}")
            for e in c.evidence[:3]:
                typer.echo(f"    {e.doc}[{e.start}:{e.end}]")

    emit(sorted(s.commitments, key=by_deadline), limit=limit, as_json=as_json, to_json=row, render=render,
         empty=f"no commitments (as of {day})")  # fmt: skip


@app.command("conflicts")
def conflicts_cmd(
    kind: Annotated[str | None, typer.Option("--kind", help="Only slot, polarity or deadline.")] = None,
    db: DbOpt = DEFAULT_DB,
    analysis: AnalysisOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Disagreeing sources side by side, each with its value, source and evidence (most confident first)."""
    if kind is not None and kind not in CONFLICT_KINDS:
        raise _fail(f"--kind expects slot, polarity or deadline, got {kind!r}")
    s = load_story(db, analysis)
    claims = {c.id: c for c in s.claims}
    shown = sorted((k for k in s.conflicts if kind is None or k.kind == kind), key=lambda k: (-k.confidence, k.id))
    names = _names(s)

    def render(rows: list[Conflict]) -> None:
        for k in rows:
            typer.echo(f"[{k.kind}{' ' + k.relation if k.kind == 'slot' else ''}] {k.explanation} (confidence {k.confidence:.2f})")
            for label, cid, side in (("A", k.a, k.side_a), ("B", k.b, k.side_b)):
                if side is not None:
                    ev = side.evidence[0] if side.evidence else None
                    who = side.speaker_text or names.get(side.speaker or "", "") or side.outlet or cli_label("article_text")
                    where = f"{s.titles.get(side.source, side.source)} {ev.doc}[{ev.start}:{ev.end}]" if ev else side.source
                    typer.echo(f"  {label}: {side.value} — {who} — {_snippet(s, ev) if ev else ''}\n     {where}")
                    continue
                c = claims.get(cid)
                ev = c.evidence[0] if c and c.evidence else None
                who = (names.get(c.attributed_to, c.attributed_to) if c and c.attributed_to else None) or (
                    c.speaker if c and c.speaker else cli_label("article_text")
                )
                where = f"{s.titles.get(ev.doc, ev.doc)} {ev.doc}[{ev.start}:{ev.end}]" if ev else cid
                text = _snippet(s, ev) if ev else ""
                typer.echo(f"  {label}: {who} — {text or (c.object if c else '')}\n     {where}")
            typer.echo("")

    def row(k: Conflict) -> dict[str, Any]:  # with both claims, so the JSON stands alone
        return {**to_dict(k), "claims": [to_dict(claims[c]) if c in claims else None for c in (k.a, k.b)]}

    emit(shown, limit=limit, as_json=as_json, to_json=row, render=render, empty="no conflicts")


def _train_group() -> typer.Typer:
    """The ``train`` command group, shared with other modules that add trainers."""
    for g in app.registered_groups:
        if g.name == "train" and g.typer_instance is not None:
            return g.typer_instance
    group = typer.Typer(help="Train the statistical models shipped with rasd.", no_args_is_help=True)
    app.add_typer(group, name="train")
    return group


train = _train_group()


@train.command("stance")
def train_stance(
    data: Annotated[Path, typer.Option("--data", help="Folder with ANS stance train.csv and dev.csv.")] = SHARED
    / "data/ans/stance",
    out: Annotated[Path | None, typer.Option("--out", help="Model file to write, outside the installed package.")] = None,
    grid: Annotated[str, typer.Option("--grid", help="Comma-separated C values to compare by CV.")] = "10",
    force: Annotated[bool, typer.Option("--force", help="Allow overwriting the shipped model (the default --out then).")] = False,
) -> None:
    """Train the claim-comparison model on ANS train+dev into --out (C tuned by CV; test never read)."""
    if not (data / "train.csv").is_file() or not (data / "dev.csv").is_file():
        raise _fail(f"{data} has no train.csv/dev.csv (ANS stance corpus)")
    try:
        target = model_out(out, Path(stance.MODEL_PATH), force)
    except ValueError as e:
        raise _fail(str(e)) from None
    try:
        cs = tuple(float(x) for x in grid.split(",") if x.strip())
        if not cs:
            raise ValueError("--grid needs at least one C value")
        info = stance_train.train(data, target, grid=cs)
    except Exception as e:  # one line, no traceback
        raise _fail(f"{type(e).__name__}: {e}") from None
    cv = ", ".join(f"C={c}: {f:.3f}" for c, f in info["cv"].items())
    typer.echo(
        f"trained on {info['n_train']} pairs; CV macro-F1 {cv}; chose C={info['best_c']}; "
        f"class offsets {[round(b, 2) for b in info['bias']]} (CV macro-F1 {info['cv_biased']:.3f}; "
        f"word-level models alone {info['cv_word_models_biased']:.3f}); "
        f"encoder: {info['encoder'] or 'none'}; wrote {info['path']}"
    )
