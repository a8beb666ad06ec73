"""Page: Penempatan (placements) — where graduates go.

Placements over time by jenis (kerja / magang / wirausaha); by KBLI sector and
employer (Apindo members or not); employers in Cilegon or outside; wage at
placement against the UMK; time from graduation to placement. Headline numbers
come from the KPI registry; breakdowns from queries/penempatan/*.sql.
"""

from workforce import app
from workforce.outcomes import ui

app.page(__file__)
ui.placement_page()
