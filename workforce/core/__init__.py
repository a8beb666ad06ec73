"""The ground floor: database, filters, the KPI registry, language, names, palette.

Streamlit-free; imports no feature package."""
