"""Page: Anggaran — pagu vs realisasi, cost per outcome, funding flow, pacing, data quality.

Thin: data from queries/anggaran/*.sql, KPI values from the metric registry,
arithmetic in workforce.budget.numbers, figures in workforce.budget.charts, tables and
messages in workforce.budget.text.
"""

from workforce import app
from workforce.budget import ui

app.page(__file__)
ui.page()
