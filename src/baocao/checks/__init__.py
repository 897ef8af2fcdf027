"""Checks on a report: arithmetic, consistency, spelling and style (issue 3)."""
