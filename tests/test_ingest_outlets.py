"""Where a page names its own outlet, with the words for it read from resource files.

The self-reference words ("محتوى X", "موقع X") are ``ingest/self_reference_words.txt``; the
"told to" proclitic (لـ«X») and the conjunction joining a source list are the shared
proclitics (``ar/morphology/proclitics.tsv``). The sentences here are written for the test.
"""

from __future__ import annotations

from rasd.ingest import outlets
from rasd.interfaces.exports.geo import _is_outlet_name
from rasd.resources import load_lines
from rasd.text.clitics import conjunctions, proclitic


def _outlet() -> str:
    """An Arabic outlet name of the outlet list, with its canonical name (no fixed name here)."""
    for canonical, variant, weak in outlets.variants():
        if not weak and not variant.isascii() and outlets.canonical(variant, allow_weak=False) == canonical:
            return canonical
    raise AssertionError("no Arabic outlet in entities/outlets.tsv")


def test_every_self_reference_word_names_the_outlet() -> None:
    name = _outlet()
    words = load_lines(outlets.SELF_REFERENCE_FILE)
    assert len(words) >= 3
    for w in words:
        assert outlets.from_text(f"للاشتراك في نشرة {w} {name} اضغط هنا") == name, w
    assert outlets.from_text(f"تحدث الوزير عن {name} مطولا") is None  # a name in running text is no outlet


def test_told_to_the_outlet() -> None:
    name = _outlet()
    to = proclitic("to")
    assert outlets.from_text(f"وقال مصدر {to}ـ«{name}» إن الاجتماع انتهى") == name
    assert outlets.from_text(f'وقال مصدر {to} "{name}" إن الاجتماع انتهى') == name


def test_a_source_list_splits_on_commas_and_the_conjunction() -> None:
    name = _outlet()
    assert outlets.from_sources(f"وكالات {proclitic('and')}{name}") == name
    assert outlets.from_sources(f"صحافة محلية، {name}") == name
    assert outlets.from_sources("صحافة محلية") is None


def test_the_map_export_reads_a_name_behind_a_proclitic() -> None:
    name = _outlet()
    known = frozenset({outlets.key(name)})
    for p in (proclitic("to"), *conjunctions()):
        assert _is_outlet_name(f"{p}{name}", known), p
    assert not _is_outlet_name(f"{proclitic('by')}{name}", frozenset())  # only to/and/so are read off
