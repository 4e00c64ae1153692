"""The talk's whole order: every page's slides, found by their keys (slide-<page>-<section>), in both languages."""

import pytest

from tests.conftest import app

# The one place the talk's order is written down: (page, its sections' ids) as PageDown walks them.
TALK = (
    ("model", ("xor", "network", "activation")),
    ("solve", ("one-line", "two-lines")),
    ("forward", ("step-1", "step-2", "step-3", "step-4", "step-5")),
    ("backprop", (*(f"step-{k}" for k in range(1, 9)), "network", "shares", "local-upstream",
                  "finite-differences", "update", "slice", "planes")),
    ("loop", ("stepper", "zero-grad")),
    ("training", ("replay",)),
    ("experiments", ("success-slide", "stuck-slide", "failing-slide")),
)  # fmt: skip


def slide_keys(at) -> list[str]:
    """The keys of the slide containers on screen (one on a slide)."""
    return [k for k in _keys(at) if k.startswith("slide-") and k not in SLIDE_BAR]


SLIDE_BAR = {"slide-bar", "slide-prev", "slide-next", "slide-left", "slide-right"}


def _keys(at) -> list[str]:
    out: list[str] = []

    def walk(node) -> None:
        key = getattr(node, "key", None) or getattr(getattr(node, "proto", None), "id", "")
        if isinstance(key, str) and key:
            out.append(key)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("page", "sections"), TALK, ids=[p for p, _ in TALK])
def test_each_page_walks_its_slides_in_the_talks_order(page, sections, lang):
    """Next walks a page's slides in the order TALK states, nothing else (the browser test crosses pages)."""
    at = app(f"app_pages/{page}.py", lang=lang, present="true", epochs="150")
    seen = []
    for _ in sections:
        assert not at.exception, at.exception[0].value
        seen.append(slide_keys(at))
        if len(seen) < len(sections):
            at.button(key="slide-next").click().run()
    assert seen == [[f"slide-{page}-{s}"] for s in sections]
    counter = next(m.value for m in at.markdown if m.value.startswith("**") and f"{len(sections)}" in m.value)
    assert f"{len(sections)}" in counter


def section_keys(at, page: str) -> list[str]:
    """The ids of the reading-mode sections drawn, in the page's order."""
    return [k.removeprefix(f"section-{page}-") for k in _keys(at) if k.startswith(f"section-{page}-")]


@pytest.mark.parametrize(("page", "sections"), TALK, ids=[p for p, _ in TALK])
def test_reading_mode_draws_the_same_sections_in_the_same_order(page, sections):
    """Reading mode draws every section top to bottom: the talk's slides that it shares come in the talk's order."""
    at = app(f"app_pages/{page}.py", epochs="150")
    assert not at.exception, at.exception[0].value
    drawn = section_keys(at, page)
    assert drawn, f"no section-{page}-* container drawn"
    shared = [s for s in drawn if s in sections]
    assert shared == [s for s in sections if s in shared]
    assert not any(k.startswith("slide-") and k not in SLIDE_BAR for k in _keys(at)), "a slide in reading mode"


@pytest.mark.parametrize("page", [p for p, _ in TALK])
def test_the_largest_seed_the_sidebar_accepts_opens_every_page(page):
    """Seed 2**31 - 1 (SEED_RANGE's top) opens every page in both modes."""
    from xorcore.config import SEED_RANGE

    for present in ("false", "true"):
        at = app(f"app_pages/{page}.py", seed=str(SEED_RANGE[1]), epochs="50", present=present)
        assert not at.exception, (present, at.exception[0].value)
        assert at.session_state["config"].seed == SEED_RANGE[1]
