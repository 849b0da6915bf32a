"""brat's own loader and verifier on our brat export. On demand, not in CI.

Needs a checkout of brat (https://github.com/nlplab/brat); nothing is installed:

    git clone https://github.com/nlplab/brat build/peer/brat
    .venv/bin/python benchmarks/peer_brat.py --brat build/peer/brat [--project P]

Exports the project (default: the bundled sample) as brat, then, in a child
process with brat's ``server/src`` on the path and a throwaway ``config.py``,
opens every document with brat's ``annotation.TextAnnotations`` (the loader its
server uses) and runs ``verify_annotations.verify_annotation`` against the
exported annotation.conf. Prints one line per document brat rejects or warns
about, and the totals. brat's loader opens files in the Python 2 mode ``rU``,
which Python 3.11 refuses; the child replaces that one helper with a plain
UTF-8 open (universal newlines are Python 3's default).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r'''
import sys
from pathlib import Path

root = Path(sys.argv[1])
import annotation
import projectconfig
import verify_annotations

def open_textfile(name, mode="r"):
    return open(name, mode.replace("U", ""), encoding="utf-8", errors="strict")

annotation.open_textfile = projectconfig.open_textfile = open_textfile
ProjectConfiguration = projectconfig.ProjectConfiguration
loaded = rejected = warned = 0
for ann in sorted(root.rglob("*.ann")):
    name = ann.relative_to(root)
    try:
        with annotation.TextAnnotations(str(ann.with_suffix(""))) as doc:
            if doc.failed_lines:
                raise ValueError(f"lines brat cannot parse: {doc.failed_lines}")
            conf = ProjectConfiguration(str(ann.parent) + "/")
            if "ACTOR" not in conf.get_entity_types():
                raise ValueError("brat did not read the exported annotation.conf")
            issues = verify_annotations.verify_annotation(doc, conf)
    except Exception as exc:
        rejected += 1
        print(f"REJECTED {name}: {type(exc).__name__}: {str(exc)[:200]}")
        continue
    loaded += 1
    for issue in issues:
        warned += 1
        print(f"{issue.type} {name}: {issue.human_readable_str()}")
print(f"brat: {loaded} documents loaded, {rejected} rejected, {warned} verifier notes")
sys.exit(1 if rejected else 0)
'''

CONFIG = '''ADMIN_CONTACT_EMAIL = "nobody@localhost"
BASE_DIR = DATA_DIR = WORK_DIR = {work!r}
USER_PASSWORD = {{}}
MAX_SEARCH_RESULT_NUMBER = 1000
DEBUG = False
TUTORIALS = False
LL_DEBUG, LL_INFO, LL_WARNING, LL_ERROR, LL_CRITICAL = list(range(5))
LOG_LEVEL = LL_WARNING
SIMSTRING_DEFAULT_UNICODE = True
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--brat", required=True, type=Path, help="a checkout of nlplab/brat")
    parser.add_argument("--project", type=Path, help="an annotator project (default: sample)")
    args = parser.parse_args(argv)
    server = args.brat / "server" / "src"
    if not (server / "annotation.py").exists():
        parser.error(f"{args.brat} is not a brat checkout (no server/src/annotation.py)")
    from annotator.core import Project
    from annotator.core.exporters import export
    from annotator.core.sample import build_sample_project

    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        path = args.project or build_sample_project(work / "sample.annotator")
        with Project.open(path, read_only=True) as project:
            export(project, "brat", work / "brat")
        (work / "config").mkdir()
        (work / "config" / "config.py").write_text(CONFIG.format(work=str(work)),
                                                   encoding="utf-8")
        env_path = f"{work / 'config'}:{server.resolve()}"
        done = subprocess.run([sys.executable, "-c", CHILD, str(work / "brat")],
                              env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
                              check=False)
        return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
