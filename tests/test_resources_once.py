"""Each fact of Arabic lives in one resource file (docs/resources.md).

The rule, on the entries of every word list and table under ``src/rasd/resources`` (each
cell with Arabic letters, ``|``-separated alternatives apart, folded as the engines fold):

1. The shared kinds of knowledge (``ar/``: months, weekdays, numbers, titles, proclitics,
   affixes) have one home: no other file holds 3 or more entries of an ``ar/`` list making
   up a third or more of that file. A stage that needs month names reads them from ``ar/``.
   The named particles (``ar/morphology/particles.tsv``: في، من، عن …) are exempt: a stage's
   list of prepositions for one purpose (the ones before a promise's place) is no copy.
2. No two files are near-copies: no file of 4 or more entries has 90 % or more of them in
   another file. Closed-class words (prepositions, negators) recur across lists for
   different purposes, so a smaller overlap is not a copy.

Pairs known to break a rule are listed below with the reason they are not merged yet; a
pair that no longer overlaps must leave the list, so it only shrinks. Model-derived
vocabularies (word clusters, ANETAC tokens, the gazetteer) are data, not knowledge, and
are left out.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from rasd.resources import arabic, load_table
from rasd.text import clitics, fold

ROOT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "resources"
DATA = frozenset({"entities/clusters.tsv", "entities/anetac_tokens.tsv", "entities/gazetteer.tsv"})
CHARACTERS = frozenset({"text/normalize.tsv"})  # a character table: its cells are letters, not words
PURPOSE_LISTS = frozenset({"ar/morphology/particles.tsv"})  # closed-class words, exempt from rule 1
_ARABIC = re.compile(r"[\u0621-\u064A]")

# rule 1 exceptions: (ar/ list, other file) -> why
KNOWN_SHARED = {
    (
        "ar/calendar/months.tsv",
        "story/months.tsv",
    ): "incident labels' month names; the story stage owns it (derive from the levantine rows)",
    (
        "ar/people/titles.tsv",
        "quotes/honorific_pronouns.tsv",
    ): "maps سموه onto سمو: its value column names titles, it does not copy them",
    (
        "ar/places/compass.txt",
        "entities/compass_regions.tsv",
    ): "which continents have which M49 subregions: a relation over the compass words, not a list of them",
    (
        "ar/morphology/affixes.tsv",
        "quotes/resumptive.tsv",
    ): "maps each relative pronoun onto the object pronoun that points back to it: a relation, not a copy of the pronouns",
}
# rule 2 exceptions: (file, file) -> why
KNOWN_COPIES = {
    ("ar/calendar/months.tsv", "story/months.tsv"): KNOWN_SHARED[
        ("ar/calendar/months.tsv", "story/months.tsv")
    ],
    ("ar/places/compass.txt", "entities/compass_regions.tsv"): KNOWN_SHARED[
        ("ar/places/compass.txt", "entities/compass_regions.tsv")
    ],
    (
        "claims/negation.txt",
        "claims/polarity_negators.txt",
    ): "read by story/claims; a subset with its own use, to become a column",
    (
        "claims/opinion_cues.txt",
        "quotes/verbs.tsv",
    ): "the reporting verbs that give a view (story/claims), a subset of the cues: to become an option of verbs.tsv",
    (
        "claims/sides.tsv",
        "claims/spelling_variants.tsv",
    ): "variant -> canonical table whose canonicals are the sides",
    (
        "claims/spelling_variants.tsv",
        "entities/demonyms.tsv",
    ): "read by story/claims; demonym variants, to fold into demonyms.tsv",
    (
        "entities/countries.tsv",
        "report/countries.tsv",
    ): "the report's short list of country labels (interfaces/report)",
    (
        "entities/function_words.txt",
        "quantities/not_objects.txt",
    ): "story/report_words reads entities/function_words.txt; move both to ar/morphology together",
    (
        "entities/outlet_cues.txt",
        "exports/outlet_words.txt",
    ): "the GeoJSON export's list (interfaces/exports/geo.py) leaves out موقع on purpose",
    (
        "entities/outlet_cues.txt",
        "ingest/masthead_words.tsv",
    ): "outlet words: to become ar/media with a column per use",
    (
        "exports/outlet_words.txt",
        "ingest/masthead_words.tsv",
    ): "outlet words: to become ar/media with a column per use",
    (
        "quotes/complementizers.txt",
        "story/content_openers.txt",
    ): "the story stage's copy (story/ is edited elsewhere)",
}


def _entries(path: Path) -> frozenset[str]:
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for cell in line.split("\t"):
            for alt in cell.split("|"):
                w = " ".join(fold(alt).split())
                if _ARABIC.search(w):
                    out.add(w)
    return frozenset(out)


def _lists() -> dict[str, frozenset[str]]:
    out = {}
    for p in sorted(ROOT.rglob("*")):
        name = p.relative_to(ROOT).as_posix()
        if p.suffix in (".txt", ".tsv") and name not in DATA | CHARACTERS:
            out[name] = _entries(p)
    return out


def _shared_copies(lists: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
    found = set()
    for a, b in itertools.product(lists, lists):
        if a.startswith("ar/") and a not in PURPOSE_LISTS and not b.startswith("ar/") and lists[b]:
            n = len(lists[a] & lists[b])
            if n >= 3 and 3 * n >= len(lists[b]):
                found.add((a, b))
    return found


def _near_copies(lists: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
    found = set()
    for a, b in itertools.combinations(sorted(lists), 2):
        small = min(len(lists[a]), len(lists[b]))
        if small >= 4 and len(lists[a] & lists[b]) >= 0.9 * small:
            found.add((a, b))
    return found


def test_shared_kinds_have_one_home() -> None:
    found = _shared_copies(_lists())
    assert found - set(KNOWN_SHARED) == set(), "these files repeat an ar/ list: read it from ar/ instead"
    assert set(KNOWN_SHARED) - found == set(), "fixed: remove these pairs from KNOWN_SHARED"


def test_no_two_files_hold_the_same_list() -> None:
    found = _near_copies(_lists())
    assert found - set(KNOWN_COPIES) == set(), "these files hold (nearly) the same list: keep it in one"
    assert set(KNOWN_COPIES) - found == set(), "fixed: remove these pairs from KNOWN_COPIES"


def test_the_rules_catch_a_copy() -> None:
    """The checks above would see a stage keeping its own month list again."""
    lists = _lists()
    months = frozenset(" ".join(fold(f).split()) for f, _ in arabic.months()[:12])
    lists["time/months.tsv"] = months
    assert ("ar/calendar/months.tsv", "time/months.tsv") in _shared_copies(lists)
    assert ("ar/calendar/months.tsv", "time/months.tsv") in _near_copies(lists)


@pytest.mark.parametrize(
    "name", [arabic.MONTHS, arabic.HIJRI_MONTHS, arabic.WEEKDAYS, arabic.CARDINALS, arabic.ORDINALS]
)
def test_each_spelling_once_per_file(name: str) -> None:
    """Within a file, two lines never fold to the same form (the engines would see one)."""
    forms = Counter(" ".join(fold(r[0]).lower().split()) for r in load_table(name))
    assert [f for f, n in forms.items() if n > 1] == []


def test_calendars_are_complete() -> None:
    for system in ("gregorian", "levantine", "maghrebi", "english"):
        assert {m.month for m in arabic.month_names() if system in m.systems} == set(range(1, 13)), system
    assert {n for _, n in arabic.hijri_months()} == set(range(1, 13))
    assert {n for _, n in arabic.weekdays()} == set(range(1, 8))
    assert {n for _, n in arabic.weekdays(english=True)} == set(range(1, 8))
    assert all(not f.isascii() for f, _ in arabic.months())  # the time annotator's view is Arabic only


def test_columns_hold_known_values() -> None:
    assert {c.kind for c in arabic.cardinals()} <= {
        "unit",
        "oneteen",
        "teen",
        "ten",
        "hundred",
        "scale",
        "zero",
    }
    assert {c.form_class for c in arabic.cardinals()} <= {"", "du", "pl", "acc"}
    assert {k for _, _, k in arabic.ordinals()} <= {"units", "single", "tens", "word", "construct"}
    assert {p for _, parts in arabic.proclitic_chains() for p in parts} <= {"conj", "prep", "fut", "art"}
    uses = {u for r in load_table(arabic.TITLES) for u in r[1].split(",")}
    assert uses <= set(arabic.TITLE_USES)
    # the tagger's titles are titles said before a name, as they were when it was trained
    assert set(arabic.titles("tagger")) <= set(arabic.titles("name"))


AFFIX_KINDS = {
    "imperfect", "pronoun", "plural", "dual", "construct", "feminine", "accusative", "participle",
    "verb_plural", "nisba", "past",
}  # fmt: skip


def test_morphology_tables_are_well_formed() -> None:
    """Each affix once per kind, known kinds; each particle and proclitic gloss names one form."""
    rows = arabic.affix_rows()
    assert {k for _, k, _ in rows} == AFFIX_KINDS
    pairs = Counter((fold(f), k) for f, k, _ in rows)
    assert [p for p, n in pairs.items() if n > 1] == []
    glosses = [r[1] for r in load_table(arabic.PARTICLES)]
    assert len(glosses) == len(set(glosses)) == len(arabic.particle_forms())
    assert len({fold(f) for f in arabic.particle_forms().values()}) == len(glosses)
    assert set(arabic.proclitic_glosses()) == {"and", "so", "by", "to", "as", "will", "the"}
    assert {u for r in load_table(arabic.NAME_PARTICLES) for u in r[1].split(",")} <= {"span", "link", "nasab"}


def test_clitic_views_follow_the_tables() -> None:
    """The views rules use are composed from the rows, not spelled in code: a chain is the
    row whose parts and letters match (ل + ال is written لل), a tag filters the affixes."""
    assert clitics.chain("to", "the") == fold("لل") and clitics.chain("and", "the") == fold("وال")
    assert clitics.article() == fold("ال")
    assert set(clitics.prepositions()) - set(clitics.prepositions(kaf=False)) == {clitics.proclitic("as")}
    assert all(c.startswith(tuple(clitics.conjunctions())) or c == clitics.proclitic("will")
               for c in clitics.future_chains())  # fmt: skip
    nisba = set(clitics.affixes("nisba"))
    for use in ("base", "variant", "demonym", "gentilic", "describes", "apposition"):
        assert set(clitics.affixes("nisba", use)) <= nisba and clitics.affixes("nisba", use)
    assert clitics.affix("nisba", "base") == "ي" and clitics.affix("feminine") == "ة"
    assert clitics.particle("on") == fold(clitics.written_particle("on")) != clitics.written_particle("on")


_PROBE = r"""
import json, sys
import rasd.resources as res

extra = sys.argv[1]
if extra:
    original = res.read_text

    def read_text(name):
        text = original(name)
        return text + extra + "\n" if name == "ar/calendar/months.tsv" else text

    res.read_text = read_text

from rasd.annotators.time import tag
from rasd.ingest.dates import parse_dateline

found = tag("وصل الوفد إلى المدينة في 12 سبتمبير 2024 بعد تأخير طويل.", "2024-10-01")
print(json.dumps({"ingest": parse_dateline("الخميس 12 سبتمبير 2024"), "time": [t.value for t in found]}))
"""


def _probe(extra: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, extra], capture_output=True, text=True, check=True, timeout=120
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_one_new_month_spelling_reaches_ingest_and_time() -> None:
    """One line in ar/calendar/months.tsv is all both date readers need (a fresh process,
    so that no cached lexicon hides the change)."""
    before = _probe("")
    assert before["ingest"] is None and "2024-09-12" not in before["time"]  # type: ignore[operator]
    after = _probe("سبتمبير\t9\tgregorian")
    assert after["ingest"] == "2024-09-12"
    assert "2024-09-12" in after["time"]  # type: ignore[operator]
