"""The served report under its Content-Security-Policy, in headless Chromium: nothing blocked, search works.

Needs Debian's ``chromium`` (``apt-get install -y --no-install-recommends chromium``);
skipped with a reason when it is not installed. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from test_report_data import sample_analysis

from rasd.interfaces.export import analysis_to_json
from rasd.interfaces.server import server_config
from rasd.interfaces.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")


def test_served_page_runs_with_no_csp_violation(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    src = tmp_path / "analysis.json"
    src.write_text(json.dumps(analysis_to_json(sample_analysis(), "2025-01-15"), ensure_ascii=False), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(server_config(create_app(analysis_path=src), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                 f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom"]  # fmt: skip
        res = subprocess.run([CHROMIUM, *flags, f"http://127.0.0.1:{port}/report?q=%D8%A7%D9%84%D8%A7%D8%B3%D8%AF"],
                             capture_output=True, text=True, timeout=180, check=False)  # fmt: skip
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert res.returncode == 0, res.stderr[-2000:]
    blocked = [line for line in res.stderr.splitlines() if "Content Security Policy" in line]
    assert blocked == []  # inline scripts, the stylesheet and the colour attributes are all allowed by hash
    html_tag = re.search(r"<html[^>]*>", res.stdout)
    assert html_tag and 'data-rasd="ok"' in html_tag.group(0) and 'data-search="done"' in html_tag.group(0)
    results = res.stdout.split('id="search-results"', 1)[1].split("</ol>", 1)[0]
    assert results.count("<li>") == 2  # the same-origin fetch of api/search was allowed (connect-src 'self')
