"""Fixtures for the real-browser tests: one Streamlit server and one headless Chromium per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from labtools import harness

E2E_PORT = int(os.environ.get("XOR_E2E_PORT", "8620"))  # another port lets two checkouts test at once
MISSING = harness.chromium_missing_reason()
# Streamlit turns a ':material/...:' page_icon into a favicon fetched from Google's font CDN: not part of
# what the page renders, so the per-test check leaves it to test_no_request_leaves_the_machine.
FAVICON_HOST = "fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e/ is marked e2e (deselect with -m 'not e2e')."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def server():
    """`streamlit run dashboard.py` on 127.0.0.1:8620 for the whole session, stopped by PID at the end."""
    if MISSING:
        pytest.skip(f"browser tests skipped: {MISSING}")
    srv = harness.Server(E2E_PORT).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, for the whole session."""
    if MISSING:
        pytest.skip(f"browser tests skipped: {MISSING}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = harness.launch(pw)
        yield b
        b.close()


class Tab:
    """One page in its own browser context (its own Streamlit session), offline, with checks."""

    def __init__(self, browser, server: harness.Server, locale: str = "en-US") -> None:
        self.server = server
        self.context, self.offline = harness.new_context(browser, locale)
        self.page = self.context.new_page()

    def open(self, path: str = "", **params: str) -> Tab:
        harness.goto(self.page, self.server.url(path, **params))
        return self

    def check(self, name: str) -> None:
        """After a run: no exception box, nothing fetched from outside, no injected markup; save a screenshot."""
        page = self.page
        harness.settle(page)
        harness.shot(page, name)
        errors = harness.exceptions(page)
        assert not errors, f"{name}: exception on the page:\n{errors[0][:2000]}"
        outside = [u for u in self.offline.blocked if FAVICON_HOST not in u]
        assert not outside, f"{name}: the page asked for outside assets: {outside[:5]}"
        assert not self.offline.dialogs, f"{name}: a dialog opened: {self.offline.dialogs}"
        assert not harness.injected(page), f"{name}: injected markup in the DOM: {harness.injected(page)}"
        assert "⟦" not in harness.main_text(page), f"{name}: a text key is missing (⟦key⟧ on screen)"
        lost = page.locator('[role="dialog"]').filter(has_text="Page not found")
        assert lost.count() == 0, f"{name}: Streamlit says 'Page not found' for {page.url}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    """A fresh offline tab factory: tab() -> Tab; every tab is closed after the test."""
    tabs: list[Tab] = []

    def make(locale: str = "en-US") -> Tab:
        t = Tab(browser, server, locale)
        tabs.append(t)
        return t

    yield make
    for t in tabs:
        t.close()
