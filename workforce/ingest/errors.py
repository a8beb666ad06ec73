"""Errors that stop a whole file or import, each a reason code with params.

The ingest core never formats user text itself: ``IngestError.text(lang)`` looks
the code up in ``locales/ingest.toml`` (``ingest.error.<code>``), so the CLI and
the Kelola Data page show the same words in Bahasa Indonesia or English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workforce.core import i18n


class IngestError(Exception):
    """A file or an import that cannot go ahead (nothing is written)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(
        self, lang: str = i18n.DEFAULT_LANG, esc: Callable[[object], str] = str
    ) -> str:
        """The message in ``lang`` (the app passes ``markup.md`` as ``esc``: file
        names and details are typed by people)."""
        shown = {k: esc(v) if isinstance(v, str) else v for k, v in self.params.items()}
        return i18n.t(f"ingest.error.{self.code}", lang, **shown)

    def __str__(self) -> str:
        return self.text("en")
