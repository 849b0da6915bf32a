"""The store: the only package that knows table names and SQL.

sqlite-utils imports pandas and numpy at its own import whenever they are
installed (only to map their scalar types to column types), which costs half a
second or more of every start-up. The store hands sqlite-utils plain Python
values only, so the first import of sqlite-utils happens here with those two
hidden; both import normally afterwards for whoever needs them (the Parquet
export, the agreement statistics). If either is already loaded, nothing is hidden.
"""

from __future__ import annotations

import sys


def _import_sqlite_utils_without_pandas() -> None:
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # None makes `import name` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


_import_sqlite_utils_without_pandas()
