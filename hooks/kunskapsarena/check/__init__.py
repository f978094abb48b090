"""Validation: every problem an editor can make, reported as path:line: field: message (hint)."""
