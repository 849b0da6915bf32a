"""Work-arounds for defects of the Qt binding, each detected at run time, never assumed.

PySide6 6.12.0 (the abi3 wheel) returns ``None`` from every void method
without taking a reference on CPython < 3.12, where ``None`` is not yet
immortal: each ``setText``, ``setPosition`` ... drops one reference to ``None``.
A document switch makes about 140 such calls, so after roughly two hundred
switches (or one long article with many spans) the count reaches zero and the
interpreter aborts with "none_dealloc: deallocating None". PySide6 6.11 is
not affected; pin ``PySide6-Essentials!=6.12.0`` to be rid of this module.

:func:`guard_none_refcount` probes for the defect and, only when it is
present, gives ``None`` the practically unbounded reference count that
CPython 3.12 gives it by design, so that it can never be deallocated.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48
"""Lost references a session could make before trouble: about 2 * 10**12 void calls."""


def none_refcount_leaks() -> bool:
    """True when a void Qt call loses a reference to None (the PySide6 6.12.0 defect)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal there
    from PySide6.QtCore import QPoint

    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(100):
        point.setX(1)
    return sys.getrefcount(None) <= before - 90


def guard_none_refcount() -> bool:
    """Make None effectively immortal if the binding leaks references to it; True if applied."""
    if not none_refcount_leaks():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
    return True
