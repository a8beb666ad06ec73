"""Transparansi Publik: disclosure control, the public aggregates, the page and open data."""
