"""Page: Transparansi Publik — what the programme achieved and cost, for everyone.

Reachable without login: the frame lets the public role in. Its Streamlit side
(``workforce.public.ui``) reads only the suppressed publication (an aggregate-only
database, then ``workforce.public.disclosure``), never the app's own queries: a bug
on this page cannot reach a row about a person. Words and tables:
``workforce.public.text``; figures: ``workforce.public.charts``; the methodology comes
from the KPI registry.
"""

from workforce import app
from workforce.public import ui

app.page(__file__)
ui.page()
