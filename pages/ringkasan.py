"""Page: Ringkasan (overview) — the mayor's office's first page.

KPI cards with change, target and status; what needs attention; unemployment
against Banten and Indonesia; the yearly funnel and rates; funding shares; the
kecamatan map; targets for administrators. Numbers: workforce.overview.numbers (the KPI
registry); sentences: workforce.overview.text.
"""

from workforce import app
from workforce.overview import ui

app.page(__file__)
ui.page()
