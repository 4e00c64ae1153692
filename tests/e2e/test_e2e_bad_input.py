"""Hostile share links in a real browser: no exception, defaults, a notice per parameter, no injected markup."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from labtools import harness
from xorcore.config import LECTURE
from xorcore.text import CHOICE_KEYS, choice_name

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
LINK = "[x](http://evil)"
HOSTILE = [
    ("seed", "1e309"),
    ("activation", IMG),
    ("optimizer", SCRIPT),
    ("lr", LINK),
    ("epochs", "-5"),
    ("hidden", "x" * 5000),
    ("lang", IMG),
    ("theta", "1e309," + "nan," * 7 + SCRIPT),  # Solve it yourself's parameters and truth table
    ("task", IMG),
    ("a`" + LINK + "`b", "1"),  # an unknown key that tries to close the notice's code span
]


def hostile_url(server, path: str) -> str:
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in [*HOSTILE, ("seed", "2")])  # seed repeated
    return f"{server.base}/{path}?{query}"


@pytest.mark.parametrize("path", harness.PAGE_PATHS)
def test_hostile_link_on_every_page(tab, path):
    t = tab()
    harness.goto(t.page, hostile_url(t.server, harness.ADDRESS[path]))
    t.check(f"e2e-hostile-{path}")
    page = t.page
    alerts = " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
    for key in ("seed", "activation", "optimizer", "lr", "epochs", "hidden", "lang", "theta", "task"):
        assert key in alerts, f"/{path}: no notice names {key}: {alerts[:500]}"
    assert "evil" not in page.locator('[data-testid="stAlert"] a').evaluate_all("(as) => as.map(a => a.href).join()")
    shown = {
        "seed": harness.number_value(page, "seed"),
        "activation": harness.selected(page, "activation"),
        "optimizer": harness.selected(page, "optimizer"),
        "lr": harness.slider_value(page, "lr"),
        "epochs": harness.number_value(page, "epochs"),
        "hidden": harness.slider_value(page, "hidden"),
    }
    want = {k: (f"{v:g}" if k == "lr" else str(v)) for k, v in LECTURE.as_dict().items()}
    want |= {k: choice_name("en", k, getattr(LECTURE, k)) for k in CHOICE_KEYS}  # shown by readable name
    assert shown == want, f"/{path}: the sidebar does not show the lecture's defaults"
    assert page.get_by_role("radio", name="English", exact=True).get_attribute("aria-checked") == "true"
