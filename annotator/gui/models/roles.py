"""The item data roles of the GUI's models, by name, and the Qt roles and alignments they answer.

The workspace roles (``ROLE_ID``, ``ROLE_RECORD``) and the review roles
(``ROLE_ITEM`` ... ``ROLE_VALUE``) are two vocabularies that never meet in one
model, so their numbers overlap: a view asks a model only for the roles of its
own window. Every value is a plain ``int``, the type ``data()`` receives.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

# ------------------------------------------------------------- workspace

ROLE_ID = _USER + 1
"""The record id (document, span, claim or actor id) of a row."""
ROLE_RECORD = _USER + 2
"""The dataclass behind a row."""

# ---------------------------------------------------------------- review

ROLE_ITEM = _USER + 1
"""The Item behind a queue row."""
ROLE_KIND = _USER + 2
"""The disagreement kind code of a queue row."""
ROLE_DECIDED = _USER + 3
"""The decision record of a queue row (a dict), or None."""
ROLE_ENTRY = _USER + 4
"""The report entry (a dict) behind a row."""
ROLE_GROUP = _USER + 5
"""The report group of an entry row."""
ROLE_VALUE = _USER + 6
"""The number behind a cell (None when there is none)."""

# ------------------------------------------------------------ Qt's roles

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
FONT = int(Qt.ItemDataRole.FontRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
"""Numbers in a table column."""
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
"""Marks and matrix cells."""
