"""What an update reuses from the store, so that adding a batch costs the batch, not the corpus.

Batch order must never change the result, so after every batch the corpus-level stages
(entity linking, speakers, the story step) run over every stored document and the view
tables are replaced (``pipeline.analyze``). Doing the per-document work again for every
stored document would make each update cost a full run, so what does not change is cached
in the store:

- each document's annotations as the annotators left them (linking later edits them in
  place), by content hash, with ``annotator_fingerprint``: a document is annotated once,
  and again only after the annotators' code or resources change;
- what the story step reads from each article, its figures, and the stance model's answer and word-level
  bound for each pair of claim texts, by a digest of everything they depend on
  (``StoryCache``): an update reads again only the articles whose inputs changed (new ones,
  and those whose mentions linking now groups differently — a renamed entity alone does not
  count, ``_doc_key``) and compares and bounds only new pairs.

The cached annotations are fetched at once and decoded (``CachedCorpus``) on a helper thread
while the new documents are annotated (``pipeline._meanwhile``). Everything else of the
corpus-level stages (linking, incidents, threads, conflict blocking, export) runs over the
whole store on every update: see docs/monitoring.md for its cost.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import inspect
import json
import re
import types
import typing
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from rasd.ids import digest
from rasd.models import DocAnalysis, Document
from rasd.parallel import forked
from rasd.store import Store
from rasd.store.shared import analyses_from_blobs
from rasd.story import figure_cache, stance
from rasd.story import stage as story
from rasd.story.figure_cache import report_parts
from rasd.story.figures import Article, Value, article_values
from rasd.story.incidents import Report
from rasd.text import fold
from rasd.text.encoder import ENCODER_NAME

# what the annotators' output depends on besides the document: their code and the resources
# (all of them, but the labels only the interfaces show: editing those must not re-annotate)
_FINGERPRINT_DIRS = ("annotators", "resources", "text", "temporal")
_FINGERPRINT_FILES = ("models.py",)
_LABELS_ONLY = frozenset({"resources/report", "resources/web", "resources/news", "resources/exports"})
SAVE_EVERY = 256  # annotated documents cached per transaction while annotation runs


@cache
def _code_digest(dirs: tuple[str, ...] = _FINGERPRINT_DIRS, names: tuple[str, ...] = _FINGERPRINT_FILES) -> str:
    """Digest of the package's files under ``dirs`` and of ``names``: their code and resources."""
    root = Path(__file__).resolve().parent
    files = sorted(
        p for d in dirs for p in (root / d).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.parent.relative_to(root).as_posix() not in _LABELS_ONLY
    )  # fmt: skip
    files += [root / f for f in names]
    h = hashlib.blake2b(digest_size=16)
    for p in files:
        h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


def annotator_fingerprint(annotators: Sequence[tuple[str, Callable[..., Any] | None]]) -> str:
    """Identity of the annotators that would run now: their names and callables, their code
    and resources. A cached annotation made under another fingerprint is not used."""
    names = [f"{n}={getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}" for n, fn in annotators if fn]
    return digest(_code_digest(), *names, n=32)


class CachedCorpus:
    """One ``DocAnalysis`` per document of ``docs``, from the store's cache where it holds one.

    The cached bytes are fetched at once and decoded by ``decode``, which an update runs on a
    helper thread while the new documents are annotated (``parallel.Meanwhile``); ``todo`` (the
    documents without a cached annotation: new ones, or all after the annotators changed, in
    the order of ``docs``) is known before that. ``analyses`` gives them all, in that order.
    """

    def __init__(self, store: Store, docs: Sequence[Document], fingerprint: str) -> None:
        self.docs = list(docs)
        self._blobs = store.annotation_blobs(self.docs, fingerprint)
        self.todo = [DocAnalysis(doc=d) for d in self.docs if d.id not in self._blobs]
        self._decoded: dict[str, DocAnalysis] | None = None

    def decode(self) -> None:
        if self._decoded is None:
            with collector_paused():
                self._decoded = analyses_from_blobs(self.docs, self._blobs)
            self._blobs = {}

    def analyses(self) -> list[DocAnalysis]:
        self.decode()
        assert self._decoded is not None
        fresh = {da.doc.id: da for da in self.todo}
        return [self._decoded.get(d.id) or fresh[d.id] for d in self.docs]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while a block builds many objects and no cycles (decoded JSON:
    trees only): each collection walked the growing heap again, for no garbage."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_FAILED = re.compile(r"failed on (d_[0-9a-f]+)")


def failed_ids(errors: Sequence[tuple[str, str]]) -> set[str]:
    """Documents an annotator or the story step failed on (``… failed on d_…``): their partial
    results are not cached, so a failure that does not recur (a lost worker) is not kept."""
    return {m.group(1) for _, msg in errors for m in _FAILED.finditer(msg)}


class AnnotationSaver:
    """A progress ``tick`` that also caches the documents annotated so far, every ``every``.

    Annotation reports progress in input order once a batch is complete, so ``das[:done]``
    are finished when ``tick(done)`` comes: a run stopped midway keeps what it annotated.
    Documents an annotator failed on (see ``failed_ids``; ``errors`` is the run's list) are
    not cached.
    """

    def __init__(
        self, store: Store, das: Sequence[DocAnalysis], fingerprint: str,
        tick: Callable[[int], None] | None = None, every: int = SAVE_EVERY,
        errors: Sequence[tuple[str, str]] = (),
    ) -> None:  # fmt: skip
        self.store, self.das, self.fingerprint, self.tick, self.every = store, das, fingerprint, tick, every
        self.errors, self.first_error = errors, len(errors)
        self.saved = 0

    def __call__(self, done: int) -> None:
        if self.tick is not None:
            self.tick(done)
        if done - self.saved >= self.every:
            self.flush(done)

    def flush(self, done: int | None = None) -> None:
        done = len(self.das) if done is None else done
        if done > self.saved:
            failed = failed_ids(self.errors[self.first_error :])
            self.store.save_annotations([da for da in self.das[self.saved : done] if da.doc.id not in failed], self.fingerprint)
            self.saved = done


@cache
def _file_digest(path: str) -> str:
    return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()


class StoryCache:
    """The store's ``results`` for one run of the story step: looked up in bulk, new ones kept
    in memory and saved by ``flush``, which also drops the results this run did not use (a
    result nobody asked for is one whose inputs no longer occur), so the cache never grows
    past what the store needs.

    Results of four kinds, keyed by a digest of everything they depend on:

    - ``doc:`` what the story step reads from one article (its events, claim records and
      commitments: ``story.stage.PerDoc``), keyed by the story code and resources, ``as_of``,
      the document, its annotations after linking, and the entity ids its unlinked mentions
      would get (the only corpus-wide input of that step);
    - ``cmp:`` the stance model's probabilities for one pair of claim texts, keyed by the
      model file, whether the sentence encoder is used, and both texts;
    - ``bnd:`` the model's word-level ceiling on ``disagree`` for one pair (same key parts),
      which the claim comparison asks of every candidate pair before it decides what to
      compare: an update bounds only the pairs it has not met before;
    - ``fig:`` an article's figures (``figures``): its ``doc:`` key and what the figure
      reader reads of its reports (``story.figure_cache``).
    """

    def __init__(self, store: Store, errors: Sequence[tuple[str, str]] = ()) -> None:
        self.store, self.errors = store, errors
        self.mark = uuid.uuid4().hex  # this run, for the sweep
        self.new: dict[str, bytes] = {}
        self.complete = False  # set when the story step ran to its end without error
        self.counts: Counter[str] = Counter()  # "doc reused", "doc computed", "cmp reused", …
        self.doc_keys: dict[str, str] = {}  # document id -> its ``doc:`` key this run (``figures``)

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        known = {k: self.new[k] for k in keys if k in self.new}
        known.update(self.store.load_results([k for k in keys if k not in known], self.mark))
        for k in keys:
            self.counts[f"{k[:3]} {'reused' if k in known else 'computed'}"] += 1
        return known

    def flush(self) -> None:
        if self.new:
            self.store.save_results(self.new, self.mark)
            self.new = {}
        if self.complete:
            self.store.sweep_results(self.mark)

    # ------------------------------------------------------------------ per article

    def story_kwargs(self, build: Callable[..., Any] | None, hook: Any) -> dict[str, Any]:
        """Keyword arguments for the story stage: the cached per-document step when it takes one."""
        params = inspect.signature(build).parameters if build is not None else {}
        if "per_document" not in params:
            return {"per_document": hook} if hook is not None else {}
        return {"per_document": self.per_document(hook), **({"figures": self.figures} if "figures" in params else {})}

    def figures(self, arts: Sequence[tuple[Sequence[Report], Article]]) -> list[list[Value]]:
        """Each article's figures (``figures.article_values``), from the cache where its ``fig:``
        key is met: its ``doc:`` key (the article and its annotations, ``as_of``, the story code)
        and what the figure reader reads of its reports (``figure_cache.report_parts``). An
        article whose ``doc:`` key this run did not make is read again, not cached."""
        keys = [("fig:" + digest(k, report_parts(r), n=32)) if (k := self.doc_keys.get(a.doc)) else "" for r, a in arts]
        got = self.get([k for k in keys if k])
        out: list[list[Value]] = []
        for (reports, art), k in zip(arts, keys, strict=True):
            if k in got:
                out.append(figure_cache.decode(got[k], reports))
                continue
            values = article_values(reports, art)
            if k:
                self.new[k] = figure_cache.encode(values, reports)
            out.append(values)
        return out

    def per_document(self, inner: Any = None) -> Callable[[list[DocAnalysis], dict[str, str], str, int], list[Any]]:
        """The story step's per-document pass (``inner``, else the stage's own) answered from
        the cache where it can be: only the articles whose inputs changed are read again."""
        compute = inner or story._per_document_all
        types = typing.get_args(story.PerDoc)
        fp = _code_digest(_STORY_DIRS, _STORY_FILES)

        def run(ordered: list[DocAnalysis], names: dict[str, str], as_of: str, workers: int) -> list[Any]:
            # keys and packing in ``workers`` forked processes too: in this process alone they
            # were a serial stretch of the story stage with the workers idle (same bytes)
            keyed: list[tuple[str, dict[str, str]]] = forked(
                _keys_range, (ordered, fp, names, as_of), len(ordered), workers=workers, chunk=PACK_CHUNK
            )
            keys = [k for k, _ in keyed]
            self.doc_keys.update((da.doc.id, k) for da, k in zip(ordered, keys, strict=True))
            got = self.get(keys)
            todo = [i for i, k in enumerate(keys) if k not in got]
            out: list[Any] = [None] * len(ordered)
            if todo:
                first = len(self.errors)
                fresh = compute([ordered[i] for i in todo], names, as_of, workers)
                failed = failed_ids(self.errors[first:])
                local = [keyed[i][1] for i in todo]
                packed: list[bytes] = forked(_pack_range, (fresh, local), len(fresh), workers=workers, chunk=PACK_CHUNK)
                for i, r, b in zip(todo, fresh, packed, strict=True):
                    out[i] = r
                    if ordered[i].doc.id not in failed:
                        self.new[keys[i]] = b  # packed now: the story step edits its results later
            for i, k in enumerate(keys):
                if out[i] is None:
                    back = {ph: eid for eid, ph in keyed[i][1].items()}
                    data = _unpack(got[k], back)
                    out[i] = tuple(_dec(t, x) for t, x in zip(types, data, strict=True))
            return out

        return run

    # ------------------------------------------------------------------ claim pairs

    def _per_pair(self, keys: Sequence[str], pairs: Sequence[tuple[str, str]],
                  compute: Callable[[Sequence[tuple[str, str]]], Sequence[Any]]) -> list[Any]:
        """One cached value per pair (``keys[i]`` is pair ``i``'s): the cache's where it holds
        one, else ``compute`` of the missing pairs, each once, stored as new."""  # fmt: skip
        known = self.get(keys)
        todo: dict[str, int] = {}  # each missing pair once
        for i, k in enumerate(keys):
            if k not in known:
                todo.setdefault(k, i)
        if todo:
            for k, v in zip(todo, compute([pairs[i] for i in todo.values()]), strict=True):
                known[k] = self.new[k] = _pack(v)
        return [_unpack(known[k]) for k in keys]

    @contextmanager
    def comparisons(self) -> Iterator[None]:
        """While open, the stance model answers (and bounds, ``bnd:``) the pairs it answered
        (bounded) before from the cache, and says which pairs those are (``answered``: the claim comparison then sends only the
        other pairs' texts to the sentence encoder ahead of time, ``story.ahead.Reader``).

        The loaded model's ``predict_proba`` is wrapped for the duration (the model object is
        the process-wide one of ``story.stance.load_model``), so the story code needs no
        change. Probabilities go through JSON, whose floats round-trip exactly.
        """
        model = stance.load_model()
        if model is None:
            yield
            return
        ident = digest(_file_digest(str(stance.MODEL_PATH)), ENCODER_NAME if model.uses_encoder() else "-", n=32)
        compute = model.predict_proba

        def key(a: str, b: str) -> str:
            return "cmp:" + digest(ident, a, b, n=32)

        def predict_proba(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
            return self._per_pair([key(a, b) for a, b in pairs], pairs, compute)

        compute_bound = model.disagree_bound

        def disagree_bound(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
            """The word-level ceiling on ``disagree`` of each pair (what the claim comparison
            asks of every candidate pair, before it decides which to compare), cached: a
            pair's bound depends on its texts and the model alone (``bnd:`` keys)."""
            keys = ["bnd:" + digest(ident, a, b, n=32) for a, b in pairs]
            return np.array(self._per_pair(keys, pairs, lambda ps: [float(v) for v in compute_bound(ps)]), dtype=float)

        def answered(pairs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
            """The pairs the cache answers: their texts need no encoding ahead (``story.ahead``)."""
            keys = [key(a, b) for a, b in pairs]
            have = self.store.has_results([k for k in keys if k not in self.new])
            return {p for p, k in zip(pairs, keys, strict=True) if k in have or k in self.new}

        model.predict_proba = predict_proba  # type: ignore[method-assign]
        model.disagree_bound = disagree_bound  # type: ignore[method-assign]
        model.answered = answered  # type: ignore[attr-defined]
        try:
            yield
        finally:
            del model.predict_proba  # the class's methods again
            del model.disagree_bound
            del model.answered  # type: ignore[attr-defined]


@contextmanager
def story_cache(store: Store, errors: Sequence[tuple[str, str]] = ()) -> Iterator[StoryCache]:
    """A ``StoryCache`` with the stance model's answers cached while open; saved on a clean exit.
    ``errors`` is the run's error list (articles the story step failed on are not cached)."""
    sc = StoryCache(store, errors)
    with sc.comparisons():
        yield sc
    sc.flush()


# the story step's per-document results depend on these (besides the article itself)
_STORY_DIRS = ("annotators", "resources", "text", "temporal", "story")
_STORY_FILES = ("models.py", "ids.py")


def _local_ids(da: DocAnalysis) -> dict[str, str]:
    """The article's entity ids (its mentions', then its quote speakers') -> article-local
    names (``\x00`` + the order each first appears), which no text can hold (``repr`` escapes
    a NUL): a cached reading keeps which mentions are one entity, not what linking named it."""
    out: dict[str, str] = {}
    for eid in [m.entity for m in da.entities] + [q.speaker.entity for q in da.quotes]:
        if eid and eid not in out:
            out[eid] = f"\x00{len(out)}"
    return out


def _doc_key(fp: str, da: DocAnalysis, names: dict[str, str], as_of: str) -> tuple[str, dict[str, str]]:
    """The ``doc:`` key of one article and its ``_local_ids``: ``repr`` of its ``DocAnalysis``
    (the document and every annotation after linking, all fields in order; four times cheaper
    than JSON and exact for floats) with each entity id written article-locally, plus the
    entity ids its unlinked mentions would be given (``names.get(fold(text))``).

    Linking renames an entity when a new article gives a fuller name or tips its type (ids
    derive from both): written locally, an old article whose mentions are grouped as before
    is not read again for it; its cached results get the new ids (``_swap``)."""
    local = _local_ids(da)
    text = _localise(repr(da), local)
    unlinked = sorted({fold(m.text) for m in da.entities if not m.entity})
    return "doc:" + digest(fp, as_of, text, *(f"{k}\x1e{names.get(k, '')}" for k in unlinked), n=32), local


_ENTITY_ID = re.compile(r"e_[0-9a-f]{16}")  # ``ids.make_id("e", …)``


def _localise(text: str, local: dict[str, str]) -> str:
    """``text`` with each entity id of ``local`` replaced by its article-local name, as
    ``str.replace`` of one id after the other gives it, in one pass: with ids of one shape
    (``_ENTITY_ID``, all 18 characters), occurrences never overlap but where one ends right
    before ``_`` (an id's last letter ``e`` beginning another id), and there, or for ids of
    another shape, the replacements are made one after the other."""
    if not local:
        return text
    if not all(_ENTITY_ID.fullmatch(eid) for eid in local):
        return _replace_each(text, local)
    touching = False

    def swap(m: re.Match[str]) -> str:
        nonlocal touching
        if text[m.end() : m.end() + 1] == "_":
            touching = True
        return local.get(m.group(0), m.group(0))

    out = _ENTITY_ID.sub(swap, text)
    return _replace_each(text, local) if touching else out


def _replace_each(text: str, local: dict[str, str]) -> str:
    for eid, ph in local.items():
        text = text.replace(eid, ph)
    return text


PACK_CHUNK = 256  # articles per forked task when keys are computed and results packed


def _keys_range(
    shared: tuple[list[DocAnalysis], str, dict[str, str], str], lo: int, hi: int
) -> list[tuple[str, dict[str, str]]]:
    ordered, fp, names, as_of = shared
    return [_doc_key(fp, da, names, as_of) for da in ordered[lo:hi]]


def _pack_range(shared: tuple[list[Any], list[dict[str, str]]], lo: int, hi: int) -> list[bytes]:
    results, local = shared
    return [_pack(r, m) for r, m in zip(results[lo:hi], local[lo:hi], strict=True)]


def _swap(data: Any, ids: dict[str, str]) -> Any:
    """``data`` (JSON-ready) with every string that is exactly a key of ``ids`` replaced by its
    value, dictionary keys included: entity ids to article-local names and back."""
    if not ids:
        return data
    if isinstance(data, str):
        return ids.get(data, data)
    if isinstance(data, list):
        return [_swap(v, ids) for v in data]
    if isinstance(data, dict):
        return {ids.get(k, k): _swap(v, ids) for k, v in data.items()}
    return data


def _pack(x: Any, ids: dict[str, str] | None = None) -> bytes:
    return zlib.compress(json.dumps(_swap(_enc(x), ids or {}), ensure_ascii=False).encode("utf-8"), 3)


# an article-local name as a whole JSON string ("\u00003"): a NUL is always escaped in JSON,
# and no text holds one, so the pattern meets nothing else
_LOCAL_NAME = re.compile(r'"\\u0000\d+"')


def _unpack(data: bytes, ids: dict[str, str] | None = None) -> Any:
    """The result ``_pack`` made, with each article-local name in ``ids`` written back as its
    entity id: ``_swap`` done on the JSON text before it is parsed (a tenth of the walk's time)."""
    text = zlib.decompress(bytes(data)).decode("utf-8")
    if ids:
        # each name's JSON as ``_pack`` wrote it (``json`` writes a NUL as ``\u0000`` always) -> its
        # id's JSON, made once per article rather than twice parsed and once written per match
        swap = {json.dumps(ph, ensure_ascii=False): json.dumps(eid) for ph, eid in ids.items()}
        text = _LOCAL_NAME.sub(lambda m: swap.get(m.group(0)) or m.group(0), text)
    return json.loads(text)


def _enc(x: Any) -> Any:
    """JSON-ready form of a result: dataclasses with every field (private ones too), sets as
    sorted lists, tuples as lists; ints and floats stay what they were."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _enc(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, set | frozenset):
        return sorted((_enc(v) for v in x), key=repr)
    if isinstance(x, list | tuple):
        return [_enc(v) for v in x]
    if isinstance(x, dict):
        return {k: _enc(v) for k, v in x.items()}
    return x


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dec(tp: Any, data: Any) -> Any:
    """The object ``_enc`` made ``data`` of, rebuilt from the type hint ``tp``.

    Every stored article's results are decoded on an update, so each hint is compiled once
    (``_decoder``); a hint whose values need no conversion decodes to ``data`` itself."""
    dec = _decoder(tp)
    return data if dec is None else dec(data)


_Decoder = Callable[[Any], Any] | None  # None: the value is kept as it is


def _decoder(tp: Any) -> _Decoder:
    """The decoder of hint ``tp``, compiled once per hint (an unhashable hint each time)."""
    try:
        hash(tp)
    except TypeError:
        return _compile(tp)
    return _cached_decoder(tp)


@cache
def _cached_decoder(tp: Any) -> _Decoder:
    return _compile(tp)


def _compile(tp: Any) -> _Decoder:
    """What ``_dec`` does with a value of hint ``tp``: ``None`` and ``Any`` values stay as they
    are; a union with one non-``None`` type is that type (several: as it is); lists, tuples
    (``tuple[X, ...]`` or one hint per item), sets, frozensets and dict values are decoded
    item by item; dataclasses are built from the keys they know, non-init fields set after."""
    if tp is Any:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(args[0]) if len(args) == 1 else None
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        item = _decoder(arg)
        if item is None:
            return None
        return lambda data: None if data is None else [item(v) for v in data]
    if origin is tuple:
        parts = typing.get_args(tp)
        if len(parts) == 2 and parts[1] is Ellipsis:
            one = _decoder(parts[0])
            if one is None:
                return lambda data: None if data is None else tuple(data)
            return lambda data: None if data is None else tuple([one(v) for v in data])
        decs = [_decoder(a) or _same for a in parts]
        return lambda data: None if data is None else tuple([d(v) for d, v in zip(decs, data, strict=True)])
    if origin in (set, frozenset):
        (arg,) = typing.get_args(tp) or (Any,)
        member, kind = _decoder(arg), origin
        if member is None:
            return lambda data: None if data is None else kind(data)
        return lambda data: None if data is None else kind([member(v) for v in data])
    if origin is dict:
        kv = typing.get_args(tp)
        value = _decoder(kv[1] if len(kv) == 2 else Any)
        if value is None:
            return None
        return lambda data: None if data is None else {k: value(v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    return None


def _same(data: Any) -> Any:
    return data


# a dataclass's fields: (init ones, init ones decoded, non-init ones and their decoders)
_Plan = tuple[frozenset[str], tuple[tuple[str, Callable[[Any], Any]], ...], tuple[tuple[str, _Decoder], ...]]


def _dataclass_decoder(cls: type) -> Callable[[Any], Any]:
    """Decoder of a dataclass: its init fields that ``data`` holds, each through its own
    decoder, into the constructor, then its non-init fields that ``data`` holds. The field
    decoders are compiled on first use, so a dataclass that holds itself compiles. A dict
    whose keys are all init fields is copied whole and only the fields that need it are
    decoded in the copy (``None`` needs no decoding)."""
    plan: list[_Plan] = []

    def compile_fields() -> None:
        hints = _hints(cls)
        fields = dataclasses.fields(cls)
        init = [(f.name, _decoder(hints[f.name])) for f in fields if f.init]
        later = tuple((f.name, _decoder(hints[f.name])) for f in fields if not f.init)
        plan.append((frozenset(n for n, _ in init), tuple((n, d) for n, d in init if d is not None), later))

    def build(data: Any) -> Any:
        if data is None:
            return None
        if not plan:
            compile_fields()
        names, decoded, later = plan[0]
        fast = data.__class__ is dict and data.keys() <= names
        kwargs = data.copy() if fast else {n: data[n] for n in names if n in data}
        for n, dec in decoded:
            v = kwargs.get(n)
            if v is not None:
                kwargs[n] = dec(v)
        obj = cls(**kwargs)
        if not fast:
            for n, d in later:
                if n in data:
                    setattr(obj, n, data[n] if d is None else d(data[n]))
        return obj

    return build
