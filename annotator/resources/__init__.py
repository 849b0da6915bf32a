"""The files the package ships (codebook, sample data, icon, desktop files) and where to find them.

Every bundled file is located here, through :mod:`importlib.resources`, so the same
call works from a source checkout, an installed wheel and a PyInstaller folder.
This module imports nothing of ours and no Qt: the core, the GUI and the CLI all
ask it for paths.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ICON_NAME = "annotator"  # the freedesktop icon name, also the .desktop file's Icon=
MIME_TYPE = "application/x-annotator-project"


def resource_path(*parts: str) -> Path:
    """The file or folder ``parts`` below this package, as a real path on disk.

    Wheels, editable installs and one-folder builds all unpack the package onto
    the file system, so the traversable is a plain path; the codebook parser and
    the importers read it like any file.
    """
    return Path(str(resources.files(__name__).joinpath(*parts)))


def codebook_path() -> Path:
    """The default codebook."""
    return resource_path("codebook.toml")


def sample_data_dir() -> Path:
    """The articles, actor registry and annotations `annotator sample` builds from."""
    return resource_path("sample_data")


def icon_path() -> Path:
    """The application icon (scalable)."""
    return resource_path("icons", f"{ICON_NAME}.svg")


def desktop_entry_path() -> Path:
    """The freedesktop desktop entry template (its ``Exec=`` is filled in on install)."""
    return resource_path("desktop", f"{ICON_NAME}.desktop")


def mime_info_path() -> Path:
    """The shared-mime-info description of ``*.annotator`` project files."""
    return resource_path("desktop", f"{ICON_NAME}-mime.xml")
