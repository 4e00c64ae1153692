"""Questions before the steps (built by xorcore/quiz.py) on the Streamlit side, when the sidebar's `quiz` is on.

    show("forward", with_quiz("forward", sections, {"step-5": [Ask("largest-term", lambda: largest_term(trace))]}))

with_quiz puts a question's Section before the section it asks about (its container keyed quiz-<page>-<id>).
Reading mode: choose, Check (right or wrong, and why) or Show me; the section asked about stays folded until
then. A slide: the question alone; the clicker's first PageDown reveals the answer (Section.reveal), the next
one moves on to the step. Answers are kept in this session's st.session_state only, by the question's digest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import streamlit as st

from app_pages._sections import Section, presenting, stage
from app_pages._shared import tr
from xorcore.quiz import Question, Say

K_QUIZ = "quiz"  # the sidebar toggle's key, bound to the URL as ?quiz=true
K_ANSWERS = "quiz:answers"  # {digest: True / False (checked: right?), None (Show me)}
LETTERS = "ABCDEFGH"


class Ask:
    """A question by id and its builder, run at most once per script run (None: not asked at these settings)."""

    def __init__(self, id: str, build: Callable[[], Question | None]) -> None:
        self.id, self.build, self._built = id, build, False
        self._question: Question | None = None

    def question(self) -> Question | None:
        """The question at the settings on screen, or None."""
        if not self._built:
            self._question, self._built = self.build(), True
        return self._question


def quiz_on() -> bool:
    """True when the sidebar's questions are on."""
    return bool(st.session_state.get(K_QUIZ))


def with_quiz(page: str, sections: Sequence[Section], asks: Mapping[str, Sequence[Ask]]) -> list[Section]:
    """The page's sections with a question before each one `asks` names (quiz off: the sections unchanged).

    A slide is made only for a question asked at these settings; reading mode builds a question where it is drawn
    (after the sections above it, which may compute what it needs).
    """
    if not quiz_on():
        return list(sections)
    slide, out = presenting(), []
    for s in sections:
        mine = list(asks.get(s.id, ()))
        if slide:  # the clicker reveals the answer before the step: nothing is folded
            mine = [a for a in mine if s.slide and a.question() is not None]
        for a in mine:
            out.append(Section(f"quiz-{a.id}", lambda a=a: _draw(page, a, slide), slide=s.slide, reading=s.reading,
                               reveal=1))  # fmt: skip
        out.append(replace(s, draw=lambda s=s, mine=mine: _guarded(s.draw, mine)) if mine and not slide else s)
    return out


def say(s: Say) -> str:
    """A (key, values) text in the current language; a value may be a text itself, or a tuple of texts (listed)."""
    key, values = s
    return tr(key, **{k: _value(v) for k, v in values.items()})


def _value(v: object) -> object:
    if isinstance(v, tuple) and v and isinstance(v[0], tuple):
        return ", ".join(say(x) for x in v)
    return say(v) if isinstance(v, tuple) else v  # type: ignore[arg-type]


def _answers() -> dict:
    return st.session_state.setdefault(K_ANSWERS, {})


def _done(a: Ask) -> bool:
    """Answered (or shown) at these settings, or not asked here."""
    q = a.question()
    return q is None or q.digest() in _answers()


def _guarded(draw: Callable[[], None], asks: Sequence[Ask]) -> None:
    """Draw a section asked about once its questions are answered (reading mode)."""
    if all(_done(a) for a in asks):
        draw()
    else:
        st.caption(tr("qz_folded"))


def _draw(page: str, a: Ask, slide: bool) -> None:
    """One question in its container: on a slide for the room, in reading mode to answer."""
    q = a.question()
    if q is None:
        return
    with st.container(key=f"quiz-{page}-{q.id}", border=not slide):
        (_slide if slide else _reading)(page, q)


def _reading(page: str, q: Question) -> None:
    """The question, its options as pills, Check and Show me; once done, right or wrong and why, and the score."""
    st.markdown(f"**:material/quiz: {tr('qz_title')}** · {say(q.ask)}")
    d = q.digest()
    done = d in _answers()
    pick = f"qz-{page}-{q.id}-{d}"
    labels = [say(o) for o in q.options]
    st.pills(tr("qz_choose"), range(len(labels)), format_func=labels.__getitem__, key=pick, disabled=done)
    with st.container(horizontal=True):
        st.button(tr("qz_check"), key=f"{pick}-check", type="primary", on_click=_check, args=(d, pick, q.answer),
                  disabled=done or st.session_state.get(pick) is None, icon=":material/check:")  # fmt: skip
        st.button(tr("qz_show"), key=f"{pick}-show", on_click=_show, args=(d,), disabled=done,
                  icon=":material/visibility:")  # fmt: skip
    if done:
        _verdict(_answers()[d], labels[q.answer], say(q.reason))
    st.caption(score())  # on every page with a question


def _check(digest: str, pick: str, answer: int) -> None:
    """Check's callback: keep whether the chosen option is the answer."""
    _answers()[digest] = st.session_state.get(pick) == answer


def _show(digest: str) -> None:
    """Show me's callback: the answer is shown, nothing is scored."""
    _answers()[digest] = None


def _verdict(right: bool | None, answer: str, reason: str) -> None:
    """Right, wrong or shown, with the reason."""
    if right is None:
        st.info(f"{tr('qz_shown', answer=answer)} {reason}", icon=":material/visibility:")
    elif right:
        st.success(f"{tr('qz_right')} {reason}", icon=":material/check_circle:")
    else:
        st.error(f"{tr('qz_wrong', answer=answer)} {reason}", icon=":material/cancel:")


def score() -> str:
    """The session's score: questions checked and how many of them right (Show me is not counted)."""
    checked = [v for v in _answers().values() if v is not None]
    return tr("qz_score", n=sum(checked), m=len(checked))


def _slide(page: str, q: Question) -> None:
    """The question for the room, its options lettered; after the clicker's first PageDown the answer and why."""
    shown = stage() >= 1
    st.subheader(f":material/quiz: {tr('qz_title')}", divider="gray")
    st.markdown(f"#### {say(q.ask)}")
    lines = []
    for i, o in enumerate(q.options):
        mark = " :material/check_circle:" if shown and i == q.answer else ""
        text = f"**{LETTERS[i]}.** {say(o)}{mark}"
        lines.append(f"- :green[{text}]" if mark else f"- {text}")
    st.markdown("\n".join(lines))
    if shown:
        st.success(f"**{tr('qz_slide_answer', answer=say(q.options[q.answer]))}** {say(q.reason)}",
                   icon=":material/check_circle:")  # fmt: skip
    else:
        st.caption(tr("qz_slide_hint"))
