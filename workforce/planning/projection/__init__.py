"""The TPT projection: the published series, a trend with its interval, its caveats."""
