"""A small hand-built ``Analysis`` for the report and web tests (no tests here).

The Arabic text is written for these tests (facts of the coalition story, our own
sentences). Offsets are computed with ``str.find`` so they are right by construction,
and one title carries markup to prove the report escapes it.
"""

from __future__ import annotations

from rasd.ids import make_id
from rasd.models import (
    Analysis,
    Claim,
    Commitment,
    Conflict,
    Document,
    Entity,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Geo,
    Mentions,
    Published,
    Quote,
    Span,
    Speaker,
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
