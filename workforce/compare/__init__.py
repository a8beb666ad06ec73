"""Honest comparisons of providers, vocations and kecamatan: the funnel plot and the
provider scorecard of Hasil Pelatihan (and the scorecard of the meeting pack)."""
