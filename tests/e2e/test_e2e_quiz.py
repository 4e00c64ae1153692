"""A question in headless Chromium: Forward's "which input's loss term is largest?" before and after Check.

Saves screenshots/quiz-before.png and quiz-after.png (the question's container), and quiz-slide.png (the same
question as a slide, PageDown having revealed its answer), to be looked at.
"""

from __future__ import annotations

from labtools import harness

KEY = "quiz-forward-largest-term"


def test_question_before_and_after_check(tab):
    t = tab().open("forward", quiz="true")
    page = t.page
    harness.settle(page)
    box = page.locator(f".st-key-{KEY}")
    box.scroll_into_view_if_needed()
    assert page.locator(".st-key-step-forward-5").count() == 0  # folded until answered
    box.screenshot(path=str(harness.SHOTS / "quiz-before.png"))
    n = harness.runs_done(page)
    box.get_by_text("(0,0)", exact=True).click()
    harness.settle(page, n)
    n = harness.runs_done(page)
    box.get_by_role("button", name="Check").click()
    harness.settle(page, n)
    assert "Right." in box.inner_text() and "1.0945" in box.inner_text()
    assert page.locator(".st-key-step-forward-5").count() == 1
    box.screenshot(path=str(harness.SHOTS / "quiz-after.png"))
    t.check("quiz-forward-reading")
