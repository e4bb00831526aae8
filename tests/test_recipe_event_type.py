"""The "add an event type" recipe of docs/architecture.md, checked.

A toy type (LOCUSTS, trigger جراد) is added by editing copies of two resource files only:
``events/triggers.tsv`` and ``story/kinds.tsv``. The resource loader has no override, so
the test points ``rasd.resources.read_text`` at the copied folder and clears every
functools cache in ``rasd`` before and after (resource tables are read once and cached).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import rasd.resources
from rasd.annotators import events as ev
from rasd.models import DocAnalysis, Document, Published
from rasd.story import incident_types, reports
from rasd.text import tokenize

TOY, WORD, KIND = "LOCUSTS", "جراد", "locusts"
# self-written: "Locusts swept the villages of the valley yesterday after a dry season."
TEXT = "اجتاح جراد قرى الوادي أمس بعد موسم جاف."
RESOURCES = Path(rasd.resources.__file__).resolve().parent


def _clear_caches() -> None:
    """Forget every resource table read so far (``@cache``/``@lru_cache`` in any rasd module)."""
    for name, mod in list(sys.modules.items()):
        if name != "rasd" and not name.startswith("rasd."):
            continue
        for obj in list(vars(mod).values()):
            clear = getattr(obj, "cache_clear", None)
            if callable(clear) and getattr(obj, "__module__", None) == name:
                clear()


@pytest.fixture
def toy_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the resources with the toy type added, in use for the test's duration."""
    root = tmp_path / "resources"
    shutil.copytree(RESOURCES, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (root / "events" / "triggers.tsv").open("a", encoding="utf-8") as f:
        f.write(f"# --- {TOY} (toy type of tests/test_recipe_event_type.py)\n{WORD}\t{TOY}\tnoun\n")
    with (root / "story" / "kinds.tsv").open("a", encoding="utf-8") as f:
        f.write(f"TYPE:{TOY}\t{KIND}\t{WORD}\tincident\n{WORD}\t{KIND}\t{WORD}\n")
    monkeypatch.setattr(rasd.resources, "read_text", lambda name: (root / name).read_text(encoding="utf-8"))
    _clear_caches()
    yield root
    monkeypatch.undo()
    _clear_caches()


def _analysis(text: str) -> DocAnalysis:
    doc = Document(
        id="d_recipe", source="recipe.txt", part=0, title="", outlet=None,
        published=Published("2024-03-10", "day"), language="ar", text=text,
    )  # fmt: skip
    return DocAnalysis(doc)


def _check_toy_event(da: DocAnalysis) -> None:
    found = [e for e in ev.extract(da) if e.type == TOY]
    assert len(found) == 1, [(e.type, e.trigger) for e in ev.extract(da)]
    event = found[0]
    assert event.trigger == WORD
    # the trigger's offsets (the hit the event was made from) and the event's evidence span
    hits = [h for h in ev.find_triggers([t for t in tokenize(TEXT) if t.is_word]) if h.trigger.type == TOY]
    assert [(h.start, h.end) for h in hits] == [(6, 6 + len(WORD))]
    assert TEXT[hits[0].start : hits[0].end] == event.trigger
    span = event.evidence[0]
    assert (span.doc, span.start, span.end) == ("d_recipe", 0, len(TEXT))
    assert reports.kind_of(event) == (KIND, WORD)
    assert TOY in incident_types()  # its happened reports form incidents (trait in kinds.tsv)


def test_unknown_word_is_no_event_without_the_recipe() -> None:
    """Baseline: with the shipped resources the sentence reports no LOCUSTS."""
    _clear_caches()
    assert not [e for e in ev.extract(_analysis(TEXT)) if e.type == TOY]
    assert TOY not in incident_types() and "ATTACK" in incident_types()


def test_new_event_type_from_resources_alone(toy_resources: Path) -> None:
    _check_toy_event(_analysis(TEXT))

