"""The questions on the pages (?quiz=true): folded until answered in reading mode, a slide of their own revealed by
the clicker in presentation mode, in the talk's order; both languages; the link's value checked."""

from __future__ import annotations

import pytest

from tests.conftest import app, on_screen
from tests.test_dashboard import link_notices
from tests.test_talk import TALK, slide_keys

# Where the questions go at the settings the talk test uses (the lecture's, 150 epochs; Experiments 500): before
# these slides.
QUIZ = {
    "model": {"activation": ["slope-at-zero"]},
    "forward": {"step-4": ["above-half"], "step-5": ["largest-term"]},
    "backprop": {"step-3": ["w2-sign"], "step-7": ["layers"], "network": ["largest-grad"],
                 "update": ["step-small", "step-big"]},
    "loop": {"stepper": ["grad-twice"], "zero-grad": ["zero-grad-curve"]},
    "training": {"replay": ["learns"]},
    "experiments": {"success-slide": ["worst-activation"]},
}  # fmt: skip


def talk_with_questions(page: str, sections: tuple[str, ...]) -> list[tuple[str, bool]]:
    """What PageDown shows with questions on: each question slide twice (asked, then answered), then its step."""
    out = []
    for s in sections:
        for qid in QUIZ.get(page, {}).get(s, []):
            out += [(f"quiz-{qid}", False), (f"quiz-{qid}", True)]
        out.append((s, False))
    return out


def answer_shown(at) -> bool:
    return any(m.icon == ":material/check_circle:" for m in at.success)


@pytest.mark.parametrize(("page", "sections"), [t for t in TALK if t[0] in QUIZ], ids=[p for p, _ in TALK if p in QUIZ])
def test_slides_with_questions_in_the_talks_order(page, sections):
    """Each question is a slide before its step; the first Next reveals its answer on the same slide, the next one
    moves on; Previous takes the answer back."""
    # Experiments at 150 epochs: sigmoid and identity fail all 100 seeds with Adam, a tie, so it asks nothing there
    at = app(f"app_pages/{page}.py", present="true", quiz="true", epochs="500" if page == "experiments" else "150")
    want = talk_with_questions(page, sections)
    seen = []
    for i in range(len(want)):
        assert not at.exception, at.exception[0].value
        (key,) = slide_keys(at)
        seen.append((key.removeprefix(f"slide-{page}-"), answer_shown(at) if "quiz-" in key else False))
        if i < len(want) - 1:
            at.button(key="slide-next").click().run()
    assert seen == want
    first = next(i for i, (s, _) in enumerate(want) if s.startswith("quiz-"))
    for _ in range(len(want) - 1 - first - 1):  # back to the first question, answered, then asked again
        at.button(key="slide-prev").click().run()
    assert slide_keys(at) == [f"slide-{page}-{want[first][0]}"] and answer_shown(at)
    at.button(key="slide-prev").click().run()
    assert slide_keys(at) == [f"slide-{page}-{want[first][0]}"] and not answer_shown(at)


def pick(at, qid: str, option: int) -> None:
    (pills,) = [p for p in at.pills if p.key and p.key.startswith(f"qz-forward-{qid}-")]
    pills.set_value(option).run()


def press(at, qid: str, which: str) -> None:
    (button,) = [b for b in at.button if b.key and b.key.startswith(f"qz-forward-{qid}-") and b.key.endswith(which)]
    button.click().run()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_reading_mode_folds_the_step_until_answered(lang):
    """Forward's steps 4 and 5 stay folded until their questions are checked or shown; Check says right or wrong
    and why; the score counts checked questions only."""
    at = app("app_pages/forward.py", lang=lang, quiz="true")
    assert on_screen(at, "quiz-forward-above-half") and on_screen(at, "quiz-forward-largest-term")
    assert (
        on_screen(at, "step-forward-3") and not on_screen(at, "step-forward-4") and not on_screen(at, "step-forward-5")
    )
    folded = {"en": "Answer the question above", "ko": "위 질문에 답하면"}[lang]
    assert sum(folded in c.value for c in at.caption) == 2
    start = {"en": "0 of 0 right", "ko": "0문제 중 0개 정답"}[lang]
    assert any(start in c.value for c in at.caption)  # the session's score, shown before any answer too
    pick(at, "largest-term", 1)  # (0,1): wrong, (0,0)'s term 1.0945 is the largest at the lecture's seed
    assert not on_screen(at, "step-forward-5")  # choosing alone does not open it
    press(at, "largest-term", "-check")
    assert on_screen(at, "step-forward-5") and not on_screen(at, "step-forward-4")
    (wrong,) = at.error
    assert "(0,0)" in wrong.value and "1.0945" in wrong.value
    assert {"en": "Not quite", "ko": "아쉽네요"}[lang] in wrong.value
    press(at, "above-half", "-show")
    assert on_screen(at, "step-forward-4")
    score = {"en": "0 of 1 right", "ko": "1문제 중 0개 정답"}[lang]
    assert any(score in c.value for c in at.caption)  # Show me is not scored


def test_right_answer_and_quiz_off():
    at = app("app_pages/forward.py", quiz="true")
    pick(at, "above-half", 4)  # all four ŷ lie above 0.5 at the lecture's seed
    press(at, "above-half", "-check")
    assert any(s.value.startswith("Right.") and "4 of them" in s.value for s in at.success)
    assert any("1 of 1 right" in c.value for c in at.caption)
    at.toggle(key="quiz").set_value(False).run()
    assert not on_screen(at, "quiz-forward-above-half") and on_screen(at, "step-forward-5")


def test_a_tie_is_not_asked():
    """Experiments at 150 epochs: with Adam sigmoid and identity both fail every seed, so no activation fails most."""
    at = app("app_pages/experiments.py", present="true", quiz="true", epochs="150")
    assert slide_keys(at) == ["slide-experiments-success-slide"]


def test_bad_quiz_param_gets_notice():
    at = app(quiz="maybe")
    assert not at.exception
    assert any("`quiz`" in n for n in link_notices(at))
    assert at.toggle(key="quiz").value is False
