"""Prompt files, rendered with named variables and versioned by content hash."""
