"""Text helpers for Qt widgets: offsets between Python and Qt, highlighting."""
