"""The events window: events across documents, their reports, grades and evidence."""
