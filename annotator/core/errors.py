"""The tool's own exception types, in one module every layer may import.

Each error's message is written for the person at the keyboard: it names the
file or value at fault and says what to do instead. The CLI prints it as one
line; the window shows it in a message box.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of the errors the tool raises on purpose (bad input, refused requests)."""


class OutputRefusedError(AnnotatorError):
    """An output target that writing would destroy (the project, a backup, a user's folder)."""
