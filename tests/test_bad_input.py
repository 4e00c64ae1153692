"""Hostile share links (AppTest): every bad value of every sidebar key, and a link full of them on every page.

The rule for any URL value: either the page names the parameter in a notice and the setting is the
default, or there is no notice and the setting is exactly the value the link asked for. Never an
exception, never a silent default, and no URL text rendered as markup.
"""

from __future__ import annotations

import pytest
from conftest import DASHBOARD
from streamlit.testing.v1 import AppTest

from xorcore.config import FIELDS, LECTURE, parse_field

PAGES = [None, "app_pages/solve.py", "app_pages/forward.py", "app_pages/backprop.py", "app_pages/loop.py", "app_pages/training.py",
         "app_pages/experiments.py"]  # fmt: skip
LANG_NAMES = {"en": "English", "ko": "한국어"}

# name -> raw URL value (a list is a repeated key: ?k=a&k=b)
HOSTILE: dict[str, str | list[str]] = {
    "text": "abc",
    "nan": "NaN",
    "inf": "inf",
    "minus_inf": "-inf",
    "overflow": "1e309",
    "huge": "9" * 30,
    "negative": "-7",
    "negative_huge": "-99999999999",
    "empty": "",
    "blank": "   ",
    "html_img": "<img src=x onerror=alert(1)>",
    "html_script": "<script>alert(1)</script>",
    "md_link": "[x](http://evil)",
    "long_digits": "7" * 5000,
    "long_text": "a" * 5000,
    "repeated": ["1", "2"],
    "repeated_same": ["tanh", "tanh"],
}
# Values that look almost right: allowed ones must be used as given, the others named in a notice.
LOOKALIKE: dict[str, list[str]] = {
    "seed": ["+42", "042", " 7 ", "7.0", "1e3", "٣", "²", "0x10", "2147483648"],
    "epochs": ["100.5", "0", "10001", "٣٠٠", " 300"],
    "hidden": ["0", "9", "3.0", "٣"],
    "lr": ["0.10", "1e-1", ".1", "0.1 ", "1e-05", "0.0100", "0.03"],
    "activation": ["Tanh", " tanh", "tanh ", "TANH", "leaky relu", "gelu"],
    "optimizer": ["Adam", "SGD", "adam ", "sgd+momentum"],
    "lang": ["english", "EN", "ko", "Korean", " English"],
}


def run(page: str | None = None, **params: str | list[str]) -> AppTest:
    """dashboard.py (then page) with exactly these URL parameters."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def notices(at: AppTest) -> list[str]:
    """The link notices (dashboard.py draws them with the link_off icon), not the pages' own warnings."""
    return [w.value for w in at.warning if w.icon == ":material/link_off:"]


def named(at: AppTest, key: str) -> bool:
    """A notice names this parameter."""
    return any(f"`{key}`" in n for n in notices(at))


def shown_text(at: AppTest) -> list[str]:
    """Every markdown-ish text the app rendered (warnings, markdown, captions, titles)."""
    out = []
    for kind in ("warning", "markdown", "caption", "title", "header", "subheader", "info", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    return out


def expected(key: str, raw: str | list[str]) -> object | None:
    """The value a link must produce when it is allowed, or None when it is not."""
    if isinstance(raw, list):
        return None
    if key == "lang":
        return raw if raw in LANG_NAMES.values() else None
    try:
        return parse_field(key, raw)
    except ValueError:
        return None


def check_one(at: AppTest, key: str, raw: str | list[str]) -> None:
    assert not at.exception, f"{key}={raw!r:.60}: exception {at.exception[0].value if at.exception else ''}"
    want = expected(key, raw)
    if key == "lang":
        got = LANG_NAMES[at.session_state["lang"]] if at.session_state["lang"] else None
        default = "English"
    else:
        got = getattr(at.session_state["config"], key)
        default = getattr(LECTURE, key)
    if want is None or (isinstance(raw, list) and len(set(raw)) > 1):
        assert named(at, key), f"{key}={raw!r:.60}: no notice names `{key}` ({notices(at)})"
        assert got == default, f"{key}={raw!r:.60}: the notice says default {default!r}, the app uses {got!r}"
    else:
        assert got == want or named(at, key), f"{key}={raw!r:.60}: silently replaced: asked {want!r}, got {got!r}"
        if named(at, key):
            assert got == default, f"{key}={raw!r:.60}: notice shown but the app uses {got!r}, not the default"
    # only the named key is ever complained about, and the raw value is never echoed as text
    others = [n for n in notices(at) if f"`{key}`" not in n]
    assert not others, f"{key}={raw!r:.60}: notices about other keys: {others}"
    if isinstance(raw, str) and (any(c in raw for c in "<>[]`!") or len(raw) > 40):
        leaked = [t for t in shown_text(at) if raw.strip() in t]
        assert not leaked, f"{key}={raw!r:.60}: the raw value is shown: {leaked[0][:200]}"


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("key", [*FIELDS, "lang"])
def test_hostile_value(key, case):
    raw = HOSTILE[case]
    params: dict[str, str | list[str]] = {key: raw}
    if key != "lang":
        params["lang"] = "English"
    check_one(run(**params), key, raw)


@pytest.mark.parametrize(("key", "raw"), [(k, v) for k, vs in LOOKALIKE.items() for v in vs])
def test_lookalike_value(key, raw):
    params: dict[str, str | list[str]] = {key: raw}
    if key != "lang":
        params["lang"] = "English"
    check_one(run(**params), key, raw)


@pytest.mark.parametrize(
    "name",
    ["color", "<img src=x onerror=alert(1)>", "[x](http://evil)", "a`[x](http://evil)`b", "k" * 5000, "SEED", "seed "],
)
def test_unknown_key_is_named_and_ignored(name):
    at = run(lang="English", **{name: "1"})
    assert not at.exception
    assert at.session_state["config"] == LECTURE
    assert len(notices(at)) == 1, notices(at)
    (note,) = notices(at)
    assert len(note) < 400, f"the notice repeats a {len(name)}-char key in full ({len(note)} chars)"
    # the name sits in ONE code span: a backtick in it must not close the span and let markdown through
    assert note.count("`") == 2, f"the key's backticks break the notice's code span: {note[:200]}"


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", PAGES)
def test_link_full_of_hostile_values_on_every_page(page, lang):
    params = {
        "seed": "<script>alert(1)</script>",
        "activation": "[x](http://evil)",
        "optimizer": "<img src=x onerror=alert(1)>",
        "lr": "nan",
        "epochs": "1e309",
        "hidden": ["3", "4"],
        "evil": "x" * 5000,
        "lang": LANG_NAMES[lang],
    }
    at = run(page, **params)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.session_state["config"] == LECTURE
    assert at.session_state["lang"] == lang
    for key in ("seed", "activation", "optimizer", "lr", "epochs", "hidden", "evil"):
        assert named(at, key), f"{page}: no notice for `{key}`: {notices(at)}"
    for t in shown_text(at):
        assert "<script>" not in t and "<img" not in t and "http://evil" not in t, t[:200]
