"""A document's text as HTML: evidence in ``<mark>`` at its exact offsets, mentions styled.

Stripping the tags and unescaping gives back the text exactly (the tests check it), so a
reader sees the article as it was cleaned, and every link lands on the characters cited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from markupsafe import Markup, escape

EXCERPT_PAD = 160  # characters kept around evidence in documents shown as excerpts


def render_text(
    text: str,
    marks: Iterable[tuple[int, int]],
    layers: Iterable[tuple[int, int, str, str]] = (),
    doc_id: str = "",
    offset: int = 0,
    anchors: Iterable[tuple[int, int]] = (),
) -> Markup:
    """``text`` as HTML with evidence spans in ``<mark>`` and entity mentions styled.

    Spans may overlap, so the text is cut at every span boundary into segments; a segment
    covered by evidence is a ``<mark>`` carrying its own offsets (``data-s``/``data-e``),
    and an empty anchor ``<a id>`` is placed where each evidence span starts. Stripping
    the tags and unescaping gives back ``text`` exactly, which the tests check. ``offset``
    is added to every emitted offset when ``text`` is a slice of the document. Layer
    spans carry their offsets too, and ``anchors`` (e.g. an entity's first mention) get
    an ``<a id>`` like evidence, so a link can land on a mention that is not evidence.
    """
    n = len(text)
    spans = sorted({(s, e) for s, e in marks if 0 <= s < e <= n})
    lays = sorted({(s, e, c, t) for s, e, c, t in layers if 0 <= s < e <= n})
    # sweep over the boundaries keeping the spans and layers open there: linear in the
    # spans, however many mentions a long document has
    opens: dict[int, list[tuple[int, int]]] = defaultdict(list)
    closes: dict[int, int] = defaultdict(int)
    for s, e in spans:
        opens[s].append((s, e))
        closes[e] += 1
    extra: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, e in sorted({(s, e) for s, e in anchors if 0 <= s < e <= n} - set(spans)):
        extra[s].append((s, e))
    lay_open: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    lay_close: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for lay in lays:
        lay_open[lay[0]].append(lay)
        lay_close[lay[1]].append(lay)
    bounds = sorted({0, n, *opens, *closes, *lay_open, *lay_close, *extra})
    active = 0
    active_lays: set[tuple[int, int, str, str]] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active += len(opens.get(a, ())) - closes.get(a, 0)
        active_lays.difference_update(lay_close.get(a, ()))
        active_lays.update(lay_open.get(a, ()))
        for s, e in [*opens.get(a, ()), *extra.get(a, ())]:
            out.append(f'<a class="ev-anchor" id="{escape(doc_id)}-{s + offset}-{e + offset}"></a>')
        seg = str(escape(text[a:b]))
        if active_lays:
            _, _, cls, title = min(active_lays)
            seg = (
                f'<span class="{escape(cls)}" title="{escape(title)}" data-s="{a + offset}" '
                f'data-e="{b + offset}">{seg}</span>'
            )
        if active:
            seg = f'<mark data-s="{a + offset}" data-e="{b + offset}">{seg}</mark>'
        out.append(seg)
    return Markup("".join(out))


def render_excerpts(
    text: str,
    marks: Iterable[tuple[int, int]],
    layers: Iterable[tuple[int, int, str, str]] = (),
    doc_id: str = "",
    pad: int = EXCERPT_PAD,
) -> Markup:
    """Only the parts of ``text`` around evidence (``pad`` characters either side, merged),
    with a gap marker between them: how documents past ``max_docs`` are shown, so every
    evidence link still lands on its marked span while the file stays small."""
    spans = sorted({(s, e) for s, e in marks if 0 <= s < e <= len(text)})
    windows: list[list[int]] = []
    for s, e in spans:
        a, b = max(0, s - pad), min(len(text), e + pad)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    lays = list(layers)
    gap = '<span class="gap" aria-hidden="true"> … </span>'
    out: list[str] = []
    for a, b in windows:
        if a > 0 and not out:
            out.append(gap)
        piece = render_text(
            text[a:b],
            [(s - a, e - a) for s, e in spans if a <= s and e <= b],
            [(max(s, a) - a, min(e, b) - a, c, t) for s, e, c, t in lays if s < b and e > a],
            doc_id,
            offset=a,
        )
        out.append(str(piece))
        if b < len(text):
            out.append(gap)
    return Markup("".join(out))
