"""Pelatihan, Penempatan and Link & Match: outcomes by vocation, provider and place."""
