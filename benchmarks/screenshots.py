"""Screenshots of every page of the web app, from the current code, into ``docs/screenshots/``.

Analyses the demo corpus (``examples/corpus``, written for rasd) into a temporary store with
the whole pipeline, or takes ``--db``, serves it on 127.0.0.1 and has headless Chromium
(``rasd.interfaces.webapp.headless``) open each page and save it as ``web-<page>.png``.
Each page is picked from what the store holds: the most reported incident, the most
mentioned person, the document with the most annotations, the first thread. A page whose
kind the store lacks (no incidents yet, say) is skipped and said so.

    python benchmarks/screenshots.py [--db FILE] [--out docs/screenshots] [--as-of 2025-01-15]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def pages(app: Any) -> list[tuple[str, str, str | None]]:
    """``(name, path, script to run before the shot)`` for each page the store can show."""
    c = app.state.corpus
    out: list[tuple[str, str, str | None]] = [("home", "/", None), ("documents", "/documents", None),
                                              ("entities", "/entities", None), ("quotes", "/quotes", None),
                                              ("timeline", "/timeline", None), ("map", "/map", None)]  # fmt: skip
    people = sorted((e for e in c.views.entities if e.type == "PER"), key=lambda e: (-e.mentions, e.id))
    places = sorted((e for e in c.views.entities if e.type in ("GPE", "FAC")), key=lambda e: (-e.mentions, e.id))
    if places:
        out.append(("search", f"/search?q={quote(places[0].name)}", None))
    if c.docs:
        richest = max(c.docs, key=lambda m: (len(c.by_doc.get(m.id, {}).get("events", [])), m.chars))
        out.append(("document", f"/documents/{richest.id}?layers=time,PER,ORG,GPE,LOC,FAC,quotes", None))
    if people:
        out.append(("entity", f"/entities/{people[0].id}", None))
    if c.views.incidents:
        inc = max(c.views.incidents, key=lambda i: (i.sources, len(i.slots), i.id))
        out += [("incidents", "/incidents", None), ("incident", f"/incidents/{inc.id}", None)]
    if c.views.conflicts:
        out += [("disagreements", "/disagreements", None),
                ("disagreement", f"/disagreements/{sorted(c.conflict)[0]}", None)]  # fmt: skip
    if c.views.threads:
        t = max(c.views.threads, key=lambda t: (len(t.deadlines), t.id))
        out += [("threads", "/threads", None), ("thread", f"/threads/{t.id}", None)]
    out.append(("api-docs", "/docs", "new Promise(r => setTimeout(r, 1500))"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="a store to show (default: the demo corpus, analysed now)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--as-of", default="2025-01-15")
    args = ap.parse_args()
    import uvicorn

    from rasd.interfaces.server import server_config
    from rasd.interfaces.web import create_app
    from rasd.interfaces.webapp.headless import Browser, find_chromium

    if find_chromium() is None:
        raise SystemExit("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="rasd-shots-") as tmp:
        db = args.db
        if db is None:
            from rasd.pipeline import analyze

            db = Path(tmp) / "demo.db"
            analyze([str(CORPUS)], db_path=db, out_dir=Path(tmp) / "out", as_of=args.as_of, progress=False,
                    report=False)  # fmt: skip
        app = create_app(db_path=db, as_of=args.as_of)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        server = uvicorn.Server(server_config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        args.out.mkdir(parents=True, exist_ok=True)
        try:
            with Browser(width=1280, height=900) as b:
                todo = pages(app)
                for name, path, script in todo:
                    b.goto(f"http://127.0.0.1:{port}{path}")
                    if script:
                        b.eval(script)
                    b.screenshot(args.out / f"web-{name}.png")
                    print(f"web-{name}.png  {path}")
                if b.errors:
                    print("console errors:", *b.errors, sep="\n  ", file=sys.stderr)
                missing = {"incident", "disagreement", "thread"} - {n for n, _, _ in todo}
                if missing:
                    print(f"the store has no {', '.join(sorted(missing))}: those pages were not shot", file=sys.stderr)
        finally:
            server.should_exit = True


if __name__ == "__main__":
    main()
