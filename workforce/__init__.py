"""Kota Cilegon workforce dashboard: the logic package (importable without Streamlit)."""
