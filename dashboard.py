"""XOR Backprop Lab: page config, the shared sidebar (keyed, bound to the URL), navigation."""

from __future__ import annotations

import contextlib
import runpy
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from app_pages._shared import PAGES
from xorcore.config import (
    ACTIVATIONS,
    EPOCH_RANGE,
    FIELDS,
    HIDDEN_RANGE,
    LECTURE,
    LR_CHOICES,
    OPTIMIZERS,
    SEED_RANGE,
    Config,
    parse_field,
)
from xorcore.text import LANGS, lang_from_locale, t

st.set_page_config(page_title="XOR Backprop Lab", page_icon="🧠", layout="wide")

HERE = Path(__file__).resolve().parent
LANG_NAMES = {"ko": "한국어", "en": "English"}
URL_KEYS = (*FIELDS, "lang")


def _check_url(lang: str) -> None:
    """Once per session: name every link value that is not allowed (the widgets fall back to defaults)."""
    if "url_notices" in st.session_state:
        return
    notices, canonical, rejected = [], {}, []
    for key in st.query_params:
        values = st.query_params.get_all(key)
        if key not in URL_KEYS:  # shown in a code span: no backtick may close it, and keep it short
            name = key.replace("`", "'")
            notices.append(("notice_unknown_param", name if len(name) <= 40 else name[:40] + "…", ""))
            rejected.append(key)
        elif key == "lang":
            if len(values) != 1 or values[0] not in LANG_NAMES.values():
                notices.append(("notice_bad_param", key, LANG_NAMES[lang]))
                rejected.append(key)
        else:
            try:
                if len(values) != 1:
                    raise ValueError("repeated")
                canonical[key] = _fmt(key, parse_field(key, values[0]))
            except ValueError:
                notices.append(("notice_bad_param", key, _fmt(key, getattr(LECTURE, key))))
                rejected.append(key)
    _set_initial_url(dict.fromkeys(rejected), {k: v for k, v in canonical.items() if v != st.query_params.get(k)})
    for key in rejected:
        with contextlib.suppress(Exception):
            del st.query_params[key]
    st.session_state["url_notices"] = notices


def _set_initial_url(drop: dict[str, None], canonical: dict[str, str]) -> None:
    """Fix the first URL before the widgets bind: drop rejected values, respell allowed ones.

    Streamlit seeds a bound widget from a snapshot of the first URL; a number_input raises on
    1e309 and truncates 1.5 to 1, and a select widget drops 'lr=0.10' silently. Editing the
    snapshot (a private field, hence the guards) makes "default used" true for every rejected
    value and lets every allowed spelling through.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    with ctx.session_state.query_params() as qp:
        initial = getattr(qp, "_initial_query_params", None)
        if isinstance(initial, dict):
            for key in drop:
                initial.pop(key, None)
            initial.update({k: [v] for k, v in canonical.items()})


def _fmt(key: str, value: object) -> str:
    """A field value as the sidebar shows it."""
    return f"{value:g}" if key == "lr" else str(value)


def _reset() -> None:
    """Put every setting back to the lecture's."""
    for key in FIELDS:
        st.session_state[key] = getattr(LECTURE, key)


def sidebar() -> str:
    """Draw the sidebar; store the Config and language in session_state; return the language."""
    default_lang = lang_from_locale(st.context.locale)
    _check_url(default_lang)  # before any widget binds and drops what it rejects
    with st.sidebar:
        lang = st.segmented_control(
            "Language · 언어", LANGS, key="lang", default=default_lang, bind="query-params",
            format_func=LANG_NAMES.get,
        ) or default_lang  # fmt: skip
        st.number_input(t(lang, "sb_seed"), *SEED_RANGE, value=LECTURE.seed, step=1, key="seed",
                        help=t(lang, "sb_seed_help"), bind="query-params")  # fmt: skip
        st.selectbox(t(lang, "sb_activation"), ACTIVATIONS, key="activation", bind="query-params",
                     index=ACTIVATIONS.index(LECTURE.activation))  # fmt: skip
        st.selectbox(t(lang, "sb_optimizer"), OPTIMIZERS, key="optimizer", bind="query-params",
                     index=OPTIMIZERS.index(LECTURE.optimizer))  # fmt: skip
        st.select_slider(t(lang, "sb_lr"), LR_CHOICES, value=LECTURE.lr, key="lr", bind="query-params",
                         format_func=lambda v: f"{v:g}")  # fmt: skip
        st.number_input(t(lang, "sb_epochs"), *EPOCH_RANGE, value=LECTURE.epochs, step=100, key="epochs",
                        bind="query-params")  # fmt: skip
        st.slider(t(lang, "sb_hidden"), *HIDDEN_RANGE, value=LECTURE.hidden, key="hidden", bind="query-params")
        cfg = Config(**{k: st.session_state[k] for k in FIELDS})
        st.button(t(lang, "sb_reset"), on_click=_reset, help=t(lang, "sb_reset_help"), icon=":material/restart_alt:",
                  disabled=cfg == LECTURE)  # fmt: skip
        st.caption(t(lang, "sb_share"))
    st.session_state["config"] = cfg
    return lang


lang = sidebar()
for kind, param, default in st.session_state.get("url_notices", []):
    st.warning(t(lang, kind, param=param, default=default), icon=":material/link_off:")


def _home() -> None:
    """The address "/" shows the first page too, so that "/model" can be a page of its own."""
    runpy.run_path(str(HERE / PAGES[0][0]), run_name="__main__")


pages = [st.Page(path, title=t(lang, key), url_path=url) for path, key, url in PAGES]
home = st.Page(_home, title=t(lang, PAGES[0][1]), url_path="home", default=True, visibility="hidden")
st.navigation([home, *pages]).run()
