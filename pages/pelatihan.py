"""Page: Hasil Pelatihan (training outcomes) — what works, for whom.

The funnel registered → completed → certified → placed within 6 months for the
filtered selection; the same by kejuruan, provider, type, funding source and batch;
equity breakdowns by participant group (every rate with its 95% Wilson interval);
a funnel plot of providers, vocations or kecamatan against the selection's rate and
the provider scorecard (workforce.compare); graduate cohorts placed by month 1-12.
Counts: queries/pelatihan/*.sql (same bases as the KPI registry); shaping:
workforce.outcomes.numbers; words: workforce.outcomes.text; figures: workforce.outcomes.charts.
"""

from workforce import app
from workforce.outcomes import ui

app.page(__file__)
ui.training_page()
