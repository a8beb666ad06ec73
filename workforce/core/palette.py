"""Chart look shared by the screen and the static images: palette and Plotly template.

The palette is Okabe-Ito (safe for the common colour-vision deficiencies); the
template is registered once as ``"workforce"`` and made the default, so Kaleido
images and on-screen charts look the same.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito (2008), ordered so neighbours differ in lightness too.
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
SEQUENTIAL = ["#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"]
DIVERGING = ["#B35806", "#F1A340", "#F7F7F7", "#998EC3", "#542788"]
FONT = "DejaVu Sans, Source Sans Pro, Arial, sans-serif"


# The trace types the product draws. Every figure carries its template to the
# browser: plotly_white's defaults for all 24 trace types and its 3D, polar, ternary
# and geo layouts were 7 KB in each chart, half of what a fresh transparency page
# sent; only these types' defaults and the 2D layout are kept.
TRACE_TYPES = ("bar", "scatter", "heatmap", "sankey")
UNUSED_LAYOUT = ("geo", "polar", "scene", "ternary")


def register_template() -> None:
    """Register the ``workforce`` Plotly template and make it the default."""
    base = pio.templates["plotly_white"].to_plotly_json()
    data = {k: v for k, v in base["data"].items() if k in TRACE_TYPES}
    layout = {k: v for k, v in base["layout"].items() if k not in UNUSED_LAYOUT}
    template = go.layout.Template(data=data, layout=layout)
    template.layout.colorway = PALETTE
    template.layout.font = {"family": FONT, "size": 13, "color": "#1F2933"}
    template.layout.margin = {"l": 10, "r": 10, "t": 40, "b": 10}
    template.layout.legend = {"orientation": "h", "y": -0.2}
    template.layout.separators = ",."
    pio.templates["workforce"] = template
    pio.templates.default = "workforce"


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return ",." if lang == "id" else ".,"


register_template()
