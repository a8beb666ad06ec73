"""Page: Link & Match — is training matched to what Cilegon's industry needs?

Per kejuruan and year, vacancies reported by employers against graduates (the
``kesenjangan_link_match`` KPI, year by year: queries/link_match/gap_by_year.sql,
tested equal to the registry); which kejuruan are over- or under-supplied year
after year; which employers report vacancies but hire no graduates.
"""

from workforce import app
from workforce.outcomes import ui

app.page(__file__)
ui.link_match_page()
