"""Side by side with Label Studio: the same annotated tasks imported and exported by both.

On demand, not in CI (it installs Label Studio, about 1 GB, on first use):

    .venv/bin/python benchmarks/peer_labelstudio.py --n 10000

Label Studio goes into its own virtual environment under ``build/peer/venv``
(``pip install label-studio``), and runs on 127.0.0.1 only, with a fresh data
folder under ``build/peer/`` and a user and API token made for the run. Both tools
get the N tasks of ``benchmarks/corpus_realistic.py`` (five labelled spans and one
document choice each): Label Studio through its API (create a project with the
matching labelling interface, POST the tasks, GET the JSON export), annotator
through its command line (``import``, ``export --format labelstudio``). Label
Studio's time is from the request until all N tasks are in (export: until the
file is downloaded); its memory is the peak resident size of its server
processes sampled during the step; annotator's is the whole process. Last, the
file annotator exported is imported into a second Label Studio project, so that
Label Studio itself confirms it reads every task and annotation of it.

``--round-trip PROJECT`` sends a whole project through Label Studio instead (the
sample: ``annotator sample s.annotator``, with its claims, roles, statuses and
registry): annotator exports it, Label Studio imports the tasks with annotator's
labelling config and exports them in its own JSON, annotator imports that file
into a new project, and the two projects are compared record by record (spans
with their attributes and actor keys, claims with their roles and spans, document
fields, statuses, per annotator and document). Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import corpus_realistic as corpus  # noqa: E402
from benchmarks.bench_process import annotator, baseline  # noqa: E402

PEER = ROOT / "build" / "peer"
VENV = PEER / "venv"
USER = "bench@example.com"


def ensure_installed() -> Path:
    """Label Studio's own virtual environment, made and filled on first use."""
    exe = VENV / "bin" / "label-studio"
    if not exe.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "label-studio"],
                       check=True)
        print(f"installed Label Studio in {time.perf_counter() - started:.0f} s")
    version = subprocess.run([str(VENV / "bin" / "pip"), "show", "label-studio"],
                             capture_output=True, text=True, check=True).stdout
    print("peer: label-studio " + next(line.split()[1] for line in version.splitlines()
                                        if line.startswith("Version:")))
    return exe


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One Label Studio server of this run: start, call its API, watch its memory, stop."""

    def __init__(self, exe: Path, data: Path) -> None:
        self.port, self.token = _free_port(), secrets.token_hex(20)
        env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(data), "HOME": str(data),
               "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true"}
        self.log = (data / "server.log").open("w")
        self.process = subprocess.Popen(
            [str(exe), "start", "--no-browser", "--internal-host", "127.0.0.1", "-p",
             str(self.port), "--data-dir", str(data), "--username", USER, "--password",
             secrets.token_hex(12), "--user-token", self.token, "--enable-legacy-api-token"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout: float = 900) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"Label Studio exited ({self.process.returncode}); see "
                                 f"{self.log.name}")
            try:
                self.call("GET", "/api/projects")
                return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        raise SystemExit(f"Label Studio did not answer within {timeout:.0f} s")

    def call(self, method: str, path: str, body: bytes | None = None,
             out: Path | None = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=body, method=method,
            headers={"Authorization": f"Token {self.token}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=3600) as response:
            if out is not None:
                with out.open("wb") as handle:
                    shutil.copyfileobj(response, handle, 1 << 20)
                return None
            return json.loads(response.read() or b"null")

    def rss_mb(self) -> float:
        """Resident memory of the server and every process below it."""
        pids, total = _descendants(self.process.pid), 0
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next((int(line.split()[1]) for line in status.splitlines()
                           if line.startswith("VmRSS:")), 0)
        return total / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the session this run started
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1]
                                               .split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found.update(children)
        frontier += children
    return found


def watched(server: Server, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Run ``work``; its wall time and the server's peak memory meanwhile."""
    peak, done = [server.rss_mb()], threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            peak.append(server.rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    try:
        result = work()
    finally:
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    return seconds, max(peak), result


def ls_import(server: Server, tasks: Path, n: int, title: str,
              config: str = corpus.LABEL_CONFIG) -> tuple[float, float, int]:
    project = server.call("POST", "/api/projects", json.dumps(
        {"title": title, "label_config": config}).encode())
    pid = project["id"]

    def work() -> int:
        server.call("POST", f"/api/projects/{pid}/import", tasks.read_bytes())
        while True:  # an import may finish in the background
            info = server.call("GET", f"/api/projects/{pid}")
            if int(info.get("task_number") or 0) >= n:
                return int(pid)
            time.sleep(0.5)

    seconds, peak, _ = watched(server, work)
    return seconds, peak, int(pid)


def ls_export(server: Server, pid: int, out: Path) -> tuple[float, float]:
    seconds, peak, _ = watched(server, lambda: server.call(
        "GET", f"/api/projects/{pid}/export?exportType=JSON&download_all_tasks=true", out=out))
    return seconds, peak


def results_in(path: Path) -> tuple[int, int]:
    """Tasks and annotation results in a Label Studio JSON export."""
    tasks = json.loads(path.read_text(encoding="utf-8"))
    return len(tasks), sum(len(a["result"]) for t in tasks for a in t.get("annotations", []))


def read_back(server: Server, work: Path, n: int) -> None:
    """Import annotator's export (with its labelling config) into a second project."""
    config = (work / "ours.label_config.xml").read_text(encoding="utf-8")
    try:
        check = ls_import(server, work / "ours.json", n, "annotator's export", config)
        ls_export(server, check[2], work / "check.json")
    except urllib.error.HTTPError as exc:
        print(f"  Label Studio REFUSED annotator's export: HTTP {exc.code} "
              f"{exc.read().decode(errors='replace')[:1500]}")
        return
    print(f"  annotator's export read back by Label Studio in {check[0]:.1f} s: "
          f"{results_in(work / 'check.json')} (tasks, results)")


def row(label: str, ls: tuple[float, float], ours: tuple[float, float]) -> None:
    print(f"  {label:<8} Label Studio {ls[0]:7.1f} s {ls[1]:6.0f} MB | annotator "
          f"{ours[0]:6.1f} s {ours[1]:5.0f} MB | Label Studio / annotator: time "
          f"{ls[0] / ours[0]:5.2f}x, memory {ls[1] / ours[1]:4.1f}x")


def _comparable(path: Path) -> dict[str, Any]:
    """Each document's annotations by text hash and annotator, without ids or timestamps."""
    from annotator.core import Project
    from annotator.core.models import CLAIM_FIELDS

    out: dict[str, Any] = {}
    with Project.open(path, read_only=True) as project:
        keys = {a.id: a.key for a in project.actors()}
        for summary in project.documents():
            doc = project.document(summary.id)
            for name in project.annotators_of(summary.id):
                spans = {s.id: s for s in project.spans(summary.id, name)}

                def where(span_id: Any, spans: dict[Any, Any] = spans) -> Any:
                    span = spans.get(span_id)
                    return None if span is None else (span.layer, span.start, span.end)

                out[f"{doc.sha256}/{name}"] = {
                    "spans": sorted((s.layer, s.start, s.end, s.text, keys.get(s.actor_id),
                                     json.dumps(s.attributes, sort_keys=True))
                                    for s in spans.values()),
                    "claims": sorted(json.dumps({
                        "claimant": keys.get(c.claimant_id), "addressee": keys.get(c.addressee_id),
                        "object": keys.get(c.object_id), "event": c.event_type,
                        "demand": sorted(filter(None, map(where, c.demand_span_ids))),
                        "date": where(c.date_span_id), "source": where(c.source_span_id),
                        "fields": {k: getattr(c, k) for k in CLAIM_FIELDS if not k.endswith(
                            ("_id", "_ids"))},
                    }, sort_keys=True, default=str) for c in project.claims(summary.id, name)),
                    "values": project.values(summary.id, name),
                    "status": str(project.status(summary.id, name)),
                }
    return out


def round_trip(server: Server, project: Path, work: Path) -> int:
    """The project through Label Studio and back; 0 when nothing changed."""
    ours = work / "ours.json"
    annotator("export", str(project), "--format", "labelstudio", "--out", str(ours), "--quiet")
    tasks = json.loads(ours.read_text(encoding="utf-8"))
    config = (work / "ours.label_config.xml").read_text(encoding="utf-8")
    try:
        _, _, pid = ls_import(server, ours, len(tasks), "round trip", config)
        ls_export(server, pid, work / "from-ls.json")
    except urllib.error.HTTPError as exc:
        print(f"Label Studio REFUSED the export: HTTP {exc.code} "
              f"{exc.read().decode(errors='replace')[:1500]}")
        return 1
    print(f"Label Studio took {len(tasks)} tasks and gave back "
          f"{results_in(work / 'from-ls.json')} (tasks, results)")
    for companion in work.glob("ours.*"):  # the registry and user table travel beside it
        if companion.name not in ("ours.json", "ours.label_config.xml"):
            shutil.copy(companion, work / companion.name.replace("ours.", "from-ls.", 1))
    again = work / "again.annotator"
    annotator("new", str(again))
    result = annotator("import", str(again), str(work / "from-ls.json"))
    print(f"annotator read Label Studio's export in {result.seconds:.1f} s")
    before, after = _comparable(project), _comparable(again)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    records = sum(len(v["spans"]) + len(v["claims"]) for v in before.values())
    print(f"{len(before)} document-annotator pairs, {records} spans and claims: "
          f"{len(differ)} pairs differ")
    for key in differ[:5]:
        for part in ("spans", "claims", "values", "status"):
            one, two = (before.get(key) or {}).get(part), (after.get(key) or {}).get(part)
            if one != two:
                print(f"  {key} {part}:\n    before {one}\n    after  {two}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="annotated tasks (10,000)")
    parser.add_argument("--round-trip", type=Path, metavar="PROJECT",
                        help="send this project through Label Studio and back, and compare")
    args = parser.parse_args(argv)
    exe = ensure_installed()
    if args.round_trip:
        PEER.mkdir(parents=True, exist_ok=True)
        data = Path(tempfile.mkdtemp(prefix="data-", dir=PEER))
        work = Path(tempfile.mkdtemp(prefix="peer_round_"))
        server = Server(exe, data)
        try:
            print(f"Label Studio answered after {server.wait_ready():.1f} s")
            return round_trip(server, args.round_trip.resolve(), work)
        finally:
            server.stop()
            shutil.rmtree(data, ignore_errors=True)
            print(f"files kept in {work}")
    tasks = corpus.cached("labelstudio", args.n)
    PEER.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="data-", dir=PEER))
    work = Path(tempfile.mkdtemp(prefix="bench_peer_"))
    server = Server(exe, data)
    try:
        print(f"Label Studio answered after {server.wait_ready():.1f} s (port {server.port})")
        ls_in = ls_import(server, tasks, args.n, "peer benchmark")
        ls_out = ls_export(server, ls_in[2], work / "ls-export.json")
        print(f"  Label Studio's export: {results_in(work / 'ls-export.json')} (tasks, results)")
        base = baseline("import-labelstudio", str(tasks), str(work / "base.sqlite"))
        annotator("new", str(work / "p.annotator"))
        ours_in = annotator("import", str(work / "p.annotator"), str(tasks), "--quiet")
        ours_out = annotator("export", str(work / "p.annotator"), "--format", "labelstudio",
                             "--out", str(work / "ours.json"), "--quiet")
        print(f"{args.n:,} tasks, 5 spans and 1 choice each:")
        row("import", ls_in[:2], (ours_in.seconds, ours_in.peak_mb))
        row("export", ls_out, (ours_out.seconds, ours_out.peak_mb))
        print(f"  plain sqlite3 import of the same file: {base.seconds:.1f} s, "
              f"{base.peak_mb:.0f} MB (annotator ratio {ours_in.seconds / base.seconds:.2f})")
        read_back(server, work, args.n)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
