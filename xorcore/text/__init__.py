"""Every visible string, in Korean and English: one table per language, merged from per-page modules."""

from __future__ import annotations

from . import (
    backprop,
    beyond,
    charts,
    common,
    experiments,
    flow,
    forward,
    loop_page,
    model_page,
    present,
    quiz,
    solve,
    stuck,
    training,
)
from .josa import particles

LANGS: tuple[str, ...] = ("ko", "en")
_MODULES = (
    common,
    model_page,
    charts,
    forward,
    backprop,
    flow,
    training,
    experiments,
    stuck,
    loop_page,
    beyond,
    present,
    quiz,
    solve,
)


def _merge(lang: str) -> dict[str, str]:
    """One language's table; a key defined twice is a bug."""
    table: dict[str, str] = {}
    for mod in _MODULES:
        part = getattr(mod, lang.upper())
        dup = table.keys() & part.keys()
        if dup:
            raise KeyError(f"text keys defined twice: {sorted(dup)}")
        table.update(part)
    return table


TABLES: dict[str, dict[str, str]] = {lang: _merge(lang) for lang in LANGS}
MISSING = "⟦{}⟧"  # what a missing key shows (tests look for it)


def t(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with {placeholders} filled from values."""
    table = TABLES.get(lang, TABLES["en"])
    text = table.get(key)
    if text is None:
        return MISSING.format(key)
    text = text.format(**values) if values else text
    return particles(text) if lang == "ko" and "(" in text else text


# The settings whose values are code names (Config's activation, optimizer), shown by the name under a text
# key: act_<name>, opt_<name>.
CHOICE_KEYS: dict[str, str] = {"activation": "act", "optimizer": "opt"}


def choice_name(lang: str, field: str, value: str) -> str:
    """The readable name of a setting's value, e.g. ('en', 'activation', 'leaky_relu') -> 'leaky ReLU'."""
    return t(lang, f"{CHOICE_KEYS[field]}_{value}")


def lang_from_locale(locale: str | None) -> str:
    """'ko' for a Korean browser locale, else 'en'."""
    return "ko" if (locale or "").lower().startswith("ko") else "en"
