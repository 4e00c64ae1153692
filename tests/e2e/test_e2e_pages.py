"""Every page in headless Chromium, offline, in both languages: renders, no exception, every chart drawn."""

from __future__ import annotations

import re

import pytest

from labtools import harness

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", harness.PAGE_PATHS)
def test_page_renders_with_every_chart_drawn(tab, path, lang):
    t = tab().open(harness.ADDRESS[path], lang=harness.LANG_PARAM[lang])
    problems = harness.charts_drawn(t.page)
    t.check(f"e2e-{path}-{lang}")
    assert not problems, f"/{path} ({lang}): charts not drawn: {problems}"
    text = harness.main_text(t.page)
    assert len(text.strip()) > 20, f"/{path} ({lang}) shows almost nothing: {text!r}"
    if lang == "ko":
        assert HANGUL.search(text), f"/{path} in Korean shows no Korean text"


def test_first_page_by_its_name(tab):
    """/model (the first page's name, as a teacher would type it) opens the Model page, not 'Page not found'."""
    t = tab().open("model", activation="tanh")
    t.check("e2e-model-by-name")
    assert harness.selected(t.page, "activation") == "tanh"


def test_pages_have_charts_of_both_kinds(tab):
    """Across the pages there are Vega-Lite charts and Graphviz diagrams, and each of them drew."""
    t = tab()
    vega = graphviz = 0
    for path in harness.PAGE_PATHS:
        t.open(harness.ADDRESS[path])
        problems = harness.charts_drawn(t.page)
        assert not problems, f"/{path}: {problems}"
        v, g = harness.chart_counts(t.page)
        vega, graphviz = vega + v, graphviz + g
    assert vega > 0, "no Vega-Lite chart on any page"
    assert graphviz > 0, "no Graphviz diagram on any page"


def test_language_switch_changes_the_text(tab):
    t = tab().open("forward", lang="English")
    english = harness.main_text(t.page)
    harness.set_lang(t.page, "ko")
    t.check("e2e-lang-switch-ko")
    korean = harness.main_text(t.page)
    assert korean != english
    assert HANGUL.search(korean) and not HANGUL.search(english.replace("언어", ""))
    assert harness.widget(t.page, "activation").locator("label").inner_text() == "은닉층 활성화 함수"


def test_korean_renders_in_the_shipped_font(tab):
    """The theme's font is the one served from static/, and the browser has loaded it (offline)."""
    t = tab().open("", lang="한국어")
    t.check("e2e-font-ko")
    family = t.page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"] p')).fontFamily")
    assert "Noto Sans KR" in family, family
    t.page.wait_for_function("() => document.fonts.check('16px \"Noto Sans KR\"', '가')", timeout=30_000)
    loaded = t.page.evaluate(
        "() => [...document.fonts].filter(f => f.family.includes('Noto Sans KR') && f.status === 'loaded').length"
    )
    assert loaded >= 1


def test_no_request_leaves_the_machine(tab):
    """Not even the favicon: a hall without internet sees the same app (dashboard.py's page_icon)."""
    t = tab()
    for path in harness.PAGE_PATHS:
        t.open(harness.ADDRESS[path])
        t.check(f"e2e-offline-{path}")
    assert not t.offline.blocked, (
        f"requests to outside hosts: {sorted(set(t.offline.blocked))} "
        "(a ':material/...:' page_icon is fetched from a font CDN; an emoji or a local image is served locally)"
    )
