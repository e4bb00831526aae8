"""A small hand-built ``Analysis`` for the report and web tests (no tests here).

The Arabic text is written for these tests (facts of the coalition story, our own
sentences). Offsets are computed with ``str.find`` so they are right by construction,
and one title carries markup to prove the report escapes it. ``story_analysis`` adds the
schema-2 items (an incident three outlets report, a commitment thread, disagreements of
each kind) with markup in an outlet, an incident label, a speaker and a thread.
"""

from __future__ import annotations

from rasd.ids import make_id
from rasd.models import (
    Analysis,
    Claim,
    Commitment,
    Conflict,
    Deadline,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Geo,
    Incident,
    Mentions,
    Published,
    Quote,
    Side,
    SlotValue,
    Span,
    Speaker,
    Thread,
    Timex,
)

TEXT1 = (
    "بغداد – أفاد ثمانية مسؤولين بأن الحكومتين العراقية والأميركية توصلتا إلى تفاهم بشأن إنهاء "
    "مهمة التحالف الدولي. وبحسب المسؤولين، تغادر القوات قاعدة عين الأسد وبغداد بحلول نهاية أيلول 2025، "
    "على أن تبقى قوة صغيرة في أربيل حتى نهاية 2026.\n\n"
    "وكان صاروخان قد سقطا على قاعدة عين الأسد مطلع آب 2024 وأصيب خمسة جنود أميركيين بجروح طفيفة."
)
TEXT2 = (
    "واشنطن – قالت وزارة الدفاع الأميركية إنه لا يوجد إعلان عن انسحاب في الوقت الحالي. "
    "وأضاف متحدث باسم الوزارة أن المحادثات مع بغداد مستمرة.\n"
    "وأعلنت السلطات العراقية في الثامن من آب اعتقال خمسة متهمين بالهجوم على القاعدة."
)
TEXT3 = (
    "التقى رئيس الوزراء مصطفى الكاظمي الرئيس جو بايدن في البيت الأبيض يوم 26 تموز 2021، "
    "واتفقا على إنهاء المهمة القتالية بحلول 31 كانون الأول 2021. "
    "وكان التحالف قد تشكّل عام 2014 لمواجهة تنظيم الدولة."
)


def ev(doc: Document, needle: str, nth: int = 0) -> Evidence:
    """Evidence for the ``nth`` occurrence of ``needle`` in ``doc``."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(needle, i + 1)
    return Evidence(doc.id, i, i + len(needle))


def _doc(text: str, title: str, outlet: str | None, date: str, source: str) -> Document:
    return Document(
        id=make_id("d", text),
        source=source,
        part=0,
        title=title,
        outlet=outlet,
        published=Published(date, "day", "dateline", 0.9),
        language="ar",
        text=text,
    )


def sample_analysis() -> Analysis:
    d1 = _doc(TEXT1, "تفاهم على جدول إنهاء مهمة التحالف <script>alert(1)</script>", "وكالة الرافدين", "2024-09-07", "a.txt")
    d2 = _doc(TEXT2, "البنتاغون: لا إعلان عن انسحاب", "صحيفة الفرات", "2024-09-08", "b.txt")
    d3 = _doc(TEXT3, "لقاء الكاظمي وبايدن", None, "2021-07-27", "c.txt")
    docs = [d1, d2, d3]

    def ent(kind: str, name: str, geo: Geo | None = None, aliases: list[str] | None = None) -> Entity:
        return Entity(id=make_id("e", kind, name), type=kind, name=name, geo=geo, aliases=aliases or [])

    asad = ent("FAC", "قاعدة عين الأسد", Geo(33.80, 42.44), ["عين الأسد"])
    baghdad = ent("GPE", "بغداد", Geo(33.31, 44.36))
    erbil = ent("GPE", "أربيل", Geo(36.19, 44.01))
    washington = ent("GPE", "واشنطن", Geo(38.90, -77.04))
    kadhimi = ent("PER", "مصطفى الكاظمي")
    biden = ent("PER", "جو بايدن")
    pentagon = ent("ORG", "وزارة الدفاع الأميركية")
    coalition = ent("ORG", "التحالف الدولي")
    entities = [asad, baghdad, erbil, washington, kadhimi, biden, pentagon, coalition]

    mentions: list[EntityMention] = []
    for e in entities:
        for d in docs:
            for form in [e.name, *e.aliases]:
                start = d.text.find(form)
                while start >= 0:
                    if not any(m.doc == d.id and m.start <= start < m.end for m in mentions):
                        mentions.append(EntityMention(d.id, start, start + len(form), form, e.type, e.id))
                    start = d.text.find(form, start + len(form))
    for e in entities:
        own = [m for m in mentions if m.entity == e.id]
        e.mentions = len(own)
        e.docs = sorted({m.doc for m in own})

    said = ev(d1, "أفاد ثمانية مسؤولين بأن الحكومتين العراقية والأميركية توصلتا إلى تفاهم بشأن إنهاء مهمة التحالف الدولي")
    who = ev(d1, "ثمانية مسؤولين")
    content = ev(d1, "الحكومتين العراقية والأميركية توصلتا إلى تفاهم بشأن إنهاء مهمة التحالف الدولي")
    quotes = [Quote(d1.id, said.start, said.end, Speaker("ثمانية مسؤولين", start=who.start, end=who.end), "أفاد",
                    Span(content.start, content.end), direct=False)]  # fmt: skip
    t = ev(d1, "مطلع آب 2024")
    timex = [Timex(d1.id, t.start, t.end, "مطلع آب 2024", "DATE", "2024-08", mod="START")]

    events = [
        Event(make_id("v", "attack"), "ATTACK", EventDate("2024-08", "month"), place=asad.id,
              counts={"rockets": 2, "injured": 5}, summary="سقوط صاروخين على قاعدة عين الأسد",
              evidence=[ev(d1, "صاروخان قد سقطا على قاعدة عين الأسد")]),
        Event(make_id("v", "arrest"), "ARREST", EventDate("2024-08-08", "day"), summary="اعتقال خمسة متهمين",
              counts={"arrested": 5}, evidence=[ev(d2, "اعتقال خمسة متهمين بالهجوم على القاعدة")]),
        Event(make_id("v", "meeting"), "MEETING", EventDate("2021-07-26", "day"), actors=[kadhimi.id, biden.id],
              summary="لقاء الكاظمي وبايدن", evidence=[ev(d3, "التقى رئيس الوزراء مصطفى الكاظمي الرئيس جو بايدن")]),
        Event(make_id("v", "formation"), "FORMATION", EventDate("2014", "year"), actors=[coalition.id],
              summary="تشكيل التحالف", evidence=[ev(d3, "التحالف قد تشكّل عام 2014")]),
        Event(make_id("v", "withdrawal"), "WITHDRAWAL", EventDate("2025-09", "month"), modality="planned",
              summary="مغادرة القوات عين الأسد وبغداد", evidence=[ev(d1, "تغادر القوات قاعدة عين الأسد وبغداد")]),
        Event(make_id("v", "statement"), "STATEMENT", EventDate(None, None), actors=[pentagon.id],
              summary="تصريح المتحدث", evidence=[ev(d2, "المحادثات مع بغداد مستمرة")]),
    ]
    claims = [
        Claim(make_id("c", "officials"), "الحكومتان", "توصلتا إلى", "تفاهم على إنهاء المهمة", "2024-09",
              attributed_to=None, evidence=[ev(d1, "توصلتا إلى تفاهم بشأن إنهاء مهمة التحالف الدولي")]),
        Claim(make_id("c", "pentagon"), "وزارة الدفاع", "تنفي", "إعلان انسحاب", "2024-09", polarity="deny",
              attributed_to=pentagon.id, evidence=[ev(d2, "لا يوجد إعلان عن انسحاب في الوقت الحالي")]),
    ]
    conflicts = [
        Conflict(make_id("k", "1"), "polarity", claims[0].id, claims[1].id,
                 "مسؤولون يؤكدون التفاهم والبنتاغون ينفي أي إعلان",
                 evidence=claims[0].evidence + claims[1].evidence, confidence=0.8),
    ]
    commitments = [
        Commitment(make_id("m", "combat"), "إنهاء المهمة القتالية", [kadhimi.id, biden.id], "2021-12-31", "passed",
                   evidence=[ev(d3, "إنهاء المهمة القتالية بحلول 31 كانون الأول 2021")]),
        Commitment(make_id("m", "baghdad"), "مغادرة عين الأسد وبغداد", [coalition.id], "2025-09", "pending",
                   evidence=[ev(d1, "بحلول نهاية أيلول 2025")]),
        Commitment(make_id("m", "erbil"), "بقاء قوة صغيرة في أربيل", [], "2026", "pending", who="ثمانية مسؤولين",
                   evidence=[ev(d1, "حتى نهاية 2026")]),
    ]
    return Analysis(
        documents=docs,
        mentions=Mentions(timex=timex, entities=sorted(mentions, key=lambda m: (m.doc, m.start)), quotes=quotes),
        entities=entities,
        events=events,
        claims=claims,
        commitments=commitments,
        conflicts=conflicts,
    )


TEXT4 = (
    "أربيل – قال متحدث عسكري إن سبعة جنود أصيبوا في الهجوم الصاروخي على قاعدة عين الأسد، "
    "ونسبه إلى فصيل مسلح، فيما تحدث مصدر آخر عن جهة مجهولة. وأعلن التحالف الدولي أن موعد مغادرة القوات أُرجئ إلى أيلول 2026."
)
TEXT5 = "الأنبار – أصيب خمسة جنود في هجوم بصاروخين على قاعدة عين الأسد، بحسب مصدر أمني."
HOSTILE_OUTLET = '<img src=x onerror="alert(2)">صحيفة الغد'
HOSTILE_LABEL = "هجوم <script>alert(3)</script> على عين الأسد — آب 2024"
HOSTILE_SPEAKER = '<b onmouseover="alert(4)">متحدث عسكري</b>'
HOSTILE_WHAT = 'مغادرة القوات <svg onload="alert(5)"> عين الأسد'


def story_analysis() -> Analysis:
    """The sample plus an incident reported by three outlets (5, 5 and 7 injured), a thread
    whose deadline moved from September 2025 to September 2026, and a slot and a deadline
    disagreement, with hostile markup in an outlet, a label, a speaker and a thread."""
    a = sample_analysis()
    d1 = a.documents[0]
    d4 = _doc(TEXT4, "التحالف يرجئ موعد المغادرة", HOSTILE_OUTLET, "2025-03-10", "d.txt")
    d5 = _doc(TEXT5, "إصابة خمسة جنود في عين الأسد", "شبكة الأنبار", "2024-08-06", "e.txt")
    a.documents += [d4, d5]
    asad = next(e for e in a.entities if e.name == "قاعدة عين الأسد")
    coalition = next(e for e in a.entities if e.name == "التحالف الدولي")
    attack = a.events[0]
    attack4 = Event(make_id("v", "attack4"), "ATTACK", EventDate("2024-08", "month"), place=asad.id,
                    counts={"injured": 7}, summary="الهجوم الصاروخي على عين الأسد",
                    evidence=[ev(d4, "الهجوم الصاروخي على قاعدة عين الأسد")])  # fmt: skip
    attack5 = Event(make_id("v", "attack5"), "ATTACK", EventDate("2024-08", "month"), place=asad.id,
                    counts={"injured": 5, "rockets": 2}, summary="هجوم بصاروخين على عين الأسد",
                    evidence=[ev(d5, "هجوم بصاروخين على قاعدة عين الأسد")])  # fmt: skip
    a.events += [attack4, attack5]
    injured = [
        SlotValue(5, d1.id, [ev(d1, "أصيب خمسة جنود")], qualifier="exact", outlet=d1.outlet, report=attack.id),
        SlotValue(7, d4.id, [ev(d4, "سبعة جنود أصيبوا")], outlet=d4.outlet, speaker_text=HOSTILE_SPEAKER,
                  report=attack4.id),
        SlotValue(5, d5.id, [ev(d5, "أصيب خمسة جنود")], qualifier="at_least", outlet=d5.outlet, report=attack5.id),
    ]  # fmt: skip
    inc = Incident(
        make_id("i", attack.id, attack4.id, attack5.id), "ATTACK", HOSTILE_LABEL, EventDate("2024-08", "month"),
        place=asad.id, reports=[attack.id, attack4.id, attack5.id], sources=3,
        evidence=[attack.evidence[0], attack4.evidence[0], attack5.evidence[0]],
        slots={
            "injured": injured,
            "rockets": [SlotValue(2, d1.id, [ev(d1, "صاروخان")], report=attack.id),
                        SlotValue(2, d5.id, [ev(d5, "بصاروخين")], report=attack5.id)],
            "place": [SlotValue(asad.id, d1.id, [ev(d1, "قاعدة عين الأسد", 1)], report=attack.id),
                      SlotValue(asad.id, d5.id, [ev(d5, "قاعدة عين الأسد")], report=attack5.id)],
            # one source giving two values is not a disagreement between sources
            "perpetrator": [SlotValue("فصيل مسلح", d4.id, [ev(d4, "فصيل مسلح")], report=attack4.id),
                            SlotValue("جهة مجهولة", d4.id, [ev(d4, "جهة مجهولة")], report=attack4.id)],
        },
    )  # fmt: skip
    a.incidents.append(inc)
    first, moved = ev(d1, "بحلول نهاية أيلول 2025"), ev(d4, "أُرجئ إلى أيلول 2026")
    thread = Thread(
        make_id("t", "leave"), HOSTILE_WHAT, [coalition.id],
        deadlines=[
            Deadline("2025-09", "END", None, "ثمانية مسؤولين", "2024-09-07", [first], a.commitments[1].id,
                     "superseded", d1.id, d1.outlet),
            Deadline("2026-09", None, coalition.id, None, "2025-03-10", [moved], None, "current", d4.id, d4.outlet),
        ],
        status="pending", as_of="2025-03-15", commitments=[a.commitments[1].id], evidence=[first, moved],
    )  # fmt: skip
    a.threads.append(thread)
    a.conflicts += [
        Conflict(make_id("k", "injured"), "slot", attack.id, attack4.id, "خمسة جرحى بحسب وكالة الرافدين وسبعة بحسب صحيفة الغد",
                 incident=inc.id, slot="injured", relation="differ", confidence=0.75,
                 side_a=Side("5", d1.id, injured[0].evidence, d1.outlet),
                 side_b=Side("7", d4.id, injured[1].evidence, d4.outlet, None, HOSTILE_SPEAKER)),
        Conflict(make_id("k", "deadline"), "deadline", a.commitments[1].id, a.commitments[1].id,
                 "أُرجئ موعد المغادرة من نهاية أيلول 2025 إلى أيلول 2026", thread=thread.id, relation="update",
                 side_a=Side("2025-09", d1.id, [first], d1.outlet, None, "ثمانية مسؤولين"),
                 side_b=Side("2026-09", d4.id, [moved], d4.outlet, coalition.id)),
    ]  # fmt: skip
    return a
