"""Quote rules from the fresh real-news batch rn612–rn619 (docs/benchmarks/realnews_fresh.md).

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_conjoined_perfect_particle_ends_the_attribution_source() -> None:
    # "بحسب X وقد أدى …": وقد opens the next clause; it is no part of the source
    got = _quotes("ارتفعت أسعار الخضار في الأسواق، بحسب وزارة التجارة وقد أدى ذلك إلى تراجع المبيعات.")
    assert got == [("بحسب", "وزارة التجارة", "ارتفعت أسعار الخضار في الأسواق")]


def test_participle_with_a_quotation_ends_the_running_content() -> None:
    # "قالت X إنها … مؤكدة «…»": the participle opens a second quote, without a comma before it
    got = _quotes("وقالت الوزارة إنها ستعاقب المخالفين مؤكدة «لن نتهاون مع أحد منهم».")
    assert got == [("قالت", "الوزارة", "ستعاقب المخالفين"), ("مؤكدة", "الوزارة", "لن نتهاون مع أحد منهم")]
    # the same right after a short quoted word that closes the first content
    got = _quotes('وقالت الوزارة إنها ستعاقب "المخالفين" مؤكدة "لن نتهاون مع أحد منهم".')
    assert got == [("قالت", "الوزارة", 'ستعاقب "المخالفين"'), ("مؤكدة", "الوزارة", "لن نتهاون مع أحد منهم")]
    # an adjective مؤكدة with no quotation after it stays inside the content
    got = _quotes("وقالت الوزارة إنها تملك معلومات مؤكدة عن المخالفين.")
    assert got == [("قالت", "الوزارة", "تملك معلومات مؤكدة عن المخالفين")]


def test_indefinite_document_before_an_imperfect_cue_is_the_speaker() -> None:
    # "… بيانات تظهر X": a relative clause of the data noun; the data show it (decision 4)
    got = _quotes("وتراجعت الأسهم بعد صدور بيانات تظهر تباطؤ النمو في الربع الثاني.")
    assert got == [("تظهر", "بيانات", "تباطؤ النمو في الربع الثاني")]
    got = _quotes("وذلك بعد تقارير سابقة تفيد بأن البلدية ستغلق السوق القديم.")
    assert got == [("تفيد", "تقارير سابقة", "البلدية ستغلق السوق القديم")]
    got = _quotes("نشرت الجامعة دراسة تظهر أن المدخنين أكثر عرضة للأمراض.")
    assert got == [("تظهر", "دراسة", "المدخنين أكثر عرضة للأمراض")]
    # a plural of people before the imperfect cue is still a description, not a report
    assert _quotes("وصلت وفود تقول إنها تمثل الشركات.") == []


def test_body_before_a_relative_cue_with_its_clause_speaks() -> None:
    # "وفق صحيفة X التي قالت إن …": the paper is the source of the attribution and says more
    got = _quotes("واعتقل الثلاثة في المدينة، وفق صحيفة الأنباء التي قالت إنه تم العثور على أسلحة.")
    assert got == [
        ("وفق", "صحيفة الأنباء", "واعتقل الثلاثة في المدينة"),
        ("قالت", "صحيفة الأنباء", "تم العثور على أسلحة"),
    ]
    got = _quotes("وزار الوفد وزارة الصحة التي أكدت أن الوباء انحسر.")
    assert got == [("أكدت", "وزارة الصحة", "الوباء انحسر")]
    # a relative cue with a subject of its own keeps that subject (realnews E4)
    got = _quotes("وقاتل حزب الأحرار الذي تصفه الحكومة بأنه منظمة محظورة.")
    assert got == [("تصفه", "الحكومة", "منظمة محظورة")]
