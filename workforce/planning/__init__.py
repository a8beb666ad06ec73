"""Perencanaan: the what-if planner, the unemployment projection, scenarios and the meeting pack."""
