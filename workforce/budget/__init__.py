"""Anggaran: pagu, realisasi, absorption, pacing and costs by funding source."""
