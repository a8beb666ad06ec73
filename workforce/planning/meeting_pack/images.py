"""Chart images for the meeting pack: PNG from one warm Kaleido browser per process.

Chromium's cold start is most of the first pack's time; ``warm_up`` starts it in
the background when the planner opens. Streamlit-free.
"""

from __future__ import annotations

import logging
import threading

import kaleido
import plotly.graph_objects as go

_KALEIDO_LOCK = threading.Lock()  # the warm server answers one caller at a time
_WARM_LOCK = threading.Lock()
_warming: threading.Thread | None = None
log = logging.getLogger(__name__)
IMAGE_WIDTH, IMAGE_SCALE = 900, 1.5  # 1350 px across 178 mm: ~190 dpi


def render_png(fig: go.Figure) -> bytes:
    """A PNG of ``fig`` from the process's warm Kaleido browser (started on first use)."""
    height = int(fig.layout.height or 400)
    opts = {
        "format": "png",
        "width": IMAGE_WIDTH,
        "height": height,
        "scale": IMAGE_SCALE,
    }
    with _KALEIDO_LOCK:
        kaleido.start_sync_server(silence_warnings=True)
        return kaleido.calc_fig_sync(fig.to_dict(), opts=opts)


def warm_up() -> None:
    """Start the Kaleido browser in the background, once per process.

    Chromium's cold start is most of the first pack's time (seconds); the planner
    page calls this when it opens, so the click finds the browser ready.
    """
    global _warming
    with _WARM_LOCK:
        if _warming is not None:
            return
        _warming = threading.Thread(
            target=_render_blank, name="kaleido-warm-up", daemon=True
        )
        _warming.start()


def _render_blank() -> None:
    try:
        render_png(go.Figure(layout={"height": 50, "width": 50}))
    except Exception as exc:  # a failed warm-up only costs time later
        log.warning("kaleido warm-up failed: %s", exc)
