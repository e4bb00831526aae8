"""A continuation's speaker named by a subject written first after ``لكن``/``غير أن`` (issue 12;
docs/benchmarks/realnews_fresh.md, "Quotes: the wrong antecedent of a continuation").

Every sentence is our own, written to show one pattern; no article text is copied.
"""

from __future__ import annotations

from test_realnews_fixes import _quotes


def test_subject_first_after_a_contrast_goes_on_speaking() -> None:
    # "… لكن <title> X عبر عن …. وقال …": X, made the subject since the last quote, not the earlier VSO subject
    got = _quotes(
        "وقال وزير المالية أحمد السالم إن الميزانية ستعلن قريبا. ويحتاج رئيس الحكومة خالد المنصور إلى دعم البرلمان"
        " لتمريرها لكن رئيس المعارضة سعد الراشد عبر عن رفضه للخطة. وقال إن الحكومة لم تستشر أحدا."
    )
    assert [(c, sp) for c, sp, _ in got] == [("قال", "أحمد السالم"), ("قال", "سعد الراشد")]
    # control: with no later subject the verb-first clause's subject goes on speaking, as before
    got = _quotes(
        "وقال وزير المالية أحمد السالم إن الميزانية ستعلن قريبا. ويحتاج رئيس الحكومة خالد المنصور إلى دعم البرلمان"
        " لتمريرها. وقال إن الحكومة لم تستشر أحدا."
    )
    assert [(c, sp) for c, sp, _ in got] == [("قال", "أحمد السالم"), ("قال", "خالد المنصور")]


def test_reported_content_turning_to_a_new_subject_with_a_contrast() -> None:
    # "ذكرت المصادر أن …، لكن X رفض …، مؤكدا": the participle goes on with X, whose act the content narrated
    got = _quotes("وذكرت مصادر مطلعة أن النادي طلب تأجيل الدفعة، لكن فهد العتيبي رفض الطلب، مؤكدا أن العقد واضح.")
    assert [(c, sp) for c, sp, _ in got] == [("ذكرت", "مصادر مطلعة"), ("مؤكدا", "فهد العتيبي")]
    got = _quotes(
        "وذكرت مصادر مطلعة أن النادي طلب تأجيل الدفعة، غير أن اللاعب فهد العتيبي رفض الطلب، ووصف العرض بأنه غير عادل."
    )
    assert [(c, sp) for c, sp, _ in got] == [("ذكرت", "مصادر مطلعة"), ("وصف", "فهد العتيبي")]
    # control: a subject after a plain "وأن" is part of the report; the participle follows the reporter
    got = _quotes("وذكرت مصادر مطلعة أن النادي طلب تأجيل الدفعة وأن فهد العتيبي رفض الطلب، مؤكدة أن العقد واضح.")
    assert [(c, sp) for c, sp, _ in got] == [("ذكرت", "مصادر مطلعة"), ("مؤكدة", "مصادر مطلعة")]
