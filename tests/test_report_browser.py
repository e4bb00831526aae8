"""The report opened in headless Chromium: its script runs without errors and links highlight.

Needs Debian's ``chromium`` (``apt-get install -y chromium fonts-noto-core``); skipped
with a reason when it is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_report_data import sample_analysis

from rasd.interfaces.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
]  # fmt: skip


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "report.html"
    write_report(sample_analysis(), path, "2025-01-15")
    return path


def test_script_runs_and_evidence_link_highlights(report: Path, tmp_path: Path) -> None:
    analysis = sample_analysis()
    ev = analysis.conflicts[0].evidence[1]
    res = chromium(tmp_path, "--dump-dom", f"{report.as_uri()}#{ev.doc}-{ev.start}-{ev.end}")
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and 'data-rasd="ok"' in html_tag.group(0), "page script did not finish"
    assert "data-rasd-error" not in html_tag.group(0)
    assert "Uncaught" not in res.stderr
    active = re.findall(r'<mark data-s="(\d+)" data-e="(\d+)" class="active">', dom)
    assert active, "linked evidence was not highlighted"
    assert min(int(s) for s, _ in active) == ev.start and max(int(e) for _, e in active) == ev.end


def test_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    res = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2400", report.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert "Uncaught" not in res.stderr


def test_served_page_search_runs_in_the_browser(tmp_path: Path) -> None:
    """``rasd serve``'s page: ``?q=`` runs a same-origin search and lists the hits."""
    import json
    import socket
    import threading
    import time

    import uvicorn

    from rasd.interfaces.export import analysis_to_json
    from rasd.interfaces.web import create_app

    src = tmp_path / "analysis.json"
    src.write_text(json.dumps(analysis_to_json(sample_analysis(), "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(analysis_path=src), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started
        res = chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", f"http://127.0.0.1:{port}/report?q=%D8%A7%D9%84%D8%A7%D8%B3%D8%AF")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    html_tag = re.search(r"<html[^>]*>", res.stdout)
    assert html_tag and 'data-rasd="ok"' in html_tag.group(0) and 'data-search="done"' in html_tag.group(0)
    results = res.stdout.split('id="search-results"', 1)[1].split("</ol>", 1)[0]
    assert results.count("<li>") == 2  # "الاسد" folds onto both mentions of عين الأسد in the first document


def test_link_to_a_plain_mention_lights_the_mention(report: Path, tmp_path: Path) -> None:
    analysis = sample_analysis()
    d2 = analysis.documents[1]
    start = d2.text.index("واشنطن")
    res = chromium(tmp_path, "--dump-dom", f"{report.as_uri()}#{d2.id}-{start}-{start + len('واشنطن')}")
    assert res.returncode == 0, res.stderr[-2000:]
    lit = re.findall(r'<span class="ent ent-GPE active"[^>]*>([^<]*)</span>', res.stdout)
    assert lit == ["واشنطن"]


def test_slot_value_link_highlights_its_evidence_and_hostile_outlet_stays_text(tmp_path: Path) -> None:
    """The incident table's value "7" (from an outlet whose name is markup) lands on its span."""
    from test_report_data import HOSTILE_OUTLET, story_analysis

    analysis = story_analysis()
    path = tmp_path / "story.html"
    write_report(analysis, path, "2025-03-15")
    sv = next(v for v in analysis.incidents[0].slots["injured"] if v.value == 7)
    ev = sv.evidence[0]
    res = chromium(tmp_path, "--dump-dom", f"{path.as_uri()}#{ev.doc}-{ev.start}-{ev.end}")
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and 'data-rasd="ok"' in html_tag.group(0) and "data-rasd-error" not in html_tag.group(0)
    active = re.findall(r'<mark data-s="(\d+)" data-e="(\d+)" class="active">', dom)
    assert active and min(int(s) for s, _ in active) == ev.start and max(int(e) for _, e in active) == ev.end
    assert "<img" not in dom and "<b " not in dom  # the outlet's markup never became elements
    assert HOSTILE_OUTLET.replace("<", "&lt;").replace(">", "&gt;") in dom
