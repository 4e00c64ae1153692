"""XOR Backprop Lab: page config, the shared sidebar (keyed, bound to the URL), navigation."""

from __future__ import annotations

import contextlib
import uuid

import altair  # noqa: F401  (loaded before app_pages._shared, whose gc.freeze covers it; every page needs it)
import pandas  # noqa: F401
import streamlit as st

from app_pages._gate import admitted, asked
from app_pages._shared import NAMED, PAGES, named_params
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
from xorcore.data import TASKS
from xorcore.model import n_params
from xorcore.solve import parse_task, parse_theta
from xorcore.store import run_key
from xorcore.text import LANGS, choice_name, lang_from_locale, t


def _sidebar_state() -> str:
    """Collapsed when the link asks for presentation mode (the slides get the whole screen; it still opens)."""
    # the link on a fresh session; the switch's state once it exists (a page switch's first run may lack the link's)
    link = st.query_params.get("present", "").lower() == "true"
    return "collapsed" if st.session_state.get("present", link) else "auto"


st.set_page_config(page_title="XOR Backprop Lab", page_icon="🧠", layout="wide", initial_sidebar_state=_sidebar_state())

LANG_NAMES = {"ko": "한국어", "en": "English"}
SOLVE_KEYS = ("theta", "task")  # Solve it yourself's hand-set parameters and truth table (checked here, read there)
URL_KEYS = (*FIELDS, "lang", "present", "quiz", *SOLVE_KEYS)
TOGGLES = ("present", "quiz")  # the bound toggles: true or false in the link
BOOLS = ("true", "false")  # how a bound toggle spells its value in the link
# Streamlit's Graphviz chart sets every element's font-size to 9.6 px (CSS, which beats the SVG's font-size
# attributes): reverting that lets the DOT builders' fontsize (what Graphviz laid the labels out for) render.
GRAPH_CSS = '<style>[data-testid="stGraphVizChart"] svg text {font-size: revert-layer;}</style>'


def _check_url(lang: str) -> None:
    """Once per session, before any widget binds: drop or respell every link value that is not allowed.

    Each dropped value is named in a notice (the widget then starts from its default). A bound
    widget seeds itself from the URL the run started with, even over st.session_state: a
    number_input raises on seed=1e309 and truncates epochs=100.5, a select widget drops lr=0.10
    silently. So a link that needs a fix is fixed in st.query_params and the script reruns at
    once, before any widget exists; the rerun starts from the fixed URL.
    """
    if "url_notices" in st.session_state:
        return
    notices, respelled, rejected = [], {}, []
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
        elif key in SOLVE_KEYS:
            if (notice := _solve_notice(key, values)) is not None:
                notices.append(notice)
                rejected.append(key)
        elif key in TOGGLES:
            if len(values) != 1 or values[0].lower() not in BOOLS:
                notices.append(("notice_bad_param", key, "false"))
                rejected.append(key)
            elif values[0] != values[0].lower():
                respelled[key] = values[0].lower()
        else:
            try:
                if len(values) != 1:
                    raise ValueError("repeated")
                value = _fmt(key, parse_field(key, values[0]))
            except ValueError:
                notices.append(("notice_bad_param", key, _fmt(key, getattr(LECTURE, key))))
                rejected.append(key)
            else:
                if value != values[0]:
                    respelled[key] = value
    st.session_state["url_notices"] = notices
    if not rejected and not respelled:
        return
    for key in rejected:
        with contextlib.suppress(KeyError):
            del st.query_params[key]
    st.query_params.update(respelled)
    # st.rerun keeps the page st.navigation resolved; without it a deep link would rerun the default page.
    st.navigation(_pages(lang), position="hidden")
    st.rerun()


def _solve_notice(key: str, values: list[str]) -> tuple[str, str, str] | None:
    """The notice for a bad `theta` (its count is the link's width's, or the default width's) or `task`, else None."""
    try:
        if len(values) != 1:
            raise ValueError("repeated")
        if key == "task":
            parse_task(values[0])
        else:
            parse_theta(values[0], n_params(_link_hidden()))
    except ValueError:
        if key == "task":
            return ("notice_bad_param", key, next(iter(TASKS)))
        return ("notice_bad_theta", key, str(n_params(_link_hidden())))
    return None


def _link_hidden() -> int:
    """The link's width if it is allowed, else the lecture's."""
    values = st.query_params.get_all("hidden")
    with contextlib.suppress(ValueError):
        if len(values) == 1:
            return int(str(parse_field("hidden", values[0])))
    return LECTURE.hidden


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
        st.toggle(t(lang, "sb_present"), key="present", help=t(lang, "sb_present_help"), bind="query-params")
        st.toggle(t(lang, "sb_quiz"), key="quiz", help=t(lang, "sb_quiz_help"), bind="query-params")
        st.number_input(t(lang, "sb_seed"), *SEED_RANGE, value=LECTURE.seed, step=1, key="seed",
                        help=t(lang, "sb_seed_help"), bind="query-params")  # fmt: skip
        _from_link()
        st.selectbox(t(lang, "sb_activation"), ACTIVATIONS, key="activation",
                     format_func=lambda a: choice_name(lang, "activation", a))  # fmt: skip
        st.selectbox(t(lang, "sb_optimizer"), OPTIMIZERS, key="optimizer",
                     format_func=lambda o: choice_name(lang, "optimizer", o))  # fmt: skip
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
    _to_link()
    return lang


def _from_link() -> None:
    """A NAMED setting (not bound to the URL) starts from the link's value (checked by _check_url) or its default."""
    for key in NAMED:
        if key not in st.session_state:
            value = getattr(LECTURE, key)
            with contextlib.suppress(ValueError):  # _check_url named a bad value and dropped it already
                value = parse_field(key, st.query_params.get(key, value))
            st.session_state[key] = value


def _to_link() -> None:
    """Write the NAMED settings into the URL by code name, as a bound widget does: absent when it is the default."""
    want = named_params()
    for key in NAMED:
        if st.query_params.get(key) == want.get(key):
            continue
        if key in want:
            st.query_params[key] = want[key]
        else:
            del st.query_params[key]


def _pages(lang: str) -> list[st.Page]:
    """Every page in the talk's order, then the Model page once more as the default page at "/".

    Links and switch_page by script path go to the first page with that script, /model.
    """
    pages = [st.Page(path, title=t(lang, key), url_path=url) for path, key, url in PAGES]
    path, key, _ = PAGES[0]
    home = st.Page(path, title=t(lang, key), url_path="home", default=True, visibility="hidden")
    return [*pages, home]


def _dismiss() -> None:
    st.session_state["url_notices"] = []


def _notices(lang: str) -> None:
    """The link's notices, until dismissed, each one until its setting changes.

    A notice about a setting says the setting fell back to its default; once the setting is not that
    default any more (the sidebar changed it), the notice would be stale and is dropped.
    """
    notices = st.session_state.get("url_notices", [])
    fresh = [n for n in notices if n[1] not in FIELDS or st.session_state.get(n[1]) == getattr(LECTURE, n[1])]
    if fresh != notices:
        st.session_state["url_notices"] = fresh
    if not fresh:
        return
    for kind, param, default in fresh:
        st.warning(t(lang, kind, param=param, default=default), icon=":material/link_off:")
    st.button(t(lang, "notice_dismiss"), key="url_notices_dismiss", on_click=_dismiss, icon=":material/close:")


lang = sidebar()
# this session's page draws this setting: _gate ranks page runs by the sessions asking for it
asked(run_key(st.session_state["config"]), st.session_state.setdefault("gate_session", uuid.uuid4().hex))
with admitted():  # a few page runs at once, the class's first (_gate)
    _notices(lang)
    st.html(GRAPH_CSS)  # style only: drawn nowhere
    st.navigation(_pages(lang)).run()
