"""The stance model asked ahead: its word-level bound remembered per pair, and the sentence
encoder reading the texts that will need it on a helper thread while this one goes on.

Why: on two cores the story stage's corpus step was one Python thread (incidents, the
bounds of candidate claim pairs) followed by the encoder (C, two OpenMP threads), so one
core idled through the first part. ``Reader`` sends the texts of each pair whose bound
passes to the encoder (``parallel.Ahead``) as soon as the bound is known: while the bounds
of the next pairs, and incident resolution, are computed here (``story.stage`` bounds the
pairs its commitment threads already admit before it resolves incidents, then the rest).
What is read ahead only fills the encoder's cache, whose rows do not depend on the batch or
the thread, and a bound does not depend on the other pairs: the output is the same. On a
Dask cluster (``rasd analyze --dask``) the texts are encoded as tasks on the workers instead
(``parallel_dask.encode_on_dask``) and their rows kept here (``SentenceEncoder.remember``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Protocol

from rasd.parallel import Ahead
from rasd.text.encoder import SentenceEncoder, get_encoder

BOUND_CHUNK = 256  # pairs bounded at a time, the texts of those kept sent on before the next
ENCODE_CHUNK = 8  # texts per encoder call (the two threads share the last calls)

Pair = tuple[str, str]


class Fill(Protocol):
    """Fills an encoder's cache with the texts ``put`` (a list at a time), in the background;
    after ``finish`` every text put is cached. A context manager (``parallel.Ahead`` is one)."""

    def put(self, item: list[str]) -> None: ...
    def finish(self) -> None: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> Any: ...


# what fills the encoder's cache: a helper thread here (default), or a cluster (``parallel_dask``)
FillOn = Callable[[SentenceEncoder], Fill]


def _here(encoder: SentenceEncoder) -> Fill:
    return Ahead(encoder.encode)


class Reader:
    """Bounds on ``disagree`` for pairs of claim texts, remembered, and the encoder reading
    ahead the texts of the pairs a caller keeps. Use as a context manager; ``finish`` encodes
    what is left on both threads. A model without an encoder model (or none) reads nothing
    ahead; one that cannot bound its answers gets 1.0 for every pair (nothing is skipped).
    ``fill``: where the texts are encoded (default: a helper thread of this process)."""

    def __init__(self, model: Any, fill: FillOn | None = None) -> None:
        self.model = model
        self._bound: Callable[[Sequence[Pair]], Any] | None = getattr(model, "disagree_bound", None)
        uses = getattr(model, "uses_encoder", None)
        encoder = get_encoder() if uses is not None and uses() else None
        self._ahead: Fill | None = (fill or _here)(encoder) if encoder is not None else None
        self._known: dict[Pair, Any] = {}
        self._sent: set[str] = set()
        # pairs whose answer the store already holds (``incremental.StoryCache``): their texts
        # are not encoded ahead, since the model will not read them (an update's old pairs)
        self._answered: Callable[[Sequence[Pair]], set[Pair]] | None = getattr(model, "answered", None)

    def bounds(self, pairs: Sequence[Pair], keep: Callable[[int, float], bool]) -> list[Any]:
        """The model's ceiling on ``disagree`` for each pair (``StanceModel.disagree_bound``,
        numpy floats as it gives them); the texts of each pair ``k`` that ``keep(k, bound)``
        keeps go to the encoder at once. ``BOUND_CHUNK`` pairs at a time, each pair once."""
        out: list[Any] = []
        for lo in range(0, len(pairs), BOUND_CHUNK):
            chunk = pairs[lo : lo + BOUND_CHUNK]
            new = [p for p in dict.fromkeys(chunk) if p not in self._known]
            if new:
                got = list(self._bound(new)) if self._bound is not None else [1.0] * len(new)
                self._known.update(zip(new, got, strict=True))
            vals = [self._known[p] for p in chunk]
            out.extend(vals)
            kept = [p for k, (p, b) in enumerate(zip(chunk, vals, strict=True)) if keep(lo + k, b)]
            if kept and self._ahead is not None and self._answered is not None:
                done = self._answered(list(dict.fromkeys(kept)))
                kept = [p for p in kept if p not in done]
            self.texts([t for p in kept for t in p])
        return out

    def know(self, bounds: Mapping[Pair, Any]) -> None:
        """Bounds computed elsewhere with the same model (a cluster judging claim blocks):
        kept, so ``bounds`` does not compute them again."""
        self._known.update(bounds)

    def texts(self, texts: Sequence[str]) -> None:
        """Send ``texts`` to the encoder (each text once)."""
        if self._ahead is None:
            return
        new = [t for t in dict.fromkeys(texts) if t not in self._sent]
        self._sent.update(new)
        for lo in range(0, len(new), ENCODE_CHUNK):
            self._ahead.put(new[lo : lo + ENCODE_CHUNK])

    def finish(self) -> None:
        """Encode what is left, on this thread beside the helper; then every text sent is cached."""
        if self._ahead is not None:
            self._ahead.finish()

    def __enter__(self) -> Reader:
        if self._ahead is not None:
            self._ahead.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._ahead is not None:
            self._ahead.__exit__(kind, exc, tb)
