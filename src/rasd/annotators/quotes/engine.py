"""Who said what: direct and indirect quotes with speaker, role, medium and polarity.

Arabic news reports speech in a few regular frames: a reporting verb, its subject, an
optional adjunct (في مؤتمر صحفي، لـ«الشرق الأوسط»، السبت), then ``إن/أن``, a colon or a
quotation. The engine finds cue words from ``resources/quotes/verbs.tsv``, reads the
subject between the cue and the content, splits role from name and the outlet that carried
the words, and follows continuations (وأضاف، مشيرا) back to the last speaker. Attribution
phrases (وفق، بحسب، على حد تعبير) and ``جاء في بيان`` are separate frames. All words are
data; offsets are original-text offsets from ``rasd.text.tokenize``.

This module holds the frames (where content starts: ``intros``) and who goes on speaking (continuations,
participles, a fronted topic; a sentence's own subject is in ``subjects``). The document view is in
``context``, the word lists in ``lexicon``, speaker phrases in ``speakers``, attribution
phrases in ``attributions`` and speakers named by description in ``coref``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from rasd.annotators.quotes.addressees import addressee_cut, oblique_object
from rasd.annotators.quotes.agreement import agreeing
from rasd.annotators.quotes.attributions import after_attribution, attributions
from rasd.annotators.quotes.chooser import choose, enabled
from rasd.annotators.quotes.clauses import (
    answered_topic,
    bare_clause,
    bare_speech,
    bound_topic,
    clause_in,
    colon_quote,
    comma_after_name,
    kana_subject,
    object_before,
    object_first,
    quote_after,
    relative_antecedent,
    sender,
    strict_frames,
    told_speech,
    topic,
    venue_owner,
    when_subject,
    wished_clause,
)
from rasd.annotators.quotes.context import (
    MAX_SUBJECT,
    NP,
    Ctx,
    binder_at,
    build,
    content_end,
    cue_at,
    described_object,
    polarity,
    scripture,
    segments,
    sentence_start,
    short_pair,
    trim,
)
from rasd.annotators.quotes.coref import resolve_descriptions
from rasd.annotators.quotes.frames import (
    narrated_present,
    opens_clause,
    relay,
    subject_next,
    subordinate,
)
from rasd.annotators.quotes.groups import continued, inner_start
from rasd.annotators.quotes.history import CLITICS as _CLITICS
from rasd.annotators.quotes.history import bare as _bare
from rasd.annotators.quotes.history import nodef as _nodef
from rasd.annotators.quotes.intros import Intro as _Intro
from rasd.annotators.quotes.intros import intro_at as _intro_at
from rasd.annotators.quotes.lexicon import Verb, lexicon, member
from rasd.annotators.quotes.marks import quote_pairs
from rasd.annotators.quotes.nominal import (
    data_before,
    data_subject,
    felt,
    in_which,
    kana_object,
    nominal_intro,
    time_only,
    zero_subject_object,
)
from rasd.annotators.quotes.provisions import document_before
from rasd.annotators.quotes.requests import asked_action
from rasd.annotators.quotes.resumed import pointed_back, resumed
from rasd.annotators.quotes.shares import share_company
from rasd.annotators.quotes.speakers import (
    Subj,
    anaphoric,
    clean_np,
    definite,
    is_adjunct_start,
    make_speaker,
    noun_speaker,
    parse_subject,
    speakerish,
    title_np,
)
from rasd.annotators.quotes.state import State
from rasd.annotators.quotes.statements import issued, resolve_statements
from rasd.annotators.quotes.subjects import SOFT as _SOFT
from rasd.annotators.quotes.subjects import before_relative, inner_subject, main_subject, past_binder
from rasd.annotators.spans import SpanIndex
from rasd.models import EntityMention, Quote, Span, Speaker, Timex
from rasd.text.clitics import affixes, article, chain, proclitic

__all__ = ["extract_quotes", "lexicon", "quote_pairs"]

MAX_AUX_SUBJECT = 20  # tokens of a subject between كان and its cue ("وكانت صحيفة … قد كشفت")
_PRONOUNS = frozenset(p for p in affixes("pronoun", "definite") if p)  # ه، ها، هم: أنه، إنها
_AND_THE = chain("and", "the")  # وال: "والمقيمين" joined to the group called on
_ART = article()
_SO = proclitic("so")  # ف


def extract_quotes(
    text: str,
    doc_id: str = "",
    entities: Iterable[EntityMention] = (),
    date: str | None = None,
    timex: Iterable[Timex] = (),
) -> list[Quote]:
    """Every reported statement in ``text`` with its speaker, cue, content and polarity."""
    cx = build(text, entities)
    toks = cx.toks
    timex = list(timex)
    dates = SpanIndex(t for t in timex if t.type == "DATE" and t.value)
    out: list[Quote] = []
    st = State(times=SpanIndex(timex))
    k = 0
    while k < len(toks):
        nested = k <= st.covered_until and not st.gap[0] <= k < st.gap[1]  # a cue inside a direct quote is part of the speech … (E2)
        hit = cue_at(cx, k)
        if hit is None:
            k += 1
            continue
        n, verb = hit
        if _goes_on(cx, k + n) and (nxt := cue_at(cx, k + n)) is not None and nxt[1].imperfect:
            k += n  # "وتابع يقول إن": the imperfect after it is the cue, تابع no speaker's verb
            continue
        q = _frame(cx, k, n, verb, st, doc_id)
        if q is None or (nested and (q[3] is None or cx.open_at[q[3]] > st.covered_until) and not st.own_subject(q[0].speaker, toks[k].start, verb, True)):
            k += n
            continue
        quote, c_first, c_last, direct_open = q
        if st.gap[0] <= k < st.gap[1] and c_last >= st.gap[1]:  # "مشيرًا إلى أن …: «…»": up to the colon
            c_last, quote.content = st.gap[1] - 1, Span(quote.content.start, toks[st.gap[1] - 1].end)
        until = st.indirect_until if direct_open is None else -1  # a nested report's outer content
        if direct_open is not None:  # … unless it quotes someone in marks of its own
            st.used_pairs.add(direct_open)
            if not nested:
                st.covered_until, st.covered_from = max(st.covered_until, cx.open_at[direct_open]), quote.content.start
        else:
            st.indirect_until, st.indirect_from = max(st.indirect_until, c_last), (quote.content.start if c_last > st.indirect_until else st.indirect_from)
        st.used_starts.add(c_first)
        quote.date = _date_for(quote, dates, date)
        out.append(quote)
        if nested:
            k += n
            continue  # the witness, not the one they quote, goes on speaking after it
        prev = st.hist.items[-1] if st.hist.items else None
        st.quoted(k, quote.speaker, until)
        if prev is not None and prev[0] >= cx.s0[k] and subordinate(toks, k):
            st.hist.add(*prev)  # "…، حيث أظهرت الأرقام أن …، مشيرا": the sentence's speaker goes on
        k += n
    out.extend(attributions(cx, out, doc_id, date))
    out.extend(resumed(cx, out, doc_id, date))  # "«…» هذا ما قاله X"
    out.sort(key=lambda q: (q.start, q.end))
    resolve_descriptions(text, toks, cx.brk, out, cx.ents)
    resolve_statements(text, out)  # "وقال البيان" after "قالت X في بيان": X
    if enabled():
        choose(cx, out)  # a learned second opinion on the speaker (RASD_QUOTE_CHOOSER=1; chooser.py)
    return out


def _topic_speaker(cx: Ctx, np_: NP, medium: str | None) -> Speaker | None:
    """The speaker of a topic opening its sentence, without the و/ف glued to its first word when
    that is plain to see (``ووزارة`` → ``وزارة``, ``والوزارة`` → ``الوزارة``)."""
    return _unglued(make_speaker(cx, Subj(np=np_, medium=medium)))


def _unglued(spk: Speaker | None) -> Speaker | None:
    """``spk`` without a و/ف glued to its first word (``فالبعض`` → ``البعض``), offsets kept true."""
    if spk is None or spk.end - spk.start < 4 or spk.text[:1] not in _CLITICS:
        return spk
    if spk.text[1:2] == spk.text[:1] or spk.text[1:3] == _ART:
        return dataclasses.replace(spk, text=spk.text[1:], start=spk.start + 1)
    return spk


def _date_for(q: Quote, dates: SpanIndex[Timex], doc_date: str | None) -> str | None:
    for t in dates.within(q.start, q.content.start):
        return t.value
    return doc_date


def _frame(cx: Ctx, k: int, n: int, verb: Verb, st: State, doc_id: str) -> tuple[Quote, int, int, int | None] | None:
    """One cue at token ``k`` (``n`` tokens): find its content, then its speaker."""
    toks = cx.toks
    if verb.participle and k >= 2 and any(b in cx.lex.comps for b in _bare(toks[k - 2].norm)) and toks[k - 1].is_word:
        return None  # "وأن الشركة مطالبة بشراء …": the predicate of that clause, no speaker's participle
    if k > 0 and binder_at(cx, cx.s0[k], k + 1) == k - 1:
        return None  # "ووزارة X إذ تعلن ذلك لتؤكد أن …": the bound clause frames, the purpose cue reports
    intro: _Intro | None = None
    j = k + n
    limit = min(len(toks), j + (6 if "strict" in verb.options else MAX_SUBJECT))
    while j < limit:
        if j > k + n and (hit := cue_at(cx, j)) is not None and strict_frames(cx, j, *hit) and (
            toks[j - 1].norm == "," or toks[j].norm[:1] in _CLITICS or subordinate(toks, j) or (hit[1].participle and object_before(cx, k + n, j, verb))
            or ("strict" in verb.options and toks[min(j + hit[0], len(toks) - 1)].norm in cx.lex.comps)  # "بين أفراد يعتقد أنهم"
        ):
            if hit[1].participle and toks[j - 1].norm == "," and (c := colon_quote(cx, j)) is not None:
                intro, st.gap = _Intro(c + 2, c + 1, "quote"), (j, c)  # "وقال X، …، مشيرًا إلى أن …: «…»": the verb's quotation
            break  # another report starts: "بين البلدين، تقول عنها …", "أعلنت X تنفيذ … قائلة إن …", "… حيث أفادت أن"
        if toks[j].norm in (":", "(") and toks[j - 1].norm in scripture():
            return None  # "قال الله تعالى: (…)", "قال تعالى (…)": scripture cited, no quote (realnews decision 2)
        intro = _intro_at(cx, j, verb, first=(j == k + n))
        if intro is not None:
            break
        if j in cx.open_at:
            j = cx.open_at[j] + 1
            if j - 1 < len(cx.brk) and cx.brk[j - 1]:
                break
            continue
        if cx.brk[j] or (j > k + n and opens_clause(toks[j - 1], toks[j])):
            break  # "… بينما عبر النصر عن …": another clause, never this cue's content
        if verb.participle and j > k + n and toks[j - 1].norm == "," and _bare(toks[j].norm)[-1] != toks[j].norm and _bare(toks[j].norm)[-1] not in verb.preps:
            break  # "… مقرًا للشرطة، واندلعت مواجهات …": a new clause, not the participle's content
        if j > k + n and toks[j - 1].norm == "," and subordinate(toks, j + 1):
            break  # "أضافت ميزة البحث، حيث أنه …": the حيث clause explains; its أن is not this cue's
        j += 1
    if "statement" in verb.options and not (intro is not None and intro.kind == "prep" and issued(toks, intro.content_start - 2)):
        return None  # "أصدرت الوزارة بيانا بشأن …" reports; "أصدرت قرارا بشأن …" is a decision
    if intro is not None and intro.kind == "prep" and "clausal" not in verb.options and felt(toks[intro.content_start].norm):
        return None  # "كشف X عن تمنياته بـ …": a feeling or wish with a noun alone (decision 1, E3)
    if intro is None and "comma" in verb.options and (c := comma_after_name(cx, k + n, j)) is not None:
        intro, j = _Intro(c + 1, None, "colon"), c  # "وقال المتحدث … X، تلقت الغرفة بلاغا …"
    if intro is None and "comma" in verb.options and (c := bare_speech(cx, k + n, j)) is not None:
        intro, j = _Intro(c, None, "colon"), c  # "وقال الفارس X لقد سررت …": no mark at all
    if (intro is None or intro.kind in ("prep", "obj")) and (c := bare_clause(cx, k, k + n, verb)) is not None:
        intro, j = _Intro(c, None, "colon"), c  # "وأضاف في كل مراحل …": the last speaker goes on
    if intro is None and "comma" in verb.options and (c := told_speech(cx, k + n, j)) is not None:
        intro, j = _Intro(c, None, "colon"), c  # "وقال X لـ«الصحيفة» المدينة آمنة …"
    if intro is None and "addressee" in verb.options and verb.participle and _asked_all(cx, k + n):
        intro, j = _Intro(k + n, None, "obj"), k + n  # "داعيا جميع المواطنين التعاون …": whom and what, no إلى
    asked = asked_action(cx, k + n, st.times) if intro is None and {"addressee", "strict"} <= verb.options else None
    if asked is not None and not _coordinated(cx, k, st):  # "جاء في الحكم أن …، وطلب X منه …": still that report
        intro, j = _Intro(asked[1], None, "ask"), asked[0]  # "طلب منه سداد …": the action asked of him (E3)
    if "clausal" in verb.options and verb.participle and (intro is None or intro.kind in ("obj", "prep")) and (w := wished_clause(cx, k + n)) is not None:
        intro, j = _Intro(w, None, "comp"), k + n  # "متمنيا للجميع التوفيق وأن …": the wish and its joined clause
    direct_open: int | None = None
    subj_a, subj_b = k + n, (j if intro is not None else k + n)
    if "preps" in verb.options and subj_b > subj_a and toks[subj_b - 1].norm in verb.preps:
        subj_b -= 1  # "وختم بالقول: …": the preposition before the colon is no subject
    if intro is not None and intro.kind in ("obj", "prep") and "nominal" in verb.options and not verb.participle:
        nom = nominal_intro(toks, cx.brk, cx.ents, k + n, cx.names, st.times)  # "نفت إدارة النصر وصول أي خطاب": before أي
        if nom is not None and nom[1] < intro.content_start and (intro.kind == "obj" or object_first(cx, k + n, nom, j)):
            intro, subj_b = _Intro(nom[1], None, "obj"), nom[0]
    if (intro is not None and subj_b > subj_a and "nominal" in verb.options and not verb.participle
            and (_bare(toks[k].norm)[-1] != toks[k].norm or k <= max(st.covered_until, st.indirect_until)) and zero_subject_object(toks, cx.brk, k + n)):  # fmt: skip
        intro, subj_b = (_Intro(k + n, None, "obj") if intro.kind == "prep" else intro), subj_a  # "وأكد حرص X على …": no subject
    if (intro is None or (intro.kind in ("prep", "obj") and intro.content_start > k + n + 1)) and (
        "nominal" in verb.options and not verb.participle and in_which(toks, cx.brk, k + n, verb.preps)
    ):
        intro, subj_b = _Intro(k + n + 1, None, "obj"), k + n + 1  # "بيانا تؤكد فيه استمرار …": the sentence's subject
    if intro is None and (back := pointed_back(cx, k, n)) is not None:  # "…. أكد ذلك X": the statement before
        end = next((x for x in range(k + n + 1, j + 1) if x >= len(toks) or cx.brk[x] or toks[x].norm == ","), j)
        spk = _resolve(cx, parse_subject(cx, k + n + 1, end, verb), verb, st, k)
        if spk is None or end <= k + n + 1:
            return None
        c_s, c_e = toks[back[0]].start, toks[back[1]].end
        q = Quote(doc_id, c_s, max(spk.end, toks[k].end), spk, _cue_text(cx, k, n), Span(c_s, c_e), False,
                  polarity(cx, verb.polarity, back[0], back[1] + 1), 0.7)  # fmt: skip
        return q, back[0], back[1], None
    if intro is None:
        # postposed direct quote: «…»، قال فلان
        p = k - 1
        while p >= 0 and toks[p].norm in (",", "-"):
            p -= 1
        if p >= 0 and p in cx.close_at and cx.close_at[p] not in st.used_pairs and not short_pair(cx, cx.close_at[p]) and toks[p].text != ")":
            direct_open = cx.close_at[p]
            end = k + n
            while end < len(toks) and not cx.brk[end] and toks[end].norm != ",":
                end += 1
            sub = parse_subject(cx, k + n, end, verb)
            spk = _resolve(cx, sub, verb, st, k)
            if spk is None:
                return None
            c_s, c_e = toks[direct_open].end, toks[p].start
            q = Quote(doc_id, toks[direct_open].start, max(toks[end - 1].end, toks[k].end), spk,
                      _cue_text(cx, k, n), Span(c_s, c_e), True, polarity(cx, verb.polarity, direct_open + 1, p), 0.8)
            return q, direct_open + 1, p, direct_open
        if verb.participle and verb.options & {"obj", "nominal"}:  # "مؤكدين معلومات نشرتها الوكالة"
            segs = segments(cx, k + n, content_end(cx, k + n))
            segs = [sg for sg in segs if not is_adjunct_start(cx, sg[0])]
            if not segs:
                return None
            intro = _Intro(segs[0][0], None, "obj")
            subj_b = k + n
        elif (
            ("nominal" in verb.options or ("data" in verb.options and data_subject(toks, k + n)))
            and not verb.participle
            and (nom := nominal_intro(toks, cx.brk, cx.ents, k + n, cx.names, st.times))
        ):
            intro, subj_b = _Intro(nom[1], None, "obj"), nom[0]  # "أظهرت البيانات تراجعا في …"
        elif "data" in verb.options and verb.imperfect and k + n < len(toks) and toks[k + n].is_word and data_before(toks, cx.brk, k):
            intro, subj_b = _Intro(k + n, None, "obj"), k + n  # "بيانات تظهر تراجع …": what the data show
        elif "nominal" in verb.options and (_bare(toks[k].norm)[-1] != toks[k].norm or k <= max(st.covered_until, st.indirect_until)) and zero_subject_object(toks, cx.brk, k + n):
            intro, subj_b = _Intro(k + n, None, "obj"), k + n  # "وأكد أهمية …": no subject, the speaker goes on (nested: its own before it)
        elif "nominal" in verb.options and kana_subject(cx, cx.s0[k], k) is not None and (c := kana_object(toks, cx.brk, k + n, st.times)):
            intro, subj_b = _Intro(c, None, "obj"), k + n  # "وكان النادي قد أعلن أمس توصله …": the subject before the cue
        else:
            return None
    if "strict" in verb.options and intro.kind == "comp" and any(t.norm == "," for t in toks[k + n : intro.content_start]):
        return None  # "العمل بين الجهات مستقبلا، خاصة أن …": the preposition, and another clause's أن
    if ("strict" in verb.options and intro.kind not in ("comp", "colon", "ask") and not (intro.kind == "obj" and "data" in verb.options)) or ("direct" in verb.options and intro.kind != "colon" and intro.direct_open is None):
        return None  # بين is also "between": only "بين أن" / "بين:" report; كتب: only quoted words ("كتب أن «…»")
    if "clausal" in verb.options and intro.kind not in ("comp", "colon", "quote"):
        at = clause_in(cx, intro.content_start)
        if at is None and (o := quote_after(cx, intro.content_start)) is not None:
            at, intro = None, _Intro(o + 1, o, "quote")  # "وأثنى اللاعب على مدربه «…»": the quotation
        elif at is None:  # "أعرب عن قلقه": a feeling, not a report (realnews decision 1) …
            felt_np = parse_subject(cx, subj_a, subj_b, verb)
            if felt_np.np is not None and speakerish(cx, felt_np.np) and (spk := make_speaker(cx, felt_np)) is not None:
                st.hist.add(k, spk)  # … but "… داعيا تركيا إلى …" after it goes on with the same subject
            return None
        else:
            intro = _Intro(at, None, "comp")  # "أعرب عن أمله في أن …": the clause is the content
    if intro.kind == "obj" and time_only(toks, intro.content_start, content_end(cx, intro.content_start), st.times):
        return None  # "كما أعلنت الوزارة الأسبوع الماضي.": when it was said, not what
    inner = k <= st.indirect_until and intro.kind not in ("comp", "colon", "quote") and not (
            "provision" in verb.options and document_before(toks, cx.brk, k) is not None)  # fmt: skip
    if intro.content_start in st.used_starts:
        return None  # "وفق ما نقل عنه موقع X، أن …": that content has its speaker already
    if "addressee" in verb.options and intro.direct_open is None and subj_b > subj_a and _coordinated(cx, k, st):
        intro, subj_b = _Intro(subj_a, None, intro.kind), subj_a  # "…، وحث الحكومة على …": whom he urged
    if intro.direct_open is not None:
        if intro.direct_open in st.used_pairs:
            return None
        direct_open = intro.direct_open
        close = cx.open_at[direct_open]
        c_first, c_last_tok = direct_open + 1, close - 1
        c_s, c_e = toks[direct_open].end, toks[close].start
        q_end = toks[close].end
    else:
        c_first = intro.content_start
        end = content_end(cx, c_first) if c_first > st.covered_until else min(content_end(cx, c_first), st.covered_until)  # not past «…»'s end
        if "named" in verb.options:  # "أثار إعلان X رفضه للاتفاق، موقفا محرجا …": the noun's clause ends at the comma
            end = next((x for x in range(c_first, end) if toks[x].norm == ","), end)
        if end <= c_first:
            return None
        c_last_tok = end - 1
        np_ = trim(cx, c_first, c_last_tok)
        if np_ is None:
            return None
        c_first, c_last_tok = np_.first, np_.last
        c_s, c_e = toks[c_first].start, toks[c_last_tok].end
        q_end = c_e
    if "noun" in verb.options:
        spk = noun_speaker(cx, subj_a, subj_b)
    else:
        sub = parse_subject(cx, subj_a, subj_b, verb)
        if "describe" in verb.options and sub.np is not None and not sub.chain and (not speakerish(cx, sub.np) or described_object(cx, k, verb, subj_a, subj_b)):
            sub = Subj(medium=sub.medium)  # "ووصف المحادثات بأنها": the object, the subject is elided
        if "addressee" in verb.options and (np0 := sub.np) is not None and sub.name is None and not sub.chain:
            if oblique_object(cx, np0):  # "ودعت المواطنين إلى …": whom it calls on, the subject is elided
                sub = Subj(medium=sub.medium)
            else:
                sub.np = addressee_cut(cx, np0)  # "دعا رئيس الجمهورية القوى السياسية إلى …"
        if "named" in verb.options and (sub.np is None or sub.chain or not speakerish(cx, sub.np) or after_attribution(cx, k)):
            return None  # "إعلان الاتفاق", "بحسب إعلان الوزارة": no speaker of its own after the noun
        in_doc = subj_b > subj_a and all(t.norm in cx.lex.in_doc for t in toks[subj_a:subj_b])
        spk = _resolve(cx, sub, verb, st, k, in_doc)
    if spk is None or (inner and not st.own_subject(spk, toks[k].start, verb, False)):
        return None  # "لا تزال تشدد على دعمها" inside someone's reported words; "أن التقرير أكد تعرض …" is its own
    q_start = toks[k].start
    if 0 <= spk.start < q_start and spk.end <= q_start and q_start - spk.end < 200 and spk.start not in st.hist.named:
        q_start = spk.start  # SVO: the construction starts with its subject
    q = Quote(
        doc=doc_id,
        start=q_start,
        end=q_end,
        speaker=spk,
        cue=_cue_text(cx, k, n),
        content=Span(c_s, c_e),
        direct=direct_open is not None,
        polarity=polarity(cx, verb.polarity, c_first, c_last_tok + 1),
        confidence=0.85 if direct_open is not None else 0.75,
    )
    return q, c_first, c_last_tok, direct_open


def _coordinated(cx: Ctx, k: int, st: State) -> bool:
    """The cue at ``k`` carries و/ف and an earlier cue of its sentence was quoted: the same
    speaker goes on (``دعا X إلى …، وحث الحكومة على …``)."""
    return _bare(cx.toks[k].norm)[-1] != cx.toks[k].norm and bool(st.hist.items) and st.hist.items[-1][0] >= cx.s0[k]


def _noun_lead(lead: str) -> bool:
    """A clause's first word is ف + the article (``فالبعض يرى``): a noun, so no verb comes first.
    ``والـ`` and ``وزير`` stay verb-first: on the dev half reading them as nouns added errors (an
    abstraction that "says", a subject run on over a verb) and removed none."""
    return lead.startswith(_SO + _ART)


def _so_noun(cx: Ctx, x: int) -> bool:
    """A comma at ``x`` before ف + the article (``…، فالبعض يرى أن``): ف joins clauses, never
    the nouns of a list, so the subject of the cue starts after the comma."""
    return cx.toks[x].norm == "," and x + 1 < len(cx.toks) and cx.toks[x + 1].norm.startswith(_SO + _ART)


def _cue_text(cx: Ctx, k: int, n: int) -> str:
    t = cx.toks[k]
    s = t.start + (1 if t.norm[:1] in _CLITICS and _bare(t.norm)[-1] != t.norm and _is_clitic_cue(cx, k, n) else 0)
    return cx.text[s : cx.toks[k + n - 1].end]


def _is_clitic_cue(cx: Ctx, k: int, n: int) -> bool:
    words = [t.norm for t in cx.toks[k : k + n]]
    return (words[0], *words[1:]) not in cx.lex.cues


def _resolve(cx: Ctx, sub: Subj, verb: Verb, st: State, k: int, in_doc: bool = False) -> Speaker | None:
    """The speaker: the subject after the cue, else a subject before it, else the last one.
    ``in_doc``: the cue's only subject word points into a document (``خطابا … تطالب فيه``):
    like a participle, it speaks for the subject of its sentence."""
    s0 = sentence_start(cx, k)
    if verb.participle or in_doc:
        if k <= st.covered_until and (inner := inner_subject(cx, s0, k)) is not None:
            return make_speaker(cx, inner)  # "“صاحت الشرطة قائلة لها (…)”": who shouted, inside the speech
        if (bound := bound_topic(cx, s0, k)) is not None:
            return _topic_speaker(cx, bound, sub.medium)  # "ووزارة X إذ تعلن ذلك لتؤكد …"
        if not st.hist.items or st.hist.items[-1][0] < s0:
            if (snd := sender(cx, s0, k)) is not None:
                return make_speaker(cx, Subj(np=snd, medium=sub.medium))  # "تلقى X برقية من Y …، مؤكدا"
            main = main_subject(cx, s0, k)
            j = k - 1
            while j > 0 and not cx.toks[j].is_word:
                j -= 1
            if main is None and s0 == k and j > 0:  # "… والازدهار.. مشيراً الى أن": a loose stop, the clause goes on
                prev = sentence_start(cx, j)
                if not st.hist.items or st.hist.items[-1][0] < prev:
                    main = main_subject(cx, prev, j + 1)
            if main is not None:
                return make_speaker(cx, main)
        a = max((x + 1 for x in range(s0, k) if cx.toks[x].norm == ","), default=s0)
        if st.hist.items and st.hist.items[-1][0] < a < k - 2 and _bare(cx.toks[a].norm)[-1] != cx.toks[a].norm and cue_at(cx, a) is None:
            main = main_subject(cx, a, k)  # "…، وحملت فئة ثالثة اللاعبين الخسارة مشيرة إلى …": its own subject
            if main is not None and main.np is not None and speakerish(cx, main.np):
                return make_speaker(cx, main)
        spk = continued(cx, max(s0, st.covered_until + 1, st.indirect_until + 1), k, verb, st.last, inner_start(cx, st, k))
        return _inherit(agreeing(cx, st, k, verb, spk), sub.medium)
    if sub.np is not None and (fronted := answered_topic(cx, s0, k)) is not None:
        return make_speaker(cx, Subj(np=fronted, medium=sub.medium))  # "أما X فقد برر غيابه بأنه"
    if sub.np is not None and not sub.chain and kana_subject(cx, s0, k) is not None:
        sub = Subj(medium=sub.medium)  # "وكانت الوزارة أبلغت السفارة أن …": the subject is before the cue
    if sub.np is not None:
        if sub.name is None and (share := share_company(cx, sub.np, s0, k)) is not None:
            return make_speaker(cx, Subj(np=share, medium=sub.medium))  # "تراجع سهم X …، بعدما أعلنت الشركة"
        if sub.name is None and st.hist.items:
            if anaphoric(cx, sub.np) and (ante := _antecedent(cx, sub.np, st)) is not None:
                return _inherit(ante, sub.medium)
            if all(definite(t.norm) for t in cx.toks[sub.np.first : sub.np.last + 1] if t.is_word):
                ante = _antecedent(cx, sub.np, st, strict=True)
                if ante is not None:  # "وأشارت القيادة" after "قيادة العمليات المشتركة"
                    return _inherit(ante, sub.medium)
        return make_speaker(cx, sub)
    if (bound := bound_topic(cx, s0, k)) is not None:
        return _topic_speaker(cx, bound, sub.medium)  # "… لتؤكد …، وتحذر كل من …": the topic goes on
    if (rel := relative_antecedent(cx, k)) is not None:
        return make_speaker(cx, Subj(np=rel, medium=sub.medium))  # "نيجيريا التي تعتبره «…»"
    if sub.np is None and (doc := data_before(cx.toks, cx.brk, k)) is not None:
        return make_speaker(cx, Subj(np=NP(*doc), medium=sub.medium))  # "تقارير تفيد بأن …", "تقارير أشارت إلى …": the reports
    if (own := venue_owner(cx, s0, k)) is not None and (not st.hist.items or st.hist.items[-1][0] < s0):
        ante = _antecedent(cx, own, st, strict=True) if st.hist.items else None
        return _inherit(ante, sub.medium) if ante is not None else make_speaker(cx, Subj(np=own, medium=sub.medium))
    # SVO: "واشنطن قالت إن", "قائد …، الجنرال X، بين أن", "… أن الوزير X قال إن", "… فإن المجلس قال"
    a = next((x + 1 for x in range(k - 1, s0 - 1, -1)
              if any(b in cx.lex.comps for b in _bare(cx.toks[x].norm)) or cx.toks[x].norm == ":" or (x in cx.close_at and not short_pair(cx, cx.close_at[x])) or (x in cx.open_at and not short_pair(cx, x)) or (x > s0 and (subject_next(cx.toks[x]) or opens_clause(cx.toks[x - 1], cx.toks[x]))) or _so_noun(cx, x)), s0)  # fmt: skip
    a = max(a, st.indirect_until + 1) if st.indirect_until < k else a  # "سائلا الله أن يغفر لهم، كما سأل": not that content
    lead = next((t.norm for t in cx.toks[a:k] if t.is_word), "")  # past a leading "ـ" or "-"
    verb_first = lead[:1] in _CLITICS and len(lead) > 3 and _bare(lead)[-1] not in cx.lex.skip and not _noun_lead(lead)
    verb_first = verb_first or any(b in cx.lex.left_blockers for b in _bare(lead))
    verb_first = verb_first or _bare(cx.toks[k].norm)[-1] != cx.toks[k].norm  # "، ووصف": a coordinated verb
    verb_first = verb_first or lead in _CLITICS  # "و اضاف": the و written apart from its verb
    verb_first = verb_first or (a > s0 and _pronoun_comp(cx, cx.toks[a - 1].norm))  # "أنه عثر على أشلاء يعتقد": a predicate
    aux = bool(lead) and _bare(lead)[-1] in cx.lex.skip  # "وكانت الصحيفة … قد كشفت": كان opens the clause
    if 0 < k - a <= (MAX_AUX_SUBJECT if aux else 12) and not verb_first and not any(cue_at(cx, x) for x in range(a, k)):
        if any(relay(t) for t in cx.toks[a:k]):
            chained = parse_subject(cx, a, k, verb)  # "صحيفة X ونقلا عن مصادر …، قد كشفت": the sources spoke
            if chained.chain and chained.np is not None:
                chained.medium = chained.medium or sub.medium
                return make_speaker(cx, chained)
        segs = [sg for sg in segments(cx, a, k) if not is_adjunct_start(cx, sg[0])]
        nps = [np_ for sg in segs if (np_ := clean_np(cx, (t := trim(cx, sg[0], sg[1] - 1)) and before_relative(cx, t)))]
        nps = [
            np_ for np_ in nps
            if not (np_.first == np_.last and (member(cx.toks[np_.first].norm, _SOFT) or _bare(cx.toks[np_.first].norm)[-1] in cx.lex.skip))
        ]
        if nps:
            if len(nps) == 1 and anaphoric(cx, nps[0]) and st.hist.items and (ante := _antecedent(cx, nps[0], st)) and not st.reporter(k, ante):
                return _inherit(ante, sub.medium)
            if len(nps) == 1 and st.hist.items and not member(cx.toks[nps[0].first].norm, cx.lex.anon) and all(
                definite(t.norm) for t in cx.toks[nps[0].first : nps[0].last + 1] if t.is_word
            ):
                ante = _antecedent(cx, nps[0], st, strict=True)
                if ante is not None and not st.reporter(k, ante):  # "وكانت الجبهة أعلنت" after "جبهة X …": the one named before
                    return _inherit(ante, sub.medium)
            left = Subj(np=nps[0], medium=sub.medium)
            if len(nps) > 1:
                if title_np(cx, nps[0]):
                    left.name, left.role = nps[1], nps[0]
                else:
                    left.name, left.role = nps[0], nps[1]
            return _unglued(make_speaker(cx, left))  # "فالبعض يرى": the subject without its ف
    fronted = topic(cx, s0, k)  # "أما صحيفة X، فكانت لاذعة وكتبت أنه": the fronted topic speaks
    if fronted is not None and (not st.hist.items or st.hist.items[-1][0] < s0):
        return make_speaker(cx, Subj(np=fronted, medium=sub.medium))
    # "…، فيما شددت على": a contrast after the comma opens the cue's clause as the comma alone does
    c = k - 2 if k - 2 > s0 and opens_clause(cx.toks[k - 2], cx.toks[k - 1]) else k - 1
    if c >= s0 and not verb.imperfect and (not st.hist.items or st.hist.items[-1][0] < s0) and cx.toks[c].norm == ",":
        main = main_subject(cx, s0, k)  # "وعلقت صحيفة X على الخبر، فقالت إن": the sentence's own subject
        if main is not None and main.np is not None and speakerish(cx, main.np):
            return make_speaker(cx, main)
    if _bare(cx.toks[k].norm)[-1] != cx.toks[k].norm and not verb.imperfect:
        a = past_binder(cx, max((x + 1 for x in range(s0, k) if cx.toks[x].norm == ","), default=s0))
        if a < k - 2 and cue_at(cx, a) is None and (not st.hist.items or st.hist.items[-1][0] < a):
            main = main_subject(cx, a, k)  # "وتحدثت صحيفة X عن … ودعت …": the clause's own subject
            if main is not None and main.np is not None and speakerish(cx, main.np):
                return make_speaker(cx, main)
    if (when := when_subject(cx, s0, k)) is not None:
        return make_speaker(cx, Subj(np=when, medium=sub.medium))  # "وعندما سئل الوزير … قال إن"
    if verb.imperfect and not _goes_on(cx, k) and not narrated_present(cx.toks, k, k + 1 in cx.open_at):
        return None  # "فصائل مسلحة تقول إنها …": a description, not a continuation
    spk = continued(cx, max(st.covered_until, st.indirect_until) + 1, k, verb, st.last_at(k), inner_start(cx, st, k))
    return _inherit(agreeing(cx, st, k, verb, spk), sub.medium)


def _asked_all(cx: Ctx, a: int) -> bool:
    """``جميع/كافة`` + the called-on group (``والمقيمين`` joined to it) + more words before the
    clause ends: the action asked of them follows without a preposition (``داعيا جميع
    المواطنين والمقيمين التعاون …``); ``داعيا جميع الحضور`` alone asks for nothing."""
    if a >= len(cx.toks) or cx.toks[a].norm not in cx.lex.addressees:
        return False
    end, b = content_end(cx, a), a + 2
    while b < end and cx.toks[b].norm.startswith(_AND_THE):
        b += 1
    return b < end and cx.toks[b].is_word


def _pronoun_comp(cx: Ctx, w: str) -> bool:
    """``أنه``, ``إنها``: a complementizer that carries its clause's subject as a pronoun, so the
    words after it are the predicate (a verb), never the subject of a later cue."""
    return w in cx.lex.comps and any(w.endswith(p) and w[: len(w) - len(p)] in cx.lex.comps for p in _PRONOUNS)


def _goes_on(cx: Ctx, k: int) -> bool:
    """The word before token ``k`` is a verb of going on (``ومضى``, ``وتابع``) that opens its
    clause: "ومضى يقول إن …" continues the speaker quoted before."""
    j = k - 1
    return j >= 0 and cx.toks[j].is_word and any(b in cx.lex.go_on for b in _bare(cx.toks[j].norm)) and (
        j == 0 or cx.brk[j - 1] or not cx.toks[j - 1].is_word or cx.toks[j].norm[:1] in _CLITICS
    )


def _antecedent(cx: Ctx, np_: NP, st: State, strict: bool = False) -> Speaker | None:
    """Most recent speaker whose head word matches a definite mention (المسؤول → مسؤول …)."""
    head = _nodef(_bare(cx.toks[np_.first].norm)[-1])
    if head in {_nodef(x) for x in cx.lex.latter}:
        return st.last
    extra = {_nodef(t.norm) for t in cx.toks[np_.first + 1 : np_.last + 1] if t.is_word}
    found = st.hist.antecedent(head, extra)
    if found is None and head in cx.lex.anon and head not in cx.lex.titles:
        return None  # "وتشير المصادر" with no earlier source of that kind: the sources themselves
    if found is None and head in cx.lex.titles and head not in cx.lex.anon:
        return None  # "وقال المحافظ" after another's quotes: the governor named earlier (quotes/coref.py)
    return st.last if found is None and not strict else found


def _inherit(last: Speaker | None, medium: str | None) -> Speaker | None:
    if last is None:
        return None
    spk = dataclasses.replace(last)
    if medium:
        spk.medium = medium
    return spk


