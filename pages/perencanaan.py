"""Page: Perencanaan & Bahan Rapat — scenario planner, TPT projection, meeting pack.

Thin: the inputs, results and sections are drawn by ``workforce.planning.ui``; the
numbers come from ``workforce.planning.planner``, ``projection`` and ``meeting_pack``.
"""

from workforce import app
from workforce.planning import ui

app.page(__file__)
ui.page()
