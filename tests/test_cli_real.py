"""``rasd analyze``/``ingest`` end to end with the real ingest and annotators."""

from __future__ import annotations

import json
from pathlib import Path

from test_pipeline_fakes import assert_export_shape
from typer.testing import CliRunner

from rasd.interfaces.cli import _load_commands, app

_load_commands()
runner = CliRunner()

# Self-written pages in the style of saved news pages (furniture, dateline, byline).
PAGE_1 = """مجلس الوزراء يقر خطة لإعادة إعمار المدارس في نينوى

الاثنين 3 مارس 2025

أقر مجلس الوزراء العراقي في جلسته الاعتيادية يوم الاثنين خطة لإعادة إعمار مئة وعشرين مدرسة في محافظة نينوى، على أن يبدأ التنفيذ مطلع الصيف المقبل.

وقال المتحدث باسم الحكومة إن "الخطة تمول من الموازنة الاستثمارية وتشرف عليها لجنة مشتركة مع المحافظة"، مضيفا أن الأولوية للمدارس التي تضررت خلال سنوات الحرب.

وأشار إلى أن وزارة التربية ستتسلم الأبنية الجديدة تباعا قبل نهاية العام الدراسي القادم.

جميع الحقوق محفوظة
"""
PAGE_2 = """أسعار النفط ترتفع بعد قرار خفض الإنتاج

الخميس 12 يونيو 2025

ارتفعت أسعار النفط في تعاملات الخميس بعد أن أعلنت مجموعة من الدول المنتجة خفضا جديدا في الإنتاج يبدأ الشهر المقبل.

وقال محللون إن السوق كانت تتوقع القرار، لكن حجم الخفض جاء أكبر من التقديرات، ما دفع العقود الآجلة إلى الصعود بنحو ثلاثة في المئة.
"""


def write(d: Path) -> Path:
    d.mkdir()
    (d / "p1.txt").write_text(PAGE_1, encoding="utf-8")
    (d / "p2.txt").write_bytes(PAGE_2.encode("cp1256"))
    (d / "empty.txt").write_bytes(b"")
    (d / "trunc.txt").write_bytes(PAGE_2.encode("utf-8")[:-1])  # cut inside the last character
    (d / "blob.bin").write_bytes(bytes(range(256)) * 40)
    return d


def invoke(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_analyze_real_pages(tmp_path: Path) -> None:
    pages = write(tmp_path / "pages")
    args = ("analyze", str(pages), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "r.db"), "--as-of", "2025-07-01", "-q")
    code, out, err = invoke(*args)
    assert code == 1, err  # empty.txt and blob.bin are rejected; the good pages are stored
    assert "Traceback" not in err
    assert any(line.startswith("error: empty.txt") for line in err.splitlines())
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert_export_shape(data)
    titles = {d["title"] for d in data["documents"]}
    assert "مجلس الوزراء يقر خطة لإعادة إعمار المدارس في نينوى" in titles
    assert "أسعار النفط ترتفع بعد قرار خفض الإنتاج" in titles  # the Windows-1256 page
    assert all("جميع الحقوق محفوظة" not in d["text"] for d in data["documents"])
    first = json.dumps({k: v for k, v in data.items() if k != "generated_at"}, ensure_ascii=False, sort_keys=True)
    code, out, err = invoke(*args[:-1])
    assert code == 1 and " 0 new" in out
    again = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert json.dumps({k: v for k, v in again.items() if k != "generated_at"}, ensure_ascii=False, sort_keys=True) == first


def test_ingest_from_stdin(tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "s.db"), "--date", "2025-03-03"], input=PAGE_1)
    assert r.exit_code == 0, r.stderr
    assert "1 new" in r.stdout
    r = runner.invoke(app, ["search", "نينوي", "--db", str(tmp_path / "s.db")])  # ى/ي folded
    assert r.exit_code == 0 and "نينوى" in r.stdout


def test_seeds_analyze(shared_dir: Path, tmp_path: Path) -> None:
    code, out, err = invoke("analyze", str(shared_dir / "seeds"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.db"), "-q")
    assert code == 0, err
    data = json.loads((tmp_path / "o" / "analysis.json").read_text(encoding="utf-8"))
    assert_export_shape(data)
    assert len(data["documents"]) == 6
    code, out, _ = invoke("search", "عين الاسد", "--db", str(tmp_path / "s.db"))
    assert code == 0 and "عين الأسد" in out


def test_ingest_bad_inputs_batch_continues(tmp_path: Path) -> None:
    d = write(tmp_path / "pages")
    (d / "english.txt").write_text("Markets today\n\nShares rose slightly in early trading on Monday.\n", encoding="utf-8")
    (d / "page.html").write_text(
        "<html><head><title>خبر</title><script>var x = 'تخطي';</script></head><body><article><h1>"
        + PAGE_2.split("\n", 1)[0]
        + "</h1><p>"
        + PAGE_2.split("\n\n", 2)[2].replace("\n\n", "</p><p>")
        + "</p></article><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    line = ("وهذه جملة طويلة مكررة لصنع صفحة ضخمة جدا لا يكتبها أحد في العادة. " * 50 + "\n").encode("utf-8")
    with (d / "huge.txt").open("wb") as fp:
        for _ in range(50 * 2**20 // len(line) + 1):
            fp.write(line)
    db = str(tmp_path / "b.db")
    code, out, err = invoke("ingest", str(d), "--db", db)
    assert code == 1, err  # some inputs rejected; the rest stored (checked below)
    assert "Traceback" not in err
    errored = {ln.split(":", 2)[1].strip() for ln in err.splitlines() if ln.startswith("error: ")}
    assert "empty.txt" in errored
    code, out, _ = invoke("export", "--format", "csv", "--db", db)
    import csv
    import io

    csv.field_size_limit(2**30)  # the huge page's body is one 2 MB field
    rows = list(csv.DictReader(io.StringIO(out)))
    sources = {r["source"] for r in rows}
    assert {"p1.txt", "p2.txt", "english.txt", "huge.txt"} <= sources
    assert next(r for r in rows if r["source"] == "english.txt")["language"] != "ar"
    assert all("alert(1)" not in r["text"] for r in rows)
    huge = next(r for r in rows if r["source"] == "huge.txt")
    assert len(huge["text"]) < 50 * 2**20 and huge["warnings"]
