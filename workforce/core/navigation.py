"""The pages of the dashboard: file, title key, section and the role each needs.

Streamlit-free so that tests and the access rules can read it. ``dashboard.py``
turns it into ``st.navigation``; a test checks every file in ``pages/`` is here.
"""

from __future__ import annotations

from dataclasses import dataclass

from workforce.core.filters import DIMENSIONS

ROLES = ("public", "staff", "admin")
ALL_FILTERS = ("tahun", "kuartal", *DIMENSIONS)


@dataclass(frozen=True)
class PageSpec:
    """One page: its file in pages/, i18n title key, nav section, minimum role."""

    file: str
    title_key: str
    section_key: str
    role: str
    icon: str
    # the sidebar filters the page honours (the others are not drawn on it)
    filters: tuple[str, ...] = ALL_FILTERS

    @property
    def url_path(self) -> str:
        """The URL path segment (the file name without .py)."""
        return self.file.removeprefix("pages/").removesuffix(".py")


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "pages/ringkasan.py",
        "nav.ringkasan",
        "nav.analysis",
        "staff",
        ":material/dashboard:",
    ),
    PageSpec(
        "pages/pelatihan.py",
        "nav.pelatihan",
        "nav.analysis",
        "staff",
        ":material/school:",
    ),
    PageSpec(
        "pages/penempatan.py",
        "nav.penempatan",
        "nav.analysis",
        "staff",
        ":material/work:",
    ),
    PageSpec(
        "pages/link_match.py",
        "nav.link_match",
        "nav.analysis",
        "staff",
        ":material/join:",
    ),
    PageSpec(
        "pages/anggaran.py",
        "nav.anggaran",
        "nav.analysis",
        "staff",
        ":material/payments:",
    ),
    PageSpec(
        "pages/perencanaan.py",
        "nav.perencanaan",
        "nav.planning",
        "staff",
        ":material/event_note:",
    ),
    PageSpec(
        "pages/transparansi.py",
        "nav.transparansi",
        "nav.public",
        "public",
        ":material/public:",
        filters=("tahun",),  # the public figures are city-wide and yearly
    ),
    PageSpec(
        "pages/kelola_data.py",
        "nav.kelola_data",
        "nav.admin",
        "admin",
        ":material/upload_file:",
        filters=(),  # imports and checks cover the whole database
    ),
)


def allowed(role: str, needed: str) -> bool:
    """True when ``role`` may open a page that needs ``needed``."""
    return ROLES.index(role) >= ROLES.index(needed)


def pages_for(role: str) -> list[PageSpec]:
    """The pages a role may see, in navigation order."""
    return [p for p in PAGES if allowed(role, p.role)]
