"""Page: masuk (log in). Shown to people who are not logged in; see workforce/access."""

from workforce import app
from workforce.access import ui

app.page(__file__)
ui.login_page()
