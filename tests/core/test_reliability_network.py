"""No network: the suite runs with sockets blocked, and importing HTML never fetches anything.

Three layers of proof: pytest-socket blocks Internet sockets for every test
(tests/conftest.py, checked here); a spy records any attempt even where a
library would swallow the error; and a child process running the CLI under a
Python audit hook fails on any Internet socket or name lookup at all.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import urllib.request
import warnings
from pathlib import Path
from typing import Any

import pytest
from pytest_socket import SocketBlockedError

from annotator.core import Project

REPO = Path(__file__).resolve().parents[2]

HOSTILE_HTML = """<!doctype html>
<html><head>
<title>Envoy demands talks</title>
<meta http-equiv="refresh" content="0; url=http://198.51.100.7/redirect">
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<script src="https://198.51.100.7/tracker.js"></script>
<base href="http://198.51.100.7/">
</head><body>
<img src="http://198.51.100.7/pixel.gif" srcset="http://198.51.100.7/big.jpg 2x">
<iframe src="http://198.51.100.7/frame"></iframe>
<article><h1>Envoy demands talks</h1>
<p>The envoy demanded on Monday that the talks resume before the end of the month,
according to officials who spoke on condition of anonymity.</p>
<p>The foreign ministry said it would answer the request within a week and that a
meeting in Geneva was possible. <img src="http://198.51.100.7/inline.png"></p>
<p>Officials in both capitals described the telephone call as long and difficult,
but said that the two sides had agreed to keep talking.</p>
</article>
<object data="http://198.51.100.7/flash.swf"></object>
</body></html>
"""


@pytest.mark.filterwarnings("ignore:A test tried to use socket:UserWarning")
def test_internet_sockets_are_blocked_under_the_suite() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    with pytest.raises(SocketBlockedError):
        socket.getaddrinfo("example.org", 80)
    with pytest.raises((SocketBlockedError, OSError)):
        urllib.request.urlopen("http://198.51.100.7/", timeout=1)


def test_unix_sockets_stay_allowed_for_qt_and_asyncio() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()


@pytest.fixture
def network_spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every attempt to reach the network, even if a library catches the error."""
    with warnings.catch_warnings():  # urllib3 probes IPv6 on ::1 when loaded: import first
        warnings.simplefilter("ignore")
        import trafilatura  # noqa: F401

    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args[:2]}")
            raise OSError(f"network use in a test: {name}")
        return call

    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setattr(socket, "socket", refuse("socket"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    return attempts


def test_trafilatura_extracts_without_fetching_remote_resources(network_spy: list[str]
                                                                ) -> None:
    import trafilatura

    text = trafilatura.extract(HOSTILE_HTML, output_format="json", with_metadata=True,
                               include_comments=False, include_tables=False,
                               favor_precision=True)
    assert text and "envoy demanded" in text
    assert network_spy == []


def test_html_import_loads_nothing_remote(tmp_path: Path, network_spy: list[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as project:
        report = project.import_paths([page])
        assert report.rejected == [] and len(report.imported) == 1
        stored = project.text(report.imported[0])
    assert "talks resume" in stored
    assert "198.51.100.7" not in stored
    assert network_spy == []


AUDITED_CHILD = textwrap.dedent("""
    import socket, sys

    LOOPBACK = ("127.0.0.1", "::1", "localhost")
    NETWORK = ("socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
               "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request",
               "http.client.connect")

    def guard(event, args):
        # urllib3 binds a socket to ::1 when imported (an IPv6 probe): no traffic.
        if event == "socket.bind" and isinstance(args[1], tuple) and args[1][0] in LOOPBACK:
            return
        if event in NETWORK or event == "socket.bind":
            raise SystemExit(f"NETWORK: {event} {args}")

    sys.addaudithook(guard)
    from annotator import cli
    project, page, out = sys.argv[1:4]
    for argv in (["new", project], ["import", project, page, "--quiet"],
                 ["check", project], ["export", project, "--out", out, "--quiet"],
                 ["backup", project]):
        code = cli.main(argv)
        if code:
            raise SystemExit(f"{argv[0]} exited with {code}")
    print("OFFLINE-OK")
""")


def test_cli_session_opens_no_internet_socket(tmp_path: Path) -> None:
    """Under an audit hook no Internet socket or lookup can happen unnoticed."""
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", AUDITED_CHILD, str(tmp_path / "p.annotator"), str(page),
         str(tmp_path / "out.jsonl")],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert "OFFLINE-OK" in done.stdout, done.stdout + done.stderr
