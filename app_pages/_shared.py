"""What every page needs from Streamlit: settings, language, cached training, navigation."""

from __future__ import annotations

import gc
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st

from xorcore import Config, History, train
from xorcore.agreement import saddle_epochs
from xorcore.config import LECTURE
from xorcore.outcome import rule_values
from xorcore.text import CHOICE_KEYS, t

# What the imports made (torch, pandas, Altair, Streamlit) is left out of every later garbage collection:
# frozen once per process, here, since a module's top level runs at its first import only.
gc.freeze()

# (script path, text key of its title, url path): the talk's order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("app_pages/model.py", "page_model", "model"),
    ("app_pages/solve.py", "page_solve", "solve"),
    ("app_pages/forward.py", "page_forward", "forward"),
    ("app_pages/backprop.py", "page_backprop", "backprop"),
    ("app_pages/loop.py", "page_loop", "loop"),
    ("app_pages/training.py", "page_training", "training"),
    ("app_pages/experiments.py", "page_experiments", "experiments"),
)

# Settings shown by readable names (text.choice_name) and carried in the link by their code names
# (?activation=leaky_relu&optimizer=rmsprop). Not bind="query-params": a bound widget writes the label it
# shows into the URL, so a link would carry "SGD + 모멘텀 (0.9)" and fail in the other language.
# dashboard.py reads them from the link and writes them back; a switch_page passes them on.
NAMED: tuple[str, ...] = tuple(CHOICE_KEYS)


def named_params() -> dict[str, str]:
    """The link's values of the NAMED settings, by code name; a default is left out (as a bound widget does).

    st.switch_page drops every parameter no widget is bound to: pass these as its query_params.
    """
    values = {k: st.session_state.get(k, getattr(LECTURE, k)) for k in NAMED}
    return {k: str(v) for k, v in values.items() if v != getattr(LECTURE, k)}


# (Config, bool): a seed opened from Experiments and the engine's outcome for it (Training Curve compares)
K_ENGINE = "engine_outcome"
ADAPTIVE = ("adam", "rmsprop")  # optimizers that divide a step by the gradient's recent size
WIDE_TABLE = 5  # columns a table may have before upright() turns it (what fits at 1280 px, both languages)


def engine_note(hist: History) -> None:
    """A seed opened from Experiments whose PyTorch outcome is not the engine's: say so, and why."""
    opened = st.session_state.get(K_ENGINE)
    if not opened or opened[0] != hist.config or opened[1] == hist.success():
        return
    n, opt = saddle_epochs(hist), hist.config.optimizer
    adaptive = tr("train_vs_engine_adaptive", opt=tr(f"opt_{opt}")) if opt in ADAPTIVE else ""
    why = tr("train_vs_engine_saddle", n=f"{n:,}", adaptive=adaptive) if n else tr("train_vs_engine_other")
    word = {True: tr("train_outcome_yes"), False: tr("train_outcome_no")}
    st.warning(tr("train_vs_engine", engine=word[opened[1]], torch=word[hist.success()], why=why),
               icon=":material/difference:")  # fmt: skip


def right_text(right: int) -> str:
    """How many of the four inputs are right, as a student would say it: all four, none, or n of 4."""
    return tr({0: "mp_right_none", 4: "mp_right_all"}.get(right, "mp_right_some"), right=right)


def upright(df: pd.DataFrame, index: bool = True) -> pd.DataFrame:
    """A table with one column per hidden unit, turned (units down) when it is wider than WIDE_TABLE columns.

    At 1280 x 720 with the sidebar open a five-column table fits a half or a third of the page; a wider one
    (8 hidden units) does not. index=False: the first column labels the rows (a table drawn with hide_index)
    and becomes the turned table's header.
    """
    if len(df.columns) <= WIDE_TABLE:
        return df
    return (df if index else df.set_index(df.columns[0])).T


def page_path(url: str) -> str:
    """The script of the page at this url path, e.g. page_path("training") -> "app_pages/training.py"."""
    return next(path for path, _, u in PAGES if u == url)


def page_of(script: str) -> str:
    """The url path of the page drawn by this script, e.g. page_of("app_pages/training.py") -> "training"."""
    return next(u for path, _, u in PAGES if path == script)


def lang() -> str:
    """The current language, 'ko' or 'en' (set by the sidebar)."""
    return st.session_state.get("lang") or "en"


def tr(key: str, **values: object) -> str:
    """A visible string in the current language."""
    return t(lang(), key, **values)


def rule() -> str:
    """The success rule (outcome.py) as one sentence, stated wherever successes are counted."""
    return tr("rule_learned", **rule_values())


CSV_ENTRIES = 8  # a 10,000-epoch run of 8 units is 4.1 MB of CSV (pickled): at most 33 MB


@st.cache_data(max_entries=CSV_ENTRIES, show_spinner=False, hash_funcs={History: History.digest})
def history_csv(hist: History) -> str:
    """History.table() of a run as CSV (kept: writing it is a good part of a rerun)."""
    return hist.table().to_csv(index=False)


def config() -> Config:
    """The sidebar's settings as a Config (the sidebar guarantees they are valid)."""
    return st.session_state.get("config", LECTURE)


class _Runs:
    """Trained runs kept for every session, bounded by their size in bytes (oldest dropped first).

    Sharing is safe: a History is frozen and its arrays are read-only, so no session can change one.
    Not st.cache_data: a cached function replays the elements it drew, and the progress bar is drawn
    while training.
    """

    def __init__(self, budget: int = 48 * 2**20) -> None:  # 30 runs of 10,000 epochs x 8 units, 375 lecture runs
        self.budget, self.runs, self.lock = budget, OrderedDict[Config, History](), threading.Lock()
        self.training: dict[Config, threading.Lock] = {}  # one lock per run being trained
        self.background: set[Config] = set()  # runs waiting for or in the background trainer (history_soon)
        self.asked: dict[Config, float] = {}  # when a session last asked for each of them
        # One background trainer: a class's failed runs queue for it instead of sharing the GIL at once.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xorlab-train")

    def training_lock(self, cfg: Config) -> threading.Lock:
        """The lock a session holds while it trains cfg: a class opening one link trains it once."""
        with self.lock:
            return self.training.setdefault(cfg, threading.Lock())

    def get(self, cfg: Config) -> History | None:
        """The stored run of cfg, marked as newest."""
        with self.lock:
            if (hist := self.runs.get(cfg)) is not None:
                self.runs.move_to_end(cfg)
            return hist

    def put(self, hist: History) -> None:
        """Store a run; drop the oldest while over budget."""
        with self.lock:
            self.runs[hist.config] = hist
            self.training.pop(hist.config, None)
            while len(self.runs) > 1 and sum(_nbytes(h) for h in self.runs.values()) > self.budget:
                self.runs.popitem(last=False)


def _nbytes(hist: History) -> int:
    return sum(a.nbytes for a in (hist.loss, hist.accuracy, hist.pred, hist.grad_norm, hist.params))


@st.cache_resource
def _runs() -> _Runs:
    """The one store of trained runs (st.cache_resource.clear() empties it)."""
    return _Runs()


def history(cfg: Config | None = None) -> History:
    """The training history of cfg (default: the sidebar's settings), trained in PyTorch on first use.

    A run not trained before shows a progress bar while it trains (10,000 epochs take seconds).
    """
    c = cfg or config()
    store = _runs()
    if (hist := store.get(c)) is not None:
        return hist
    with store.training_lock(c):  # another session may be training it: wait, then take its run
        if (hist := store.get(c)) is not None:
            return hist
        return _train_shown(c, store)


STALE_S = 5.0  # a queued background run nobody asked for in this long is dropped (its page moved on)


def history_soon(cfg: Config) -> History | None:
    """cfg's run if it is stored; else None, and it is queued for the one background trainer (PyTorch, once
    for every session asking), so that the page asking is not held up. Ask again (within STALE_S) to get it."""
    store = _runs()
    if (hist := store.get(cfg)) is not None:
        return hist
    with store.lock:
        store.asked[cfg] = time.monotonic()
        if cfg in store.background:
            return None
        store.background.add(cfg)
    store.worker.submit(_train_stored, cfg, store)
    return None


def _train_stored(cfg: Config, store: _Runs) -> None:
    """Train cfg and store it (the background trainer), unless it was trained meanwhile or nobody still waits."""
    try:
        with store.lock:
            waited = time.monotonic() - store.asked.get(cfg, 0.0) <= STALE_S
        if waited:
            with store.training_lock(cfg):
                if store.get(cfg) is None:
                    store.put(train(cfg))
    finally:
        with store.lock:
            store.background.discard(cfg)
            store.asked.pop(cfg, None)


def _train_shown(c: Config, store: _Runs) -> History:
    """Train c with a progress bar and store the run."""
    bar = st.progress(0.0, text=tr("train_progress", epochs=f"{c.epochs:,}", done=0))

    def report(share: float) -> None:
        bar.progress(share, text=tr("train_progress", epochs=f"{c.epochs:,}", done=round(100 * share)))

    hist = train(c, progress=report)
    bar.empty()
    store.put(hist)
    return hist


def nav_links(script: str) -> None:
    """Previous / next page links at the bottom of a page."""
    paths = [p for p, _, _ in PAGES]
    i = paths.index(script)
    st.divider()
    left, right = st.columns(2)
    if i > 0:
        path, key, _ = PAGES[i - 1]
        left.page_link(path, label=tr("nav_prev", page=tr(key)), icon=":material/arrow_back:")
    if i < len(PAGES) - 1:
        path, key, _ = PAGES[i + 1]
        with right, st.container(horizontal_alignment="right"):
            st.page_link(path, label=tr("nav_next", page=tr(key)), icon=":material/arrow_forward:")


def neighbour(script: str, step: int) -> str | None:
    """The page script `step` places after (or before) this one, if any."""
    paths = [p for p, _, _ in PAGES]
    j = paths.index(script) + step
    return paths[j] if 0 <= j < len(paths) else None
