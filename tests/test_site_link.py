"""The transparency page links to the static site when its address is configured."""

from __future__ import annotations

from workforce.core import i18n


def test_the_public_page_links_to_the_static_site(app_test, fixture_db, monkeypatch):
    monkeypatch.setenv("WORKFORCE_SITE_URL", "https://data.cilegon.example/")
    at = app_test(fixture_db, role=None).run()
    buttons = at.get("link_button")
    assert [b.proto.url for b in buttons] == ["https://data.cilegon.example/"]
    assert buttons[0].proto.label == i18n.t("public.static_site", "id")
    monkeypatch.delenv("WORKFORCE_SITE_URL")
    assert not app_test(fixture_db, role=None).run().get("link_button")
