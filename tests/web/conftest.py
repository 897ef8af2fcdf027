"""Fixtures of the browser tests: the real server on the demo, Debian's Chromium, logins.

Each browser test module gets its own server and demo database (module scope), since a test
changes the demo as a user would.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.web.browser_support import DemoServer

    srv = DemoServer(tmp_path_factory.mktemp("baocao-browser")).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    from tests.web.browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def login(server, browser):
    """login(username) -> a page of that user's own browser context, on the home page."""
    from playwright.sync_api import expect

    from tests.web.browser_support import DEMO_PASSWORD, TIMEOUT_MS, shot

    contexts = []

    def _login(username: str, *, screenshot: str = ""):
        ctx = browser.new_context(
            base_url=server.url,
            viewport={"width": 1280, "height": 900},
            locale="vi-VN",
            accept_downloads=True,
        )
        ctx.set_default_timeout(TIMEOUT_MS)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        if screenshot:
            shot(page, screenshot)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.locator("h1")).to_contain_text("Xin chào")
        return page

    yield _login
    for ctx in contexts:
        ctx.close()
