"""Play on Training Curve in headless Chromium at 1280 x 720, both languages: at every moment of a replay the
page names one epoch, and the replay runs to the end with the scrubber back at the last epoch."""

from __future__ import annotations

import re

import pytest

from labtools import harness

# Every text that names an epoch by its number ("Epoch 340 of 2000", "에폭 340 / 2000", "에폭 340의 ...").
NAMED = {"en": re.compile(r"\bEpoch (\d[\d,]*)", re.IGNORECASE), "ko": re.compile(r"에폭 (\d[\d,]*)")}
# The explorer's visible, current texts. A replaced element can linger hidden in the DOM for a moment, and an
# element of the frame before stays until the new frame's element arrives; Streamlit marks it stale
# (data-stale="true") and fades it, so it is not the epoch the page names.
TEXTS_JS = """() => [...document.querySelectorAll('.st-key-tr-explorer [data-testid="stMarkdownContainer"]')]
  .filter(e => e.checkVisibility() && !e.closest('[data-stale="true"]')).map(e => e.innerText)"""
BAR = '[data-testid="stMain"] [data-testid="stProgress"]'
SCRUBBER = '.st-key-train_epoch input[type="range"]'


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_replay_names_one_epoch_at_a_time(tab, lang):
    t = tab().open("training", lang=harness.LANG_PARAM[lang], epochs="300")
    page = t.page
    page.set_viewport_size({"width": 1280, "height": 720})
    harness.charts_drawn(page, timeout=120_000)
    last = int(page.locator(SCRUBBER).first.get_attribute("max") or 0)
    page.locator(".st-key-train_play_btn button").first.click()
    page.wait_for_selector(BAR, timeout=60_000)
    samples: list[set[int]] = []
    texts: list[list[str]] = []
    for _ in range(3000):  # at most ~5 min of 100 ms samples; a replay is designed to take 20 s
        playing = page.locator(BAR).count() > 0
        lines = [x for x in page.evaluate(TEXTS_JS) if NAMED[lang].search(x)]
        named = {int(n.replace(",", "")) for x in lines for n in NAMED[lang].findall(x)}
        if not playing and page.locator(SCRUBBER).count():
            break
        samples.append(named)
        texts.append(lines)
        if len(samples) == 20:
            t.check(f"e2e-play-{lang}")
        page.wait_for_timeout(100)
    else:
        pytest.fail("the replay never ended")
    several = [(s, x) for s, x in zip(samples, texts, strict=True) if len(s) > 1]
    assert not several, f"{len(several)} of {len(samples)} samples named more than one epoch, e.g. {several[:2]}"
    shown = set().union(*samples)
    assert len(shown) >= 2, f"the replay named only {shown}"
    harness.settle(page)
    assert page.locator(SCRUBBER).first.get_attribute("aria-valuenow") in (str(last), None)
    assert int(page.locator(SCRUBBER).first.input_value()) == last, "the scrubber is not back at the last epoch"
    t.check(f"e2e-play-{lang}-end")
