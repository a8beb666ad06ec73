"""The shape of the house: thin pages without SQL, a complete page registry,
Streamlit only in the UI layer, docstrings, and a header on every query file."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from workforce.core.navigation import PAGES

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))
WORKFORCE_FILES = sorted((ROOT / "workforce").rglob("*.py"))
QUERY_FILES = sorted((ROOT / "queries").rglob("*.sql"))
SQL_RE = re.compile(
    r"\bselect\b[\s\S]+?\bfrom\b|\binsert\b\s+\binto\b|\bupdate\b\s+\w+\s+\bset\b"
    r"|\bdelete\b\s+\bfrom\b|\bcreate\b\s+(?:or\s+replace\s+)?\b(?:table|view)\b"
    r"|\bdrop\b\s+\btable\b",
    re.IGNORECASE,
)
# Pages that are not in the navigation registry on purpose (the login page is added
# by dashboard.py for visitors who are not logged in).
NOT_IN_REGISTRY = {"pages/masuk.py"}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _strings(path: Path) -> list[str]:
    """Every string literal in a Python file (f-string parts included)."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    out = []
    for tok in tokens:
        if tok.type == tokenize.STRING or tok.type == getattr(
            tokenize, "FSTRING_MIDDLE", -1
        ):
            out.append(tok.string)
    return out


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_sql_pattern_catches_sql() -> None:
    assert SQL_RE.search("SELECT count(*)\n FROM peserta")
    assert SQL_RE.search("insert into x values (1)")
    assert not SQL_RE.search("Pilih tahun dari daftar")


@pytest.mark.parametrize("path", PAGE_FILES, ids=_rel)
def test_pages_hold_no_sql(path: Path) -> None:
    sql = [s for s in _strings(path) if SQL_RE.search(s)]
    assert not sql, f"{_rel(path)}: SQL belongs in queries/*.sql: {sql}"
    assert not {m for m in _imports(path) if m.split(".")[0] == "duckdb"}, (
        f"{_rel(path)} imports duckdb; use workforce.app.query"
    )


@pytest.mark.parametrize("path", PAGE_FILES, ids=_rel)
def test_pages_are_thin(path: Path) -> None:
    lines = len(path.read_text().splitlines())
    assert lines <= 200, f"{_rel(path)} has {lines} lines; move logic to workforce/"


def test_every_page_file_is_registered_and_vice_versa() -> None:
    files = {_rel(p) for p in PAGE_FILES} - NOT_IN_REGISTRY
    registered = [spec.file for spec in PAGES]
    assert len(registered) == len(set(registered)), "a page is registered twice"
    assert files == set(registered)
    assert len({spec.url_path for spec in PAGES}) == len(PAGES)


@pytest.mark.parametrize("path", PAGE_FILES, ids=_rel)
def test_pages_route_through_the_frame(path: Path) -> None:
    """A deep link on a fresh server runs a pages/ file alone (streamlit#9624)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "page"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "app"
    ]
    assert calls, f"{_rel(path)}: start with app.page(__file__)"


@pytest.mark.parametrize("path", WORKFORCE_FILES, ids=_rel)
def test_streamlit_only_in_the_ui_layer(path: Path) -> None:
    if path.name == "ui.py" or _rel(path) == "workforce/app.py":
        return
    uses = {m for m in _imports(path) if m.split(".")[0] == "streamlit"}
    assert not uses, f"{_rel(path)} imports streamlit; only ui.py and app.py may"


@pytest.mark.parametrize(
    "path", [*WORKFORCE_FILES, *PAGE_FILES, ROOT / "dashboard.py"], ids=_rel
)
def test_every_module_has_a_docstring(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))
    assert ast.get_docstring(tree), f"{_rel(path)}: add a module docstring"


@pytest.mark.parametrize("path", QUERY_FILES, ids=_rel)
def test_every_query_file_starts_with_a_header_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lstrip()
    assert text.startswith("--"), f"{_rel(path)}: start with a -- header comment"


@pytest.mark.parametrize("path", PAGE_FILES, ids=_rel)
def test_a_page_imports_only_the_frame_and_its_feature_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))
    imported = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    assert imported[0] == "workforce.app", imported
    assert len(imported) == 2 and re.fullmatch(r"workforce\.\w+\.ui", imported[1])
    assert not any(isinstance(node, ast.Import) for node in ast.walk(tree))


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        ["a", "b", "c"]
    ]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back() -> None:
    """Walk every import between workforce's modules: no circle, however long."""
    import grimp

    graph = grimp.build_graph("workforce")
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert _cycles(edges) == []


def test_only_the_entry_points_sit_at_the_top_of_the_package() -> None:
    top = {p.name for p in (ROOT / "workforce").glob("*.py")}
    assert top <= {"__init__.py", "__main__.py", "app.py", "cli.py", "refresh.py"}
