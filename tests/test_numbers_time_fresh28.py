"""Quantities and time: the rules added for the fresh real-news batch rn650–rn657.

Scored once held out and only then read. Every sentence here was written for these tests,
and each test names the rule it guards.
"""

from __future__ import annotations

from number_checks import readers

DCT = "2015-07-27"  # a Monday, ten days after Eid al-Fitr 1436

_q, _t = readers(DCT)


def test_feminine_singular_in_waw_or_fa_after_a_number() -> None:
    """``objects._noun_like``: after a number that asks for a genitive singular, a word in ة
    that starts with و/ف is the counted noun (``500 وجبة``, ``مليون وظيفة``), not و/ف + the
    next clause; a number word after و still goes on with the number."""
    assert _q("وزعت الجمعية 500 وجبة على الأسر.") == [("500", 500.0, None, "وجبة")]
    assert _q("تسعى الخطة إلى توفير مليون وظيفة.") == [("مليون", 1000000.0, None, "وظيفة")]
    assert _q("بلغت الصفقة بين مليوني وثلاثة ملايين دولار.") == [
        ("بين مليوني وثلاثة ملايين دولار", 2000000.0, 3000000.0, "دولار")
    ]


def test_job_opportunities_and_domestic_workers() -> None:
    """``فرصة عمل`` and ``عاملة منزلية`` name the thing with their second word (objects.tsv, F5);
    ``وظائف``, ``فرص``, ``شهود``, ``مؤشرات`` have their singulars in plurals.tsv."""
    assert _q("أتاح المشروع 2.5 مليون فرصة عمل جديدة.") == [
        ("2.5 مليون فرصة عمل", 2500000.0, None, "فرصة عمل")
    ]
    assert _q("وصلت إلى المملكة 450 عاملة منزلية هذا الشهر.") == [
        ("450 عاملة منزلية", 450.0, None, "عاملة منزلية")
    ]
    assert _q("وذكر أحد الشهود أن الحريق بدأ ليلا.") == [("أحد", 1.0, None, "شاهد")]


def test_one_after_a_noun_with_its_own_ba_or_lam() -> None:
    """``objects.noun_before``: a listed noun keeps its first ب/ل (``برنامج واحد``, ``لاعب
    واحد``); an unlisted word still loses a glued preposition (``لموسم واحد``)."""
    assert _q("لم يعد يستخدم إلا برنامج واحد.") == [("واحد", 1.0, None, "برنامج")]
    assert _q("لم يسجل في المباراة لاعب واحد.") == [("واحد", 1.0, None, "لاعب")]
    assert _q("انتقل إلى النادي لموسم واحد.") == [("واحد", 1.0, None, "موسم")]


def test_owned_plural_before_a_definite_number() -> None:
    """``objects.post_head``: a plural owned by a pronoun heads a post-posed number like a
    definite one (``شروطه الخمسة`` is a first mention); the same count repeated later with the
    article refers back (F1)."""
    text = "أعاد الحزب أمس طرح شروطه الخمسة. وقال زعيمه إن قبول الشروط الخمسة وحده لا يكفي."
    assert _q(text) == [("خمسة", 5.0, None, "شرط")]
    assert _q("وأغلقت السوق على ارتفاع مؤشراتها الثلاثة.") == [("ثلاثة", 3.0, None, "مؤشر")]


def test_scaled_amount_after_a_definite_noun() -> None:
    """``frames.label_before`` yields to a scale word: ``العجز 40.2 مليار`` is an amount (its
    currency from the amount before), while ``الفرقة 30`` still names a unit."""
    text = "باعت المصارف 500 مليار دولار.\nوبلغ العجز 40.2 مليار في النصف الأول."
    assert [q[:2] + q[3:] for q in _q(text)] == [
        ("500 مليار دولار", 500000000000.0, "دولار"),
        ("40.2 مليار", 40200000000.0, "دولار"),
    ]
    assert _q("وصلت الفرقة 30 إلى الحدود.") == []


def test_holiday_framed_as_time() -> None:
    """``holiday_frames.txt``: a Hijri holiday after إجازة/عطلة/إطلالة/حلول is its date in
    the nearest year (F10); ``بمناسبة`` still names the occasion."""
    assert _t("سافر كثير من الموظفين خلال إجازة عيد الفطر.") == [("عيد الفطر", "DATE", "2015-07-17")]
    assert _t("وبإطلالة عيد الفطر السعيد عادت الحركة إلى الأسواق.") == [
        ("عيد الفطر السعيد", "DATE", "2015-07-17")
    ]
    assert _t("أقامت الشركة حفلا بمناسبة عيد الفطر المبارك.") == []


def test_hijri_month_alone_after_a_time_preposition() -> None:
    """``holiday_frames.txt`` for a Hijri month named alone (``extra._h_hijri_rel``): after
    في/خلال/طوال/منذ it is the month, null (decision 13); elsewhere it may be a name or a word."""
    # the span holds "قبل الماضي" since it is a relative word (rn1140 round), as rn003's gold does
    assert _t("عرضت القناة المسلسل في رمضان قبل الماضي.") == [("رمضان قبل الماضي", "DATE", None)]
    assert _t("تعود الرحلات خلال شوال.") == [("شوال", "DATE", None)]
    assert _t("استقبل الرئيس رمضان قاديروف وفدا تجاريا.") == []
    assert _t("ارتفع العدد من صفر إلى خمسة.") == []


def test_number_word_after_an_indefinite_plural() -> None:
    """``neighbours.plural_before``: a number word 3–10 with no noun after it counts the
    indefinite plural before it (``ركائز ثلاث``; ``ركائز → ركيزة`` in plurals.tsv); a definite
    plural before it is a predicate, not the counted noun."""
    assert _q("يقوم الاتفاق على ركائز ثلاث هي العدل والأمن والتنمية.") == [("ثلاث", 3.0, None, "ركيزة")]
    assert _q("اتفقت دول خمس على الخطة.") == [("خمس", 5.0, None, "دولة")]
    assert _q("المشاريع المتعثرة ثلاثة.") == [("ثلاثة", 3.0, None, None)]


def test_per_hour_after_a_count() -> None:
    """``في الساعة`` right after a count (a number, its scale word and noun) is a rate, SET
    PT1H (patterns.tsv ``set`` line, ``handlers._h_set``); a clock time or a bare ``في الساعة``
    after a verb is not."""
    assert _t("تستوعب الجسور 90 ألف حاج في الساعة، وفق الخطة.") == [("الساعة", "SET", "PT1H")]
    assert _t("تسير القطارات بسرعة 300 كيلومتر في الساعة.") == [("الساعة", "SET", "PT1H")]
    assert _t("بدأ الاجتماع في الساعة العاشرة صباحا.") == [
        ("الساعة العاشرة صباحا", "TIME", "XXXX-XX-XXT10:00")
    ]
    assert _t("وصل الوفد في الساعة.") == []
