"""The cached read-only connection follows a database file swapped in by a writer."""

from __future__ import annotations

from workforce import app, refresh
from workforce.core import db

MARKER = "select value from dataset_info where key = 'marker'"


def _marker(path):
    return app._connection(str(path), app.stamp(path)).execute(MARKER).fetchall()


def test_swapped_in_file_is_read_after_the_swap(tmp_path):
    path = tmp_path / "swap.duckdb"
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        db.set_info(conn, "marker", "old")
    assert _marker(path) == [("old",)]
    in_flight = app._connection(str(path), app.stamp(path)).cursor()
    with db.atomic_write(path) as conn:
        db.set_info(conn, "marker", "new")
    assert _marker(path) == [("new",)]
    # a query that started on the old version finishes there, undisturbed
    assert in_flight.execute(MARKER).fetchall() == [("old",)]
    in_flight.close()
    # the private aliases are gone once the connections are open
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "swap.duckdb",
        "swap.duckdb.lock",
    ]
