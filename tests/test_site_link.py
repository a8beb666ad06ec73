"""The transparency page links to the static site when its address is configured."""

from __future__ import annotations

from workforce.core import db, i18n
from workforce.public import release


def test_the_public_page_links_to_the_static_site(app_test, fixture_copy, monkeypatch):
    with db.atomic_write(fixture_copy) as conn:  # the site exists from a release on
        release.publish(conn, "Rilis uji", "test-admin")
    monkeypatch.setenv("WORKFORCE_SITE_URL", "https://data.cilegon.example/")
    at = app_test(fixture_copy, role=None).run()
    buttons = at.get("link_button")
    assert [b.proto.url for b in buttons] == ["https://data.cilegon.example/"]
    assert buttons[0].proto.label == i18n.t("public.static_site", "id")
    monkeypatch.delenv("WORKFORCE_SITE_URL")
    assert not app_test(fixture_copy, role=None).run().get("link_button")


def test_where_the_stack_serves_the_site_the_page_says_where_a_shared_link_goes(
    app_test, fixture_copy, monkeypatch
):
    """The stack sets WORKFORCE_SITE_URL=/situs/ and its proxy sends a shared link
    to /transparansi there: the page tells staff, in their language."""
    with db.atomic_write(fixture_copy) as conn:
        release.publish(conn, "Rilis uji", "test-admin")
    monkeypatch.setenv("WORKFORCE_SITE_URL", "/situs/")
    for lang in ("id", "en"):
        at = app_test(fixture_copy, role=None, lang=lang).run()
        assert [b.proto.url for b in at.get("link_button")] == ["/situs/"]
        assert i18n.t("public.shared_link", lang) in [c.value for c in at.caption]
    monkeypatch.setenv("WORKFORCE_SITE_URL", "https://data.cilegon.example/")
    at = app_test(fixture_copy, role=None).run()
    assert i18n.t("public.shared_link", "id") not in [c.value for c in at.caption]
