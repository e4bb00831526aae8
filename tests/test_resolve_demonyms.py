"""The demonym pass of linking reads words without tokens and each distinct word once: it must
find exactly what a token-by-token reading finds (same pairs, same order, same forms)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.annotators.entities import gazetteer as gz
from rasd.models import DocAnalysis, Document, Published
from rasd.resolve.entities import _deletions, _demonym_hits
from rasd.text import fold
from rasd.text.tokens import known_after_proclitics, strip_proclitics, token_texts, tokenize

# words of our own: demonyms bare, with the article, with proclitics, plain words, marks
WORDS = [
    "الفرنسي", "وبريطانية", "للمصريين", "المصريون", "عراقيون", "والأميركية", "فالروسي",
    "قال", "الوزير", "إن", "الوفد", "وصل", "إلى", "العاصمة", "أمس", "،", ".", "«", "»", "2024",
    "الإيـراني", "بالفرنسيّة", "وزارة",
]  # fmt: skip


def reference(das: list[DocAnalysis]) -> dict[str, list[tuple[str, str]]]:
    """The pass as written token by token (what linking did before reading words once)."""
    dem = gz.demonyms()
    known = frozenset(dem)
    out: dict[str, list[tuple[str, str]]] = {}
    for da in das:
        pairs: list[tuple[str, str]] = []
        for t in tokenize(da.doc.text):
            if t.norm in dem:
                pairs.append((dem[t.norm], " ".join(t.text.split())))
            elif known_after_proclitics(t.norm, dem):
                stem = next((s for _, s in strip_proclitics(t.text, known)[1:]), None)
                if stem is not None:
                    pairs.append((dem[fold(stem)], " ".join(stem.split())))
        out[da.doc.id] = pairs
    return out


def doc(doc_id: str, text: str) -> DocAnalysis:
    return DocAnalysis(Document(doc_id, doc_id + ".txt", 0, "", None, Published(), "ar", text))


def test_demonyms_with_and_without_proclitics_are_found_as_tokens_find_them() -> None:
    das = [
        doc("d1", "قال الوزير الفرنسي إن وفدا وبريطانية وصلا، وأكد المصريون ذلك للمصريين."),
        doc("d2", "وصل الوفد الفرنسي أمس؛ والأميركية غابت، وقال عراقيون إن الفرنسي عاد."),
        doc("d3", "لا ذكر لبلد هنا."),
    ]
    got = _demonym_hits(das)
    assert got == reference(das)
    assert [iso for iso, _ in got["d1"]] == ["FR", "GB", "EG", "EG"]
    assert got["d3"] == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=30), min_size=1, max_size=5))
def test_demonym_hits_equal_the_token_reading(docs: list[list[str]]) -> None:
    das = [doc(f"d{i}", " ".join(words)) for i, words in enumerate(docs)]
    assert _demonym_hits(das) == reference(das)


@given(st.text(alphabet="بريطانيةوالف ،.«»ـّ2", max_size=60))
def test_token_texts_are_the_token_texts(text: str) -> None:
    assert token_texts(text) == [t.text for t in tokenize(text)]


@given(st.text(alphabet="ابتثج ", max_size=12))
def test_deletions_are_the_key_and_each_one_letter_shorter_form(k: str) -> None:
    assert _deletions(k) == {k} | {k[:i] + k[i + 1 :] for i in range(len(k))}
