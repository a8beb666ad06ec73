"""Ringkasan: the mayor's office overview (cards, trends, what needs attention)."""
