"""The import structure of ``rasd``, read from the source with ``ast`` (nothing is imported).

Data flows one way (docs/architecture.md), so imports do too. Every module has a rank:

- libraries, below every stage: ``text``, ``temporal``, ``resources``, ``models``, ``ids``
  and the stage-free helpers ``progress``, ``meter``, ``parallel`` (the story stage uses
  ``parallel``, so it cannot sit above the stages);
- the stages, in order: ingest → annotators → resolve → story → store → views → interfaces;
- orchestration, above the stages: ``stages`` (the registry), ``pipeline``, ``incremental``,
  ``parallel_dask``;
- the command line (``interfaces.cli``), the entry point above everything.

A module imports only modules of its own rank or lower; there are no import cycles; and
``rasd`` imports sit at module level (``if``/``try`` blocks included), apart from the few in
``INNER`` whose reason is written beside them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

LIBRARIES = ("text", "temporal", "resources", "models", "ids", "progress", "meter", "parallel")
STAGES = ("ingest", "annotators", "resolve", "story", "store", "views", "interfaces")
ORCHESTRATION = ("stages", "pipeline", "incremental", "parallel_dask")
ENTRY = "rasd.interfaces.cli"

# (importer, imported) -> why the import waits inside a function
INNER: dict[tuple[str, str], str] = {
    ("rasd.store.base", "rasd.store.sqlite"): "open_store picks a backend when a store is opened: the backends "
    "import base (a cycle at module level), and `import rasd.store` stays light for readers (no numpy/datasketch)",
    ("rasd.store.base", "rasd.store.postgres"): "as for sqlite; the PostgreSQL backend also needs psycopg (an extra)",
    ("rasd.interfaces.cli.core", "rasd.pipeline"): "the pipeline pulls every stage (numpy, scipy, datasketch, "
    "trafilatura): loaded when `analyze`/`ingest` run, so `rasd --help`, `search`, `show` start quickly",
    ("rasd.interfaces.cli.core", "rasd.parallel_dask"): "as rasd.pipeline (it imports every stage): only with --dask",
    ("rasd.interfaces.cli.watch", "rasd.pipeline"): "as for cli.core: loaded when the watcher starts",
    ("rasd.interfaces.cli.serve", "rasd.interfaces.web"): "fastapi, starlette, pydantic: loaded only by `rasd serve`",
    ("rasd.interfaces.cli.serve", "rasd.interfaces.server"): "uvicorn and h11: loaded only by `rasd serve`",
}


@dataclass(frozen=True)
class Import:
    importer: str
    target: str
    line: int
    inner: bool  # inside a function or class body, not at module level


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted((SRC / "rasd").rglob("*.py")):
        parts = p.relative_to(SRC).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


MODULES = _modules()


def _owner(name: str) -> str:
    """The module ``name`` lives in (``rasd.models.Document`` -> ``rasd.models``)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _module_level(tree: ast.Module) -> set[int]:
    """ids of the import nodes at module level, in top-level ``if``/``try`` blocks too."""
    out: set[int] = set()
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            out.add(id(node))
        elif isinstance(node, ast.If | ast.Try):
            todo += [*node.body, *node.orelse, *getattr(node, "finalbody", []), *(s for h in getattr(node, "handlers", []) for s in h.body)]
    return out


def _imports() -> list[Import]:
    out = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        top = _module_level(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
            else:
                continue
            for t in dict.fromkeys(targets):
                if t == "rasd" or t.startswith("rasd."):
                    target = _owner(t)
                    if target != name:
                        out.append(Import(name, target, node.lineno, id(node) not in top))
    return out


IMPORTS = _imports()


def rank(module: str) -> int:
    """0 library, 1..len(STAGES) the stages in order, then orchestration, then the command line."""
    if module == ENTRY or module.startswith(ENTRY + "."):
        return len(STAGES) + 2
    part = module.split(".")[1] if "." in module else ""
    if module == "rasd" or part in LIBRARIES:
        return 0
    if part in STAGES:
        return 1 + STAGES.index(part)
    if part in ORCHESTRATION:
        return len(STAGES) + 1
    raise AssertionError(f"{module} has no place in the layers: add it to LIBRARIES, STAGES or ORCHESTRATION")


def test_every_module_has_a_place() -> None:
    for m in MODULES:
        rank(m)


def test_no_import_cycles() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in IMPORTS:
        if (i.importer, i.target) not in INNER:
            edges[i.importer].add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(MODULES):
        if v not in index:
            visit(v)
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_no_module_imports_a_later_layer() -> None:
    back = sorted(
        f"{i.importer}:{i.line} imports {i.target}" for i in IMPORTS if rank(i.target) > rank(i.importer)
    )
    assert back == [], "imports of a later stage or of what runs the stages:\n" + "\n".join(back)


def test_rasd_imports_are_at_module_level() -> None:
    inner = sorted(
        f"{i.importer}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.inner and (i.importer, i.target) not in INNER
    )
    assert inner == [], "rasd imports inside functions (move them to the top, or add them to INNER with why):\n" + "\n".join(inner)


def test_every_allowed_inner_import_is_still_there() -> None:
    """A stale entry would let a new inner import through unnoticed: the list stays exactly what is needed."""
    used = {(i.importer, i.target) for i in IMPORTS if i.inner}
    assert sorted(set(INNER) - used) == []
    assert all(len(why) > 20 for why in INNER.values())
