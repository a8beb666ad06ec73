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
