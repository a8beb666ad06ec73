"""Outcomes that last: the tracer study's 12-month figures beside the 6-month ones."""
