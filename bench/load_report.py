"""The load test's table and the ratios it is judged by (bench/load_test.py)."""

from __future__ import annotations

from typing import Any

HEAD = (
    "| workers | phase | users | interactions | per s | p50 s | p95 s | errors "
    "| reconnects | server CPU-s per interaction | proxy CPU-s per interaction "
    "| load generator CPU-s per interaction | KB per interaction |\n"
    "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
)


def _f(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _per(r: dict[str, Any], key: str) -> float | None:
    return r[key] / r["interactions"] if r["interactions"] else None


def _client_share(r: dict[str, Any]) -> float | None:
    """The load generator's CPU per interaction: it runs on the same two cores as
    the server, so this is what it takes from the server's throughput."""
    return r["client_cpu_s"] / r["interactions"] if r["interactions"] else None


def table(rows: list[dict[str, Any]]) -> str:
    """Markdown table, one line per phase."""
    lines = [HEAD]
    for r in rows:
        phase = r["phase"] + (f" ({r['setting']})" if r.get("setting") else "")
        lines.append(
            f"| {r['workers']} | {phase} | {r['users']} | {r['interactions']} "
            f"| {_f(r['per_s'], 1)} | {_f(r['p50_s'])} | {_f(r['p95_s'])} "
            f"| {r['errors']} | {r['reconnects']} | {_f(r['cpu_per_interaction_s'], 4)} "
            f"| {_f(_per(r, 'proxy_cpu_s'), 4)} | {_f(_client_share(r), 3)} "
            f"| {_f(r['kb_per_interaction'], 0)} |"
        )
    return "\n".join(lines)


def _find(
    rows: list[dict], workers: int, phase: str, setting: str | None = None
) -> dict | None:
    for r in rows:
        if (
            r["workers"] == workers
            and r["phase"].startswith(phase)
            and r.get("setting") == setting
        ):
            return r
    return None


def ratios(rows: list[dict[str, Any]]) -> list[str]:
    """The figures the targets speak of, each from rows measured in this run."""
    out = []
    for w in sorted({r["workers"] for r in rows if not r.get("setting")}):
        ref = _find(rows, w, "view one_line")
        link = _find(rows, w, "view transparansi (shared link)")
        if link and ref and link["interactions"] and ref["interactions"]:
            # the Python side and the proxy on both sides: a redirect and cached files
            # against a Streamlit session
            link_cpu = (link["server_cpu_s"] + link["proxy_cpu_s"]) / link[
                "interactions"
            ]
            ref_cpu = (ref["server_cpu_s"] + ref["proxy_cpu_s"]) / ref["interactions"]
            out.append(
                f"{w} worker(s): CPU per fresh public view (a shared link: the proxy's redirect,"
                f" the static page and its files; site server + proxy) {link_cpu:.4f} s ="
                f" {link_cpu / ref_cpu:.2f}x the one-line page (worker + proxy,"
                f" {ref_cpu:.4f} s); target <= 2x"
            )
        view = _find(rows, w, "view transparansi (in the app)")
        if view and ref and ref["cpu_per_interaction_s"]:
            out.append(
                f"{w} worker(s): server CPU per fresh tab on the public page in the app"
                f" {view['cpu_per_interaction_s']:.3f} s ="
                f" {view['cpu_per_interaction_s'] / ref['cpu_per_interaction_s']:.1f}x the"
                f" one-line page ({ref['cpu_per_interaction_s']:.3f} s)"
            )
        staff = [
            r
            for r in rows
            if r["workers"] == w
            and r["phase"].startswith("filter ")
            and not r.get("setting")
            and r["cpu_per_interaction_s"] is not None
        ]
        if staff:
            worst = max(staff, key=lambda r: r["cpu_per_interaction_s"])
            out.append(
                f"{w} worker(s): server CPU per filter change {min(r['cpu_per_interaction_s'] for r in staff):.3f}"
                f"-{worst['cpu_per_interaction_s']:.3f} s (highest: {worst['phase']}); target <= 0.1"
            )
    for r in rows:
        if r["phase"].startswith("paced") and not r.get("setting"):
            out.append(
                f"{r['workers']} worker(s), {r['users']} paced users: p95 {_f(r['p95_s'])} s, "
                f"{r['errors']} errors, {r['reconnects']} reconnects; target 0 errors, p95 < 2 s"
                + "".join(f"; {n}" for n in r.get("notes", []))
            )
    out += _throughput(rows)
    return out


def _cores(r: dict[str, Any]) -> float:
    """Cores the workers kept busy during the phase."""
    return r["server_cpu_s"] / r["wall_s"] if r["wall_s"] else 0.0


def _others(r: dict[str, Any]) -> float:
    """Cores the proxy and the load generator took from the same machine."""
    return (r["proxy_cpu_s"] + r["client_cpu_s"]) / r["wall_s"] if r["wall_s"] else 0.0


def _throughput(rows: list[dict[str, Any]]) -> list[str]:
    out = []
    for r2 in [
        r for r in rows if r["workers"] == 2 and r["phase"].startswith("filter ")
    ]:
        r1 = _find(rows, 1, r2["phase"], r2.get("setting"))
        if r1 and r1["per_s"]:
            out.append(
                f"throughput {r2['phase']}: 2 workers {r2['per_s']:.1f}/s vs 1 worker "
                f"{r1['per_s']:.1f}/s = {r2['per_s'] / r1['per_s']:.2f}x; target >= 1.7x"
                f" (cores used by the workers {_cores(r2):.2f} vs {_cores(r1):.2f},"
                f" proxy + generator {_others(r2):.2f} vs {_others(r1):.2f}; CPU-s per"
                f" change {_f(r2['cpu_per_interaction_s'], 3)} vs {_f(r1['cpu_per_interaction_s'], 3)})"
            )
    return out


def settings_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Each profile choice undone, against the profile, with one worker."""
    out = []
    for phase in ("view transparansi", "filter ringkasan"):
        prod = _find(rows, 1, phase, "production profile")
        for r in rows:
            if r.get("setting") in (None, "production profile") or not r[
                "phase"
            ].startswith(phase):
                continue
            if prod and prod["cpu_per_interaction_s"] and r["cpu_per_interaction_s"]:
                out.append(
                    f"{phase}, {r['setting']}: {r['cpu_per_interaction_s']:.3f} CPU-s and "
                    f"{_f(r['kb_per_interaction'], 0)} KB per interaction vs "
                    f"{prod['cpu_per_interaction_s']:.3f} and {_f(prod['kb_per_interaction'], 0)} "
                    f"with the profile ({r['cpu_per_interaction_s'] / prod['cpu_per_interaction_s']:.2f}x CPU)"
                )
    return out
