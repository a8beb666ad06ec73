"""Pseudonymise the NIK: a keyed hash (HMAC-SHA256) so no clear NIK is ever stored.

The key comes from ``WORKFORCE_PSEUDONYM_KEY`` (or Streamlit secrets, read by the
UI layer and passed in). The demo database uses a fixed, public demo key: its
NIKs are synthetic, so nothing personal is protected by it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

DEMO_KEY = b"workforce-demo-key-not-secret"
ENV_VAR = "WORKFORCE_PSEUDONYM_KEY"


class MissingKeyError(RuntimeError):
    """No pseudonymisation key is configured outside demo mode."""


def key_from_env() -> bytes:
    """The key from the environment, or MissingKeyError with how to set it."""
    value = os.environ.get(ENV_VAR, "")
    if len(value) < 16:
        raise MissingKeyError(
            f"Set {ENV_VAR} to a secret of at least 16 characters "
            f"(e.g. `export {ENV_VAR}=$(python -c 'import secrets; "
            "print(secrets.token_hex(32))')`), or put it in .streamlit/secrets.toml."
        )
    return value.encode()


def pseudonymise(nik: str, key: bytes) -> str:
    """HMAC-SHA256 of the NIK as 64 hex characters."""
    return hmac.new(key, nik.encode("ascii"), hashlib.sha256).hexdigest()


# A NIK written anywhere in text: 15-17 digits in a row or with single dots,
# dashes or spaces between them (3672.0101.9999.0003, NIK 3672-0101-9999-0005).
NIK_IN_TEXT = re.compile(r"(?<![\d])(?:\d[ .\-]?){14,16}\d(?![\d])")


def has_nik(text: object) -> bool:
    """True when ``text`` holds something written like a NIK."""
    return isinstance(text, str) and NIK_IN_TEXT.search(text) is not None


def mask_text(text: str) -> str:
    """``text`` with every NIK-like number masked (first 4 digits kept)."""
    if not isinstance(text, str):
        return text
    return NIK_IN_TEXT.sub(lambda m: mask(re.sub(r"\D", "", m.group(0))), text)


def mask(nik: str) -> str:
    """A NIK safe to show in a quarantine report: first 4 digits, rest hidden."""
    return nik[:4] + "*" * max(len(nik) - 4, 0) if nik else nik
