"""The Team menu and the package items of the File menu: the offline round trip in dialogs.

One module per dialog:

* :mod:`.assign` — Team › Assign and write packages…: annotators, split with
  an overlap or not, output folder → ``Project.assign`` + ``write_packages``;
* :mod:`.open_package` — File › Open annotator package…: a package → a new
  local project (``Project.from_package``), then opened in the window;
* :mod:`.return_package` — File › Write return package…: ``team.return_package``;
* :mod:`.merge` — Team › Merge returned packages…: ``Project.merge_package``
  per file, each file's MergeReport or its one-line refusal;
* :mod:`.dashboard` — Team › Progress dashboard: a row per annotator.

Every job runs on a worker thread over its own Project connection.
"""

from __future__ import annotations

from annotator.core.team.package import SUFFIX

PACKAGE_FILTER = f"Annotator packages (*{SUFFIX});;All files (*)"
"""The file dialogs' filter for package files."""
