"""Readers open the store read-only: ``serve`` and ``search`` work on a database they cannot write.

Root ignores permission bits, so as root the read-only directory is checked in a child
process that has dropped to ``nobody`` (skipped when no Python that user can run is
found); every run also checks that readers never ask SQLite for write access at all.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import rasd.store.sqlite as sqlite_mod
from rasd.interfaces.web import create_app
from rasd.models import Document, Published
from rasd.store import open_store
from rasd.store.sqlite import SQLiteStore, migrations

TEXT = "وصلت قافلة المساعدات الطبية إلى المستشفى الميداني في البلدة الجبلية بعد رحلة طويلة عبر الطرق الوعرة."
NOBODY = 65534


def _doc(i: str = "d_1") -> Document:
    return Document(id=i, source=f"{i}.txt", part=0, title="قافلة طبية", outlet=None,
                    published=Published("2024-03-01", "day", "dateline", 0.9), language="ar", text=TEXT)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with SQLiteStore(path) as s:
        s.add_documents([_doc()])
    return path


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Every ``sqlite3.connect`` call made while the test runs."""
    seen: list[tuple[str, dict[str, Any]]] = []
    real = sqlite3.connect

    def spy(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        seen.append((str(database), kwargs))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    return seen


def _all_read_only(seen: list[tuple[str, dict[str, Any]]]) -> bool:
    return bool(seen) and all("mode=ro" in uri and kw.get("uri") is True for uri, kw in seen)


def test_reader_cannot_write(db: Path, connects: list[tuple[str, dict[str, Any]]]) -> None:
    with open_store(str(db), readonly=True) as s:
        assert _all_read_only(connects)
        assert isinstance(s, SQLiteStore) and s.db.execute("PRAGMA query_only").fetchone()[0] == 1
        assert [h.doc_id for h in s.search("المستشفى")] == ["d_1"] and s.count_documents() == 1
        with pytest.raises(PermissionError, match="read-only"):
            s.add_documents([_doc("d_2")])
        with pytest.raises(PermissionError):
            s.record_run(["x"], {}, [])
        with pytest.raises(sqlite3.OperationalError):  # below the guard, SQLite itself refuses
            s.db.execute("DELETE FROM documents")
    with SQLiteStore(db) as s:
        assert s.count_documents() == 1


def test_reader_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        SQLiteStore(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()  # a reader never creates the file
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 200)
    with pytest.raises(ValueError, match="cannot open"):
        SQLiteStore(junk, readonly=True)
    old = tmp_path / "v1.db"
    con = sqlite3.connect(old)
    con.executescript(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
        + migrations()[0][2]
        + "INSERT INTO schema_version VALUES (1, '001_initial.sql', 'then');"
    )
    con.close()
    with pytest.raises(ValueError, match="upgrade"):  # a reader cannot migrate; it says how
        SQLiteStore(old, readonly=True)


def test_reader_falls_back_to_immutable_when_wal_files_cannot_be_made(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What SQLite does in a read-only directory (no ``-shm``), reproduced for any user."""
    real = sqlite3.connect
    uris: list[str] = []

    class NoShm:
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def execute(self, sql: str, *a: Any) -> Any:
            if sql.startswith("SELECT"):
                raise sqlite3.OperationalError("attempt to write a readonly database")
            return self.con.execute(sql, *a)

        def close(self) -> None:
            self.con.close()

    def connect(database: str, *args: Any, **kwargs: Any) -> Any:
        uris.append(database)
        con = real(database, *args, **kwargs)
        return con if "immutable=1" in database else NoShm(con)

    monkeypatch.setattr(sqlite3, "connect", connect)
    with SQLiteStore(db, readonly=True) as s:
        assert [h.doc_id for h in s.search("القافلة")] == ["d_1"]
    assert len(uris) == 2 and "mode=ro" in uris[0] and uris[1].endswith("mode=ro&immutable=1")


def test_serve_and_cli_search_open_read_only(db: Path, connects: list[tuple[str, dict[str, Any]]]) -> None:
    from rasd.interfaces.cli import _load_commands, app

    client = TestClient(create_app(db_path=db))
    assert client.get("/api/search", params={"q": "المساعدات"}).json()["total"] == 1
    assert _all_read_only(connects)
    connects.clear()
    _load_commands()
    res = CliRunner().invoke(app, ["search", "المساعدات", "--db", str(db)])
    assert res.exit_code == 0 and "قافلة طبية" in res.stdout
    assert _all_read_only(connects)


def _python_for(uid: int) -> tuple[str, dict[str, str]] | None:
    """A Python (and environment) with this interpreter's packages that ``uid`` may run, or None.

    The test interpreter itself may sit under a home directory ``uid`` cannot enter; a
    system Python of the same version can load the same packages from their site dirs.
    """
    site = [p for p in sys.path if p.endswith("site-packages")]
    src = str(Path(sqlite_mod.__file__).resolve().parents[2])
    env = {"PYTHONPATH": os.pathsep.join([src, *site]), "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp"}
    want = f"{sys.version_info[0]}.{sys.version_info[1]}"
    system = "/usr/local/bin:/usr/bin:/bin"
    candidates = [sys.executable, os.path.realpath(sys.executable)]
    candidates += [shutil.which(f"python{want}", path=system) or "", shutil.which("python3", path=system) or ""]
    for exe in dict.fromkeys(candidates):
        if not exe:
            continue
        code = "import sys, rasd.store.sqlite; print('%d.%d' % sys.version_info[:2])"
        probe = _as_user(uid, exe, env, code)
        if probe is not None and probe.returncode == 0 and probe.stdout.strip() == want:
            return exe, env
    return None


def _as_user(uid: int, exe: str, env: dict[str, str], code: str) -> subprocess.CompletedProcess[str] | None:
    def demote() -> None:
        os.setgid(uid)
        os.setgroups([])
        os.setuid(uid)

    try:
        return subprocess.run([exe, "-c", code], preexec_fn=demote if os.geteuid() != uid else None, env=env,
                              cwd="/", capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    except OSError:
        return None


@pytest.fixture
def read_only_dir() -> Iterator[Path]:
    """A world-readable directory holding a closed WAL database, then made 0555."""
    d = Path(tempfile.mkdtemp(prefix="rasd-ro-", dir="/tmp"))
    try:
        d.chmod(0o755)
        with SQLiteStore(d / "r.db") as s:
            s.add_documents([_doc()])
        assert sorted(p.name for p in d.iterdir()) == ["r.db"]  # clean close: no -wal/-shm left
        (d / "r.db").chmod(0o444)
        d.chmod(0o555)
        yield d
    finally:
        d.chmod(0o755)
        shutil.rmtree(d)


def test_reader_works_in_a_read_only_directory(read_only_dir: Path) -> None:
    db = read_only_dir / "r.db"
    code = (
        "from rasd.store.sqlite import SQLiteStore\n"
        f"s = SQLiteStore({str(db)!r}, readonly=True)\n"
        "print(','.join(h.doc_id for h in s.search('الطبية')))\n"
        "try:\n"
        f"    SQLiteStore({str(db)!r})\n"
        "    print('writer opened')\n"
        "except ValueError:\n"
        "    print('writer refused')\n"
    )
    if os.geteuid() != 0:
        res = _as_user(os.geteuid(), sys.executable, {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, code)
    else:  # root writes anyway: run as nobody
        found = _python_for(NOBODY)
        if found is None:
            pytest.skip("running as root and no Python that user nobody can run was found")
        res = _as_user(NOBODY, found[0], found[1], code)
    assert res is not None and res.returncode == 0, res and res.stderr[-2000:]
    assert res.stdout.split() == ["d_1", "writer", "refused"]
    assert sorted(p.name for p in read_only_dir.iterdir()) == ["r.db"]  # nothing was created beside it
