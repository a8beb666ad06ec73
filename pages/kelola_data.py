"""Page: Kelola Data (administrators): import spreadsheets, see the import log, the
quarantine and the data-quality checks, download blank templates."""

from workforce import app
from workforce.ingest import ui

app.page(__file__)
ui.page()
