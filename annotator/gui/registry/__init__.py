"""The actor registry window."""
