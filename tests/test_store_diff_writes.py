"""An update writes only what changed (issue 14, item 2): ``save_analysis`` leaves unchanged
mention and view rows alone, deletes the view rows that no longer hold and rewrites the
changed ones, and the store then holds exactly what a fresh save of the same analysis holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rasd.models import (
    DocAnalysis,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Published,
    Views,
)
from rasd.store.shared import VIEW_TABLES
from rasd.store.sqlite import SQLiteStore

TEXT = "أعلنت وزارة الصحة في مدينة الموصل افتتاح مستشفى جديد للأطفال بحضور محافظ نينوى وعدد من المسؤولين."


def _doc(i: str) -> Document:
    return Document(
        id=i, source=f"{i}.txt", part=0, title="مستشفى جديد", outlet=None,
        published=Published("2025-03-02", "day", "dateline", 0.9), language="ar", text=TEXT,
    )  # fmt: skip


def _analysis(doc: Document, entity: str) -> DocAnalysis:
    da = DocAnalysis(doc)
    s = TEXT.index("الموصل")
    da.entities.append(EntityMention(doc.id, s, s + 6, "الموصل", "GPE", entity=entity, source="gazetteer"))
    return da


def _views(*ents: Entity) -> Views:
    ev = Event("v_1", "OPENING", EventDate("2025-03-02", "day"), place="e_1", evidence=[Evidence("d_1", 0, 10)])
    return Views(entities=list(ents), events=[ev])


def _rows(path: Path) -> dict[str, list[tuple[str, str]]]:
    db = sqlite3.connect(path)
    try:
        out = {t: db.execute(f"SELECT id, json FROM {t} ORDER BY id").fetchall() for t, _ in VIEW_TABLES}
        out["mentions"] = db.execute('SELECT doc, kind, start, "end", json FROM mentions ORDER BY doc, start').fetchall()
        return out
    finally:
        db.close()


def test_update_writes_only_the_difference_and_ends_as_a_fresh_save(tmp_path: Path) -> None:
    mosul = Entity("e_1", "GPE", "الموصل", docs=["d_1"], mentions=1)
    nineveh = Entity("e_2", "GPE", "نينوى", docs=["d_1"], mentions=1)
    docs = [_doc("d_1"), _doc("d_2")]
    store = SQLiteStore(tmp_path / "u.db")
    store.add_documents(docs)
    store.save_analysis([_analysis(docs[0], "e_1"), _analysis(docs[1], "e_1")], _views(mosul, nineveh))

    before = store.db.total_changes
    store.save_analysis([_analysis(docs[0], "e_1"), _analysis(docs[1], "e_1")], _views(mosul, nineveh))
    assert store.db.total_changes == before  # nothing changed: nothing written

    # e_1 renamed, e_2 gone, e_3 new; d_2's mention now links to e_3, d_1's is as it was
    renamed = Entity("e_1", "GPE", "مدينة الموصل", aliases=["الموصل"], docs=["d_1"], mentions=1)
    baghdad = Entity("e_3", "GPE", "بغداد", docs=["d_2"], mentions=1)
    new_das, new_views = [_analysis(docs[0], "e_1"), _analysis(docs[1], "e_3")], _views(renamed, baghdad)
    before = store.db.total_changes
    store.save_analysis(new_das, new_views)
    # entities: e_2 deleted, e_1 and e_3 written; mentions: only d_2's row and digest
    assert store.db.total_changes - before == 3 + 3
    assert store.load_views() == new_views
    assert store.load_mentions().entities == [m for da in new_das for m in da.entities]
    store.close()

    fresh = SQLiteStore(tmp_path / "f.db")
    fresh.add_documents(docs)
    fresh.save_analysis(new_das, new_views)
    fresh.close()
    assert _rows(tmp_path / "u.db") == _rows(tmp_path / "f.db")
