"""Dialogs opened from the main window (tasks, export, backups, team)."""
