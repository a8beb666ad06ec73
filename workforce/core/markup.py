"""Text from the data shown as text, never as markup.

A kejuruan, an employer or a scenario name is typed by people; Streamlit renders
captions, info boxes and sentences as Markdown, and Plotly renders a subset of
HTML in chart text. ``md`` escapes a value for Markdown (links, images, emphasis,
Streamlit's ``:colour[...]`` and ``:icon:`` directives, maths, bare web
addresses), ``chart`` for Plotly; each is the one place its medium is handled.
Values are escaped where they are put into a sentence, never the whole sentence
(its own Markdown, such as ``**bold**``, stays).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~$:&])")
_WEB = re.compile(r"(?i)\b(www)\.")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def md(value: object) -> str:
    """``value`` as literal text inside Markdown (one line, every marker escaped)."""
    text = _BREAKS.sub(" ", str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _WEB.sub(r"\1\\.", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_list(values: Iterable[object]) -> list[str]:
    """``md`` of each value."""
    return [md(v) for v in values]


def chart(value: object) -> str:
    """``value`` as literal text in a Plotly title, label or hover (HTML-escaped:
    Plotly turns ``<a href>``, ``<b>`` and ``<br>`` into markup and decodes
    entities back to the characters)."""
    return html.escape(str(value), quote=False)


_TRACE_TEXT = ("x", "y", "text", "labels", "name", "hovertext", "ids")


def plain_figure(fig: Any) -> Any:
    """A Plotly figure whose data text (categories, labels, trace names, texts)
    and title are ``chart``-escaped, so a name from the data cannot become a link
    or markup in a tick label, a legend or a hover; numbers are left as they are."""
    for trace in fig.data:
        for attr in _TRACE_TEXT:
            value = getattr(trace, attr, None)
            if value is not None:
                setattr(trace, attr, _plain(value))
        node = getattr(trace, "node", None)
        if node is not None and getattr(node, "label", None) is not None:
            node.label = _plain(node.label)
    title = fig.layout.title.text
    if title:
        fig.layout.title.text = chart(title)
    return fig


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return chart(value)
    if isinstance(value, tuple | list):
        return [chart(v) if isinstance(v, str) else v for v in value]
    return value
