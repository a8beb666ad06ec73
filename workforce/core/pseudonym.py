"""Pseudonymise the NIK: a keyed hash (HMAC-SHA256) so no clear NIK is ever stored.

The key is read, first found first used, from the file named by
``WORKFORCE_PSEUDONYM_KEY_FILE`` (refused when group or others may read it), from
``WORKFORCE_PSEUDONYM_KEY``, or from ``WORKFORCE_PSEUDONYM_KEY`` in Streamlit's
secrets file (``.streamlit/secrets.toml``). The demo database uses a fixed, public
demo key: its NIKs are synthetic, so nothing personal is protected by it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from workforce.core import i18n
from workforce.core.config import ROOT

DEMO_KEY = b"workforce-demo-key-not-secret"
ENV_VAR = "WORKFORCE_PSEUDONYM_KEY"
FILE_VAR = "WORKFORCE_PSEUDONYM_KEY_FILE"
MIN_LENGTH = 16


class MissingKeyError(RuntimeError):
    """No pseudonymisation key is configured outside demo mode."""


class KeyFileError(MissingKeyError):
    """The key file named by $WORKFORCE_PSEUDONYM_KEY_FILE cannot be used."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """Why the file is refused and how to fix it, in ``lang``."""
        return i18n.t(f"privacy.key_file.{self.code}", lang, **self.params)

    def __str__(self) -> str:
        return " / ".join(self.text(lang) for lang in i18n.LANGS)


def key_from_env() -> bytes:
    """The key from the key file, the environment or the secrets file (in that
    order), or MissingKeyError (KeyFileError for an unusable key file)."""
    file = os.environ.get(FILE_VAR, "")
    value = read_key_file(Path(file)) if file else os.environ.get(ENV_VAR, "")
    if not value:
        value = key_from_secrets()
    if len(value) < MIN_LENGTH:
        raise MissingKeyError(
            f"Put a secret of at least {MIN_LENGTH} characters in a file only its "
            f"owner may read and set {FILE_VAR} to its path, or put {ENV_VAR} in "
            ".streamlit/secrets.toml."
        )
    return value.encode()


def read_key_file(path: Path) -> str:
    """The key stored in ``path``; KeyFileError when it is missing, open to group
    or others, or shorter than MIN_LENGTH."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        value = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise KeyFileError("unreadable", path=str(path), detail=exc.strerror) from exc
    if mode & 0o077:
        raise KeyFileError("open", path=str(path), mode=f"{mode:o}")
    if len(value) < MIN_LENGTH:
        raise KeyFileError("short", path=str(path), length=MIN_LENGTH)
    return value


def secrets_files() -> list[Path]:
    """Where Streamlit looks for its secrets file: the working folder, the app."""
    found = [Path.cwd() / ".streamlit" / "secrets.toml"]
    found.append(ROOT / ".streamlit" / "secrets.toml")
    return list(dict.fromkeys(found))


def key_from_secrets() -> str:
    """``WORKFORCE_PSEUDONYM_KEY`` from Streamlit's secrets file, or ''."""
    for path in secrets_files():
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        value = secrets.get(ENV_VAR)
        if isinstance(value, str) and value:
            return value
    return ""


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
