"""What every page needs from Streamlit: settings, language, cached training, navigation."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from app_pages._gate import away, shared
from xorcore import Config, History
from xorcore.agreement import saddle_epochs
from xorcore.config import LECTURE, comparisons
from xorcore.numfmt import no_negative_zero
from xorcore.outcome import rule_values
from xorcore.store import run_key
from xorcore.text import CHOICE_KEYS, t
from xorcore.workers import AHEAD_EPOCHS, trainer

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


def number_table(box, df: pd.DataFrame, digits: int = 6, **kwargs) -> None:
    """df as a st.dataframe in box, its numbers with `digits` decimals, never -0.000000. The browser formats
    them (column_config): pandas' Styler would cost every rerun several ms a table."""
    fmt = st.column_config.NumberColumn(format=f"%.{digits}f")
    config = {str(c): fmt for c in df.columns if df[c].dtype.kind == "f"}
    box.dataframe(no_negative_zero(df, digits), column_config=config, **kwargs)


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
    """Trained runs kept in this process's memory for every session, by run_key, bounded by their size in bytes
    (oldest dropped first); behind it the store on disk every process shares (xorcore.store).

    Sharing is safe: a History is frozen and its arrays are read-only, so no session can change one.
    """

    def __init__(self, budget: int = 48 * 2**20) -> None:  # 30 runs of 10,000 epochs x 8 units, 375 lecture runs
        self.budget, self.runs, self.lock = budget, OrderedDict[str, History](), threading.Lock()

    def get(self, key: str) -> History | None:
        """The run of key, marked as newest: from memory, else from the disk store (then kept in memory)."""
        with self.lock:
            if (hist := self.runs.get(key)) is not None:
                self.runs.move_to_end(key)
                return hist
        store = trainer().store
        if store is not None and (hist := store.get(key)) is not None:
            self.put(key, hist)
        return hist

    def has(self, key: str) -> bool:
        """Whether the run of key is in memory or in the disk store (without reading it)."""
        with self.lock:
            if key in self.runs:
                return True
        store = trainer().store
        return store is not None and store.has(key)

    def put(self, key: str, hist: History) -> None:
        """Keep a run in memory; drop the oldest while over budget."""
        with self.lock:
            self.runs[key] = hist
            while len(self.runs) > 1 and sum(_nbytes(h) for h in self.runs.values()) > self.budget:
                self.runs.popitem(last=False)


def _nbytes(hist: History) -> int:
    return sum(a.nbytes for a in (hist.loss, hist.accuracy, hist.pred, hist.grad_norm, hist.params))


@st.cache_resource
def _runs() -> _Runs:
    """This process's runs in memory (st.cache_resource.clear() empties it; the disk store stays)."""
    return _Runs()


def history(cfg: Config | None = None, task: str = "xor", init: np.ndarray | None = None) -> History:
    """The run of cfg (default: the sidebar's settings) on a truth table, from the seed's θ or from init.

    Trained once in PyTorch by the worker processes (xorcore.workers); a run not trained before shows a
    progress bar while it trains (10,000 epochs take seconds). Sessions asking for one run wait for one training.
    """
    c = cfg or config()
    key = run_key(c, task, init)
    if (hist := _runs().get(key)) is None:
        hist = _trained(c, task, init, key)
    if cfg is None and task == "xor" and init is None and shared():  # the class's setting: its next likely runs
        ahead(c)
    return hist


def _trained(c: Config, task: str, init: np.ndarray | None, key: str) -> History:
    """The run of c, trained in a worker (or read by one from the store) while this page shows its progress."""
    job = trainer().ask(c, task, init, shared=shared())  # the class's run goes first, in its lane
    try:
        with away():  # the training is elsewhere: this page's place goes to another page meanwhile (_gate)
            if not job.done.wait(0.1):
                text = partial(tr, "train_progress", epochs=f"{c.epochs:,}")
                bar = st.progress(0.0, text=text(done=0))
                while not job.done.wait(0.25):  # the wait releases the interpreter: other sessions' reruns go on
                    bar.progress(job.share, text=text(done=round(100 * job.share)))
                bar.empty()
    finally:
        trainer().leave(job)
    hist = job.result()
    _runs().put(key, hist)
    return hist


def ahead(cfg: Config) -> None:
    """The class's likely next runs (xorcore.config.comparisons), asked in the background after a run of the
    class's setting (the teacher's, or one the class follows): trained while the class's lane is idle, so that
    the teacher's next change of activation or optimizer is read, not trained. Not for runs longer than
    workers.AHEAD_EPOCHS (each would hold the lane for long), nor without worker processes (there is no lane:
    they would train on this process's interpreter)."""
    if cfg.epochs > AHEAD_EPOCHS or trainer().workers == 0:
        return
    for other in comparisons(cfg):
        if not _runs().has(run_key(other)):
            trainer().ask(other, background=True, ahead=True)


def history_soon(cfg: Config) -> History | None:
    """cfg's run if it is stored; else None, and it is queued as a background run (xorcore.workers: after every
    page's own run, trained once for every session asking), so that the page asking is not held up.
    Ask again (within workers.STALE_S) to get it."""
    key = run_key(cfg)
    if (hist := _runs().get(key)) is not None:
        return hist
    job = trainer().ask(cfg, background=True)
    if job.done.is_set() and job.error is None:
        hist = job.result()
        _runs().put(key, hist)
        return hist
    return None


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
