"""The meeting pack: one content object, written as PDF and XLSX."""
