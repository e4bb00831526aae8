"""Data for the web app tests (no tests here): the report's sample plus incidents, threads,
schema-2 disagreements, quotes with known speakers and one hostile document.

The hostile document carries markup in its title, outlet, address, text, removed furniture
and in an entity's name, so every page can be checked to show it as text. All Arabic text
is written for these tests; offsets come from ``str.find`` (right by construction).
"""

from __future__ import annotations

from test_report_data import ev, sample_analysis

from rasd.ids import make_id
from rasd.models import (
    Analysis,
    Conflict,
    Deadline,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Geo,
    Incident,
    Published,
    Quote,
    Removed,
    Side,
    SlotValue,
    Span,
    Speaker,
    Thread,
    Timex,
)

HOSTILE_TITLE = 'هجوم <img src=x onerror="window.__pwned=1"> على القاعدة'
HOSTILE_OUTLET = '<b onmouseover="window.__pwned=2">صحيفة الغد</b>'
HOSTILE_URL = "javascript:window.__pwned=3"
HOSTILE_NAME = '<svg onload="window.__pwned=4">'
TEXT4 = (
    "أربيل – <script>window.__pwned=5</script> قال متحدث عسكري إن سبعة جنود أصيبوا في الهجوم الصاروخي "
    "على قاعدة عين الأسد. <img src=x onerror=\"window.__pwned=6\"> وأعلن التحالف الدولي أن موعد مغادرة "
    "القوات أُرجئ إلى أيلول 2026، وقالت الشرق الأوسط إن القرار نهائي. "
    '<a href="javascript:window.__pwned=7">اضغط هنا</a> ' + HOSTILE_NAME + " رحّب بالقرار."
)
MARKERS = ("<script>", "onerror=", "javascript:", "onmouseover=", "<svg onload")


def web_analysis() -> Analysis:
    a = sample_analysis()
    d1, d2, _d3 = a.documents
    d4 = Document(
        id=make_id("d", TEXT4), source="hostile.html", part=0, title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET,
        published=Published("2025-03-10", "day", "metadata", 0.7, warnings=["تاريخ <i>مشكوك</i> فيه"]),
        language="ar", text=TEXT4, url=HOSTILE_URL,
        removed=[Removed("related_articles", '<iframe src="javascript:window.__pwned=8"></iframe> أخبار ذات صلة')],
    )  # fmt: skip
    a.documents.append(d4)
    by_name = {e.name: e for e in a.entities}
    asad, coalition, pentagon = by_name["قاعدة عين الأسد"], by_name["التحالف الدولي"], by_name["وزارة الدفاع الأميركية"]
    erbil = by_name["أربيل"]
    hostile = Entity(make_id("e", "ORG", HOSTILE_NAME), "ORG", HOSTILE_NAME)
    paper = Entity(make_id("e", "LOC", "الشرق الأوسط"), "LOC", "الشرق الأوسط", geo=Geo(29.0, 41.0))
    a.entities += [hostile, paper]
    for e, form in ((asad, "عين الأسد"), (coalition, "التحالف الدولي"), (erbil, "أربيل"), (hostile, HOSTILE_NAME),
                    (paper, "الشرق الأوسط")):  # fmt: skip
        s = TEXT4.find(form)
        a.mentions.entities.append(EntityMention(d4.id, s, s + len(form), form, e.type, e.id))
        e.docs = sorted({*e.docs, d4.id})
        e.mentions += 1
    a.mentions.entities.sort(key=lambda m: (m.doc, m.start))
    t = ev(d4, "أيلول 2026")
    a.mentions.timex.append(Timex(d4.id, t.start, t.end, "أيلول 2026", "DATE", "2026-09"))
    # quotes with a known speaker: the Pentagon's spokesman, and the hostile document's
    said, content = ev(d2, "قالت وزارة الدفاع الأميركية إنه لا يوجد إعلان عن انسحاب"), ev(d2, "لا يوجد إعلان عن انسحاب")
    who = ev(d2, "وزارة الدفاع الأميركية")
    a.mentions.quotes.append(Quote(d2.id, said.start, said.end, Speaker("وزارة الدفاع الأميركية", pentagon.id,
                                   start=who.start, end=who.end), "قالت", Span(content.start, content.end), False))  # fmt: skip
    said4, content4 = ev(d4, "قال متحدث عسكري إن سبعة جنود أصيبوا"), ev(d4, "سبعة جنود أصيبوا")
    a.mentions.quotes.append(Quote(d4.id, said4.start, said4.end, Speaker(HOSTILE_NAME, hostile.id), "قال",
                                   Span(content4.start, content4.end), False))  # fmt: skip
    attack = a.events[0]
    attack2 = Event(make_id("v", "attack2"), "ATTACK", EventDate("2024-08", "month"), place=asad.id,
                    counts={"injured": 7}, summary="الهجوم الصاروخي على عين الأسد",
                    evidence=[ev(d4, "الهجوم الصاروخي على قاعدة عين الأسد")])  # fmt: skip
    a.events.append(attack2)
    inc = Incident(
        make_id("i", attack.id, attack2.id), "ATTACK", "هجوم صاروخي على قاعدة عين الأسد — آب 2024",
        EventDate("2024-08", "month"), place=asad.id, reports=[attack.id, attack2.id], sources=2,
        evidence=[attack.evidence[0], attack2.evidence[0]],
        slots={
            "injured": [SlotValue(5, d1.id, [ev(d1, "أصيب خمسة جنود")], qualifier="exact", outlet=d1.outlet,
                                  reported_on="2024-09-07", report=attack.id),
                        SlotValue(7, d4.id, [ev(d4, "سبعة جنود أصيبوا")], outlet=d4.outlet, speaker=hostile.id,
                                  reported_on="2025-03-10", report=attack2.id)],
            "rockets": [SlotValue(2, d1.id, [ev(d1, "صاروخان")], outlet=d1.outlet, report=attack.id)],
            "place": [SlotValue(asad.id, d1.id, [ev(d1, "قاعدة عين الأسد", 1)], report=attack.id),
                      SlotValue(asad.id, d4.id, [ev(d4, "قاعدة عين الأسد")], report=attack2.id)],
        },
    )  # fmt: skip
    a.incidents.append(inc)
    thread = Thread(
        make_id("t", "leave"), "مغادرة القوات قاعدة عين الأسد وبغداد", [coalition.id],
        deadlines=[
            Deadline("2025-09", "END", None, "ثمانية مسؤولين", "2024-09-07", [ev(d1, "بحلول نهاية أيلول 2025")],
                     a.commitments[1].id),
            Deadline("2026-09", None, coalition.id, None, "2025-03-10", [ev(d4, "أُرجئ إلى أيلول 2026")]),
        ],
        status="pending", as_of="2025-03-15", commitments=[a.commitments[1].id],
    )  # fmt: skip
    a.threads.append(thread)
    a.conflicts += [
        Conflict(make_id("k", "injured"), "slot", attack.id, attack2.id, "خمسة جرحى مقابل سبعة",
                 incident=inc.id, slot="injured", relation="differ",
                 side_a=Side("5", d1.id, inc.slots["injured"][0].evidence, d1.outlet),
                 side_b=Side("7", d4.id, inc.slots["injured"][1].evidence, d4.outlet, hostile.id)),
        Conflict(make_id("k", "deadline"), "deadline", a.commitments[1].id, a.commitments[1].id,
                 "أُرجئ الموعد من أيلول 2025 إلى أيلول 2026", thread=thread.id, relation="update",
                 side_a=Side("2025-09", d1.id, thread.deadlines[0].evidence, d1.outlet),
                 side_b=Side("2026-09", d4.id, thread.deadlines[1].evidence, d4.outlet, coalition.id)),
    ]  # fmt: skip
    return a


def save_store(a: Analysis, path: str) -> None:
    """``a`` written to a SQLite store at ``path`` (documents, mentions, every view)."""
    from rasd.models import DocAnalysis, Views
    from rasd.store import open_store

    with open_store(path) as store:
        store.add_documents(a.documents)
        das = []
        for d in a.documents:
            das.append(DocAnalysis(
                d, timex=[m for m in a.mentions.timex if m.doc == d.id],
                entities=[m for m in a.mentions.entities if m.doc == d.id],
                quantities=[m for m in a.mentions.quantities if m.doc == d.id],
                quotes=[m for m in a.mentions.quotes if m.doc == d.id],
            ))  # fmt: skip
        store.save_mentions(das)
        store.save_views(Views(a.entities, a.events, a.claims, a.commitments, a.conflicts, a.incidents, a.threads))
