"""A standing suite of hostile inputs for ``rasd analyze``, all generated at test time.

Nothing binary is committed: ``build_cases`` writes every input into ``tmp_path``. Each
case says which sources must be rejected (one ``error: SOURCE: REASON`` line each) and
which documents must still be stored (an input that can be repaired, such as a file
name that is not UTF-8, is stored with a warning). The exit status follows the rule in
docs/ingest.md: 0 = every input processed, 1 = some input rejected (the documents of
the good inputs are still stored), 2 = usage error.

Runs that could hang on a regression (a FIFO, an endless device) are bounded: in
process by an alarm that raises past the readers' guards, in a subprocess by a timeout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.ingest.rawio import MAX_PAGE_BYTES
from rasd.interfaces.cli import _load_commands, app
from rasd.models import Document
from rasd.store import open_store

_load_commands()
RUN_LIMIT = 120  # seconds: generous; a hang fails the test instead of blocking CI


def _root_reads_all() -> bool:
    """Root (with its usual capabilities) lists a folder of mode 000; then that check is moot."""
    if os.geteuid() != 0:
        return False
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0)
        try:
            os.listdir(tmp)
            return True
        except PermissionError:
            return False
        finally:
            os.chmod(tmp, 0o700)


ROOT_READS_ALL = _root_reads_all()

# Self-written articles: one per input, so no two inputs hold the same document.
CITIES = ["الموصل", "البصرة", "أربيل", "النجف", "كربلاء", "الحلة", "الرمادي", "كركوك", "الكوت", "السماوة", "العمارة", "الديوانية"]


def article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"بلدية {city} تفتتح مكتبة عامة جديدة\n\n"
        f"افتتحت بلدية {city} صباح اليوم مكتبة عامة جديدة في وسط المدينة تضم آلاف الكتب وقاعة للمطالعة "
        f"وركنا للأطفال، على أن تفتح أبوابها للزوار ستة أيام في الأسبوع رقم {i + 1}.\n\n"
        f"وقال مدير المكتبة إن المشروع استغرق عامين، وإن أهالي {city} تبرعوا بجزء كبير من الكتب، "
        "مضيفا أن البلدية تخطط لافتتاح فروع أصغر في الأحياء البعيدة خلال السنوات المقبلة.\n"
    )


def marker(i: int) -> str:
    """A phrase that only the document of ``article(i)`` holds."""
    return f"للزوار ستة أيام في الأسبوع رقم {i + 1}."


GOOD = {
    "council.txt": (
        "مجلس المحافظة يقر خطة لتأهيل الطرق الريفية\n\n"
        "أقر مجلس المحافظة في جلسته الأسبوعية خطة لتأهيل الطرق الريفية التي تربط القرى بمركز القضاء، "
        "وقال رئيس لجنة الخدمات إن العمل سيبدأ بالطرق الأكثر تضررا من سيول الشتاء الماضي.\n\n"
        "وأضاف أن الخطة تشمل إنارة الطرق بالطاقة الشمسية، وأن شركات محلية ستنفذ الجزء الأكبر منها.\n"
    ),
    "market.txt": (
        "أسعار الخضار تتراجع في الأسواق المحلية\n\n"
        "تراجعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الجاري بعد وصول كميات كبيرة من المحاصيل "
        "الموسمية، وقال تجار في سوق الجملة إن سعر الطماطم انخفض إلى النصف تقريبا.\n\n"
        "وتوقع التجار أن تستقر الأسعار حتى نهاية الموسم ما لم تتغير الأحوال الجوية.\n"
    ),
    "football.txt": (
        "فريق المدينة يتأهل إلى نصف النهائي\n\n"
        "تأهل فريق المدينة لكرة القدم إلى الدور نصف النهائي من بطولة الكأس بعد فوزه بهدفين نظيفين، "
        "وقال مدرب الفريق إن اللاعبين قدموا مباراة كبيرة رغم غياب ثلاثة من الأساسيين بسبب الإصابة.\n"
    ),
}
GOOD_MARKERS = {name: text.split("\n\n")[1][:40] for name, text in GOOD.items()}


@dataclass
class Case:
    name: str
    inputs: list[str]
    rejected: dict[str, str] = field(default_factory=dict)  # source -> part of its one-line reason
    stored: dict[str, str] = field(default_factory=dict)  # source -> text the stored document holds
    check: Callable[[dict[str, Document]], None] | None = None  # more about the stored documents


def _rec(i: int, **fields: object) -> dict[str, object]:
    title, body = article(i).split("\n\n", 1)
    return {"title": title, "content": body, **fields}


def _no_mojibake(docs: dict[str, Document]) -> None:
    doc = docs["one_bad_byte.txt"]
    assert doc.encoding == "utf-8" and "\ufffd" in doc.text
    assert "تفتتح مكتبة" in doc.title and "ط§" not in doc.text  # not read as Windows-1256
    assert any("invalid UTF-8" in w for w in doc.warnings)


def _capped(docs: dict[str, Document]) -> None:
    doc = docs["huge_line.txt"]
    assert 0 < len(doc.text.encode("utf-8")) <= MAX_PAGE_BYTES
    assert any("page cut to the first 2 MB" in w for w in doc.warnings)


def _list_title(docs: dict[str, Document]) -> None:
    assert docs["list_title.json#0"].title == "خبر عاجل مكتبة جديدة"


def _surrogates(docs: dict[str, Document]) -> None:
    doc = docs["surrogates.json#0"]
    assert doc.title == "\ufffd" + article(1).split("\n", 1)[0]
    assert doc.url == "http://example.org/\ufffd"


def build_cases(root: Path) -> list[Case]:
    """Write every hostile input under ``root`` (one folder per case) and say what to expect."""
    cases: list[Case] = []

    def folder(name: str) -> Path:
        d = root / name
        d.mkdir(parents=True)
        return d

    d = folder("bad_name")
    with open(os.path.join(os.fsencode(d), b"caf\xff.txt"), "wb") as fh:
        fh.write(article(0).encode("utf-8"))
    cases.append(Case("bad_name", [str(d)], stored={"caf\\xff.txt": marker(0)}))

    d = folder("surrogates")
    raw = json.dumps([_rec(1, source="\udc80", url="http://example.org/\ud800")], ensure_ascii=True)
    (d / "surrogates.json").write_text(raw.replace('"title": "', '"title": "\\ud83d', 1), encoding="ascii")
    cases.append(Case("surrogates", [str(d)], stored={"surrogates.json#0": marker(1)}, check=_surrogates))

    d = folder("fifo")
    os.mkfifo(d / "pipe.txt")
    cases.append(Case("fifo", [str(d)], rejected={"pipe.txt": "not a regular file (named pipe)"}))

    d = folder("dev_zero")
    (d / "endless.txt").symlink_to("/dev/zero")
    cases.append(Case("dev_zero", [str(d)], rejected={"endless.txt": "not a regular file (character device"}))

    d = folder("one_bad_byte")
    data = article(2).encode("utf-8")
    mid = data.index("وقال".encode())
    (d / "one_bad_byte.txt").write_bytes(data[:mid] + b"\xff" + data[mid:])
    cases.append(Case("one_bad_byte", [str(d)], stored={"one_bad_byte.txt": marker(2)}, check=_no_mojibake))

    d = folder("empty_records")
    (d / "empty.json").write_bytes(b"")
    (d / "blank.jsonl").write_bytes(b"\n\n")
    cases.append(Case("empty_records", [str(d)], rejected={"empty.json": "empty file", "blank.jsonl": "empty file"}))

    d = folder("utf16")
    (d / "utf16.json").write_bytes(json.dumps([_rec(3)], ensure_ascii=False).encode("utf-16"))
    cases.append(Case("utf16", [str(d)], stored={"utf16.json#0": marker(3)}))

    d = folder("bad_json")
    good = json.dumps(_rec(4), ensure_ascii=False)
    (d / "truncated.json").write_text(f"[\n{good},\n{good[:30]}", encoding="utf-8")
    (d / "broken.jsonl").write_text(json.dumps(_rec(5), ensure_ascii=False) + '\n{"title": "خبر",, }\n', encoding="utf-8")
    cases.append(
        Case(
            "bad_json",
            [str(d)],
            rejected={"truncated.json": "invalid JSON after 1 record(s): ", "broken.jsonl#1": "invalid JSON on line 2: "},
            stored={"truncated.json#0": marker(4), "broken.jsonl#0": marker(5)},
        )
    )

    d = folder("list_title")
    (d / "list_title.json").write_text(json.dumps([_rec(6, title=["خبر عاجل", "مكتبة جديدة"])], ensure_ascii=False), encoding="utf-8")
    cases.append(Case("list_title", [str(d)], stored={"list_title.json#0": marker(6)}, check=_list_title))

    d = folder("huge_line")
    blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkr" * (5_000_000 // 44)  # one 5 MB line, like a minified blob
    (d / "huge_line.txt").write_text(blob, encoding="ascii")
    cases.append(Case("huge_line", [str(d)], stored={"huge_line.txt": blob[:44]}, check=_capped))

    d = folder("binary")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (d / "scan.txt").write_bytes(png)
    (d / "image.png").write_bytes(png)
    cases.append(
        Case("binary", [str(d), str(d / "image.png")], rejected={"scan.txt": "binary file (not text)", "image.png": "binary file (not text)"})
    )

    d = folder("bad_zip")
    with zipfile.ZipFile(d / "archive.zip", "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("good.txt", article(7))
        zf.writestr("bad.txt", article(8))
    raw_zip = bytearray((d / "archive.zip").read_bytes())
    raw_zip[raw_zip.index(marker(8).encode())] ^= 0xFF  # the member's bytes no longer match its CRC
    (d / "archive.zip").write_bytes(bytes(raw_zip))
    (d / "not_a.zip").write_text(article(9), encoding="utf-8")
    cases.append(
        Case(
            "bad_zip",
            [str(d)],
            rejected={"archive.zip!bad.txt": "corrupt zip member", "not_a.zip": "not a readable zip file"},
            stored={"archive.zip!good.txt": marker(7)},
        )
    )

    if not ROOT_READS_ALL:  # root reads a folder whatever its mode: nothing to check there
        d = folder("unreadable")
        (d / "ok.txt").write_text(article(10), encoding="utf-8")
        (d / "locked").mkdir()
        (d / "locked" / "inside.txt").write_text(article(11), encoding="utf-8")
        (d / "locked").chmod(0)
        cases.append(
            Case("unreadable", [str(d)], rejected={"locked": "cannot read folder: Permission denied"}, stored={"ok.txt": marker(10)})
        )
    return cases


def write_good(root: Path) -> str:
    d = root / "good"
    d.mkdir(parents=True)
    for name, text in GOOD.items():
        (d / name).write_text(text, encoding="utf-8")
    return str(d)


CASE_NAMES = [
    "bad_name", "surrogates", "fifo", "dev_zero", "one_bad_byte", "empty_records", "utf16",
    "bad_json", "list_title", "huge_line", "binary", "bad_zip", "unreadable",
]  # fmt: skip


# --------------------------------------------------------------------------- checks


def error_lines(stderr: str) -> dict[str, str]:
    """``{source: reason}`` of the ``error: SOURCE: REASON`` lines; each must be one clear line."""
    out: dict[str, str] = {}
    for line in stderr.splitlines():
        if not line.startswith("error: "):
            continue
        source, sep, reason = line[len("error: ") :].partition(": ")
        assert sep and reason.strip() and len(reason) < 300, line
        assert source not in out, f"{source} reported twice"
        out[source] = reason
    return out


def stored_docs(db: Path) -> dict[str, Document]:
    with open_store(str(db)) as store:
        return {d.source: d for d in store.iter_documents()}


def check_run(code: int, stdout: str, stderr: str, db: Path, cases: list[Case], good: bool) -> None:
    assert "Traceback" not in stdout + stderr, stderr[-3000:]
    errors = error_lines(stderr)
    expected = {src: why for c in cases for src, why in c.rejected.items()}
    assert set(errors) == set(expected), (errors, expected)
    for src, why in expected.items():
        assert why in errors[src], (src, errors[src])
    assert code == (1 if expected else 0), (code, stderr[-2000:])  # the exit-status rule
    docs = stored_docs(db)
    want = {src: text for c in cases for src, text in c.stored.items()}
    if good:
        want.update(GOOD_MARKERS)
    for src, text in want.items():
        assert src in docs, (src, sorted(docs))
        assert text in docs[src].text, src
    assert set(docs) == set(want), sorted(set(docs) ^ set(want))  # nothing stored from rejected inputs
    for c in cases:
        if c.check is not None:
            c.check(docs)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, not hang: the alarm raises a ``BaseException`` that no reader guard catches."""

    class Hang(BaseException):
        pass

    def ring(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _unlock(root: Path) -> None:
    locked = root / "unreadable" / "locked"
    if locked.exists():
        locked.chmod(0o755)  # so pytest can remove tmp_path


@pytest.fixture
def cases(tmp_path: Path) -> Iterator[list[Case]]:
    built = build_cases(tmp_path / "in")
    yield built
    _unlock(tmp_path / "in")


# --------------------------------------------------------------------------- tests


def test_case_list_is_complete(cases: list[Case]) -> None:
    built = [c.name for c in cases]
    assert built == [n for n in CASE_NAMES if n in built] and set(CASE_NAMES) - set(built) <= {"unreadable"}


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_hostile_input_alone(name: str, cases: list[Case], tmp_path: Path) -> None:
    case = next((c for c in cases if c.name == name), None)
    if case is None:
        pytest.skip("running as root: a folder's mode does not stop root from reading it")
    db = tmp_path / "one.db"
    with deadline(RUN_LIMIT):
        r = CliRunner().invoke(app, ["analyze", *case.inputs, "--out", str(tmp_path / "out"), "--db", str(db), "-q"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    check_run(r.exit_code, r.stdout, r.stderr, db, [case], good=False)


def _rasd(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from rasd.interfaces.cli import main; sys.argv[0] = 'rasd'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=RUN_LIMIT, stdin=stdin
    )


def test_all_hostile_inputs_mixed_with_good_pages(cases: list[Case], tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "mixed.db"
    out.mkdir()
    stale = out / "analysis.json.999999999.tmp"  # left by a killed run (no such PID)
    stale.write_text("{", encoding="utf-8")
    inputs = [write_good(tmp_path / "in"), *(i for c in cases for i in c.inputs)]
    res = _rasd("analyze", *inputs, "--out", str(out), "--db", str(db))
    check_run(res.returncode, res.stdout, res.stderr, db, cases, good=True)
    assert "wrote " in res.stdout  # the export is written even though some inputs were rejected
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert {d["source"] for d in data["documents"]} == set(stored_docs(db))
    assert not stale.exists()


def test_good_pages_alone_exit_0(tmp_path: Path) -> None:
    db = tmp_path / "good.db"
    r = CliRunner().invoke(app, ["analyze", write_good(tmp_path), "--out", str(tmp_path / "o"), "--db", str(db)])
    check_run(r.exit_code, r.stdout, r.stderr, db, [], good=True)
    assert "0 error(s)" in r.stdout


def test_endless_stdin_and_huge_arabic_line_are_bounded(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open("/dev/zero", "rb") as zero:  # before: the rest of the stream was "counted" forever
        res = _rasd("ingest", "-", "--db", str(db), stdin=zero.fileno())
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert error_lines(res.stderr) == {"<stdin>": "binary file (not text)"}
    huge = tmp_path / "huge_ar.txt"
    huge.write_text(article(0).replace("\n", " ") * (4_000_000 // len(article(0).encode())), encoding="utf-8")
    res = _rasd("ingest", str(huge), "--db", str(db), "-q")
    assert res.returncode == 0 and res.stderr == "", res.stderr
    (doc,) = stored_docs(db).values()
    assert 1_000_000 < len(doc.text.encode("utf-8")) <= MAX_PAGE_BYTES
    assert any("page cut to the first 2 MB (input is 4.0 MB)" in w for w in doc.warnings)


def test_temp_files_of_killed_exports_are_removed(tmp_path: Path) -> None:
    from rasd.interfaces.export import write_json_file

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its PID is free now: the state a run killed mid-export leaves behind
    stale = tmp_path / f"analysis.json.{gone.pid}.tmp"
    live = tmp_path / f"analysis.json.{os.getppid()}.tmp"  # a run still writing: keep
    odd = [tmp_path / "analysis.json.notapid.tmp", tmp_path / "analysis.json.0.tmp", tmp_path / "report.html.1.tmp"]
    for p in (stale, live, *odd):
        p.write_text("{", encoding="utf-8")
    write_json_file(tmp_path / "analysis.json", {"documents": []})
    assert not stale.exists()
    assert live.exists() and all(p.exists() for p in odd)
    assert json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8")) == {"documents": []}
    assert sorted(p.name for p in tmp_path.glob(f"analysis.json.{os.getpid()}.tmp")) == []  # its own is renamed
