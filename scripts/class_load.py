"""A whole class on one link, at the protocol level: N students, one websocket each, no browser.

Each simulated student opens one websocket to `/_stcore/stream` and speaks Streamlit's own protobufs
the way the 1.67 frontend does (`BackMsg.rerun_script` with a `ClientState`; `ForwardMsg` back):

- first page: a `ClientState` with the link's query string and its page name (the url path, as the
  frontend sends it before it knows any page hash), no widget states, the browser context (locale,
  timezone, url) and no cached message hashes;
- every later rerun: the states of all widgets on the page (learned from the `new_element` deltas:
  id, kind, default, `set_value` from the server), the current query string (the sidebar widgets are
  bound to it: a changed setting is written there too, a default removed), the current page's
  script hash, and the hashes of the cacheable messages it holds (the server answers those with
  `ref_hash`, as for a browser);
- a page switch: the page's script hash from the `navigation` message, the states of the widgets of
  the main script (the sidebar) only, as the frontend keeps only those;
- a button: its id with `trigger_value` (Experiments' Run, a failing seed's Open).

It measures, per student: first page (websocket open to the first `script_finished`) and every later
rerun (BackMsg sent to `script_finished`); errors are any exception element, a compile error, a page
not found, a setting the server did not take, a disconnect, a timeout. The server's RSS and CPU come
from /proc of its pid. Exits non-zero on any error. Contacts only the given URL or its own server.

Followers and explorers (`--followers F --explorers E`, a mode of its own that replaces --students):
the teacher (one session) first opens the link (default /training with the lecture's settings, no
query), every other page in turn, and the link's page again. Then all students connect within --ramp
(default 2 s) and open the link. The teacher announces and makes one change of MENU every
--teacher-every s (default 12), cumulative as a lecture goes and cycled until the time is up:
activation tanh, page /backprop, activation ReLU, page /loop, optimizer SGD, page /training, lr 0.1,
the lecture's settings again (sigmoid, Adam, 0.01). A follower makes each announced change in order,
a --react delay (default 0.5-4 s) after it was announced (at once if it is behind), and nothing else.
An explorer sets its own seed (0..999, one each, not 42), then every --think s does what an ordinary
student does over every setting, activation and optimizer included, at the full ranges (epochs up to
10,000, 8 hidden units, lr up to 1; EXPLORER_LIMITS). Reported per group: first page and later
changes (and per change), then the memory and CPU of the server and all its descendants (a forkserver
and its workers), found through /proc/<pid>/task/*/children and re-scanned every second: peak of
the summed RSS, summed PSS (/proc/<pid>/smaps_rollup; forked workers share pages) at the end and its
peak, the processes seen; then one markdown table row per group.

    python scripts/class_load.py --students 10 --seconds 30      # a class of 10 on its own server
    python scripts/class_load.py --url http://127.0.0.1:8501 --pid 1234
    python scripts/class_load.py --per-page 5                   # CPU-seconds per rerun, per page
    python scripts/class_load.py --new-sessions 20               # the cost of one new session
    python scripts/class_load.py --soak 300                      # RSS over 300 random settings
    python scripts/class_load.py --followers 15 --explorers 15 --seconds 60   # half follow the teacher

Timings depend on what else the machine runs; the tool prints the load average with its figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LINK = "/training?seed=7&activation=tanh&lr=0.05"
RERUN_TIMEOUT = 120.0  # seconds without script_finished: an error (a busy machine is slow, not broken)
MAX_ACTIONS = 2_000  # per student, a bound besides the clock
MAX_CACHED_AGE = 50  # runs a cached message is kept unreferenced (the app's global.maxCachedMessageAge)
FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
# What a student picks for a setting (a class types small seeds and keeps the learning rate sane).
LIMITS: dict[str, tuple[float, float]] = {"seed": (0, 999), "epochs": (200, 3000), "lr": (0.0, 0.1)}
# What an explorer picks (--explorers): the full ranges, 10,000 epochs and 8 units included, lr up to 1.
EXPLORER_LIMITS: dict[str, tuple[float, float]] = {"seed": (0, 999), "epochs": (100, 10_000), "lr": (0.0, 1.0)}
# The settings the app does not bind to the URL (dashboard.py writes them there by code name): selectboxes
# whose options are labels in the reader's language, in xorcore/config.py's order (checked by a test).
CODES: dict[str, tuple[str, ...]] = {
    "activation": ("sigmoid", "tanh", "relu", "leaky_relu", "identity"),
    "optimizer": ("sgd", "momentum", "adam", "rmsprop"),
}


# ---------------------------------------------------------------- widgets, as the frontend keeps them


@dataclass
class Widget:
    """One widget as the frontend's widget manager holds it: kind, default and current value (wire form)."""

    id: str
    kind: str
    proto: Any
    script: str  # the script hash that drew it (the main script draws the sidebar)
    value: Any = None
    default: Any = None

    @property
    def key(self) -> str | None:
        """The user key (the part of '$$ID-<hash>-<key>' after the hash)."""
        parts = self.id.split("-", 2)
        return parts[2] if self.id.startswith("$$ID-") and len(parts) == 3 and parts[2] != "None" else None

    @property
    def param(self) -> str:
        """The query parameter the widget is bound to ('' if none)."""
        return getattr(self.proto, "query_param_key", "")

    @property
    def options(self) -> list[str]:
        if self.kind == "button_group":
            return [o.content for o in self.proto.options]
        return list(getattr(self.proto, "options", []))

    @property
    def is_trigger(self) -> bool:
        return self.kind in ("button", "download_button")

    @staticmethod
    def from_element(kind: str, proto: Any, script: str, before: Widget | None) -> Widget:
        """The widget a new_element delta draws: the server's value if it set one, else the kept one, else the default."""
        if kind == "slider" and proto.type == Slider.SELECT_SLIDER:
            kind = "select_slider"
        w = Widget(proto.id, kind, proto, script)
        w.default = w._default()
        if getattr(proto, "set_value", False):
            w.value = w._set_value()
        elif before is not None and before.kind == kind and before.value is not None:
            w.value = before.value
        else:
            w.value = w.default
        return w

    def _default(self) -> Any:
        p, opts = self.proto, self.options
        if self.kind == "number_input":
            return _num(p.default, p.data_type == NumberInput.INT)
        if self.kind == "selectbox":
            return opts[p.default] if 0 <= p.default < len(opts) else None
        if self.kind == "select_slider":
            return [opts[int(i)] for i in p.default if 0 <= int(i) < len(opts)]
        if self.kind == "slider":
            return [_num(v, p.data_type == Slider.INT) for v in p.default]
        if self.kind == "button_group":
            return [opts[i] for i in p.default if 0 <= i < len(opts)]
        if self.kind == "checkbox":
            return bool(p.default)
        return None

    def _set_value(self) -> Any:
        p = self.proto
        if self.kind == "number_input":
            return _num(p.value, p.data_type == NumberInput.INT)
        if self.kind == "selectbox":
            return p.raw_value if p.raw_value or "" in self.options else None
        if self.kind == "select_slider":
            return list(p.raw_value)
        if self.kind == "slider":
            return [_num(v, p.data_type == Slider.INT) for v in p.value]
        if self.kind == "button_group":
            return list(p.raw_values)
        if self.kind == "checkbox":
            return bool(p.value)
        return None

    def state(self, trigger: bool = False) -> WidgetState | None:
        """The WidgetState the frontend sends for this widget (None: it sends none)."""
        ws = WidgetState(id=self.id)
        if self.is_trigger:
            if not trigger:
                return None
            ws.trigger_value = True
        elif self.value is None:
            return None
        elif self.kind == "number_input":
            if self.proto.data_type == NumberInput.INT:
                ws.int_value = int(self.value)
            else:
                ws.double_value = float(self.value)
        elif self.kind == "selectbox":
            ws.string_value = self.value
        elif self.kind in ("select_slider", "button_group"):
            ws.string_array_value.data[:] = self.value
        elif self.kind == "slider":
            ws.double_array_value.data[:] = self.value
        elif self.kind == "checkbox":
            ws.bool_value = self.value
        else:
            return None
        return ws

    def url_value(self) -> str | list[str] | None:
        """The value as the frontend writes it into the URL (None: the default, so no parameter)."""
        if self.value is None or self.value == self.default:
            return None
        v = self.value
        if isinstance(v, list):
            v = [_url_num(x) for x in v]
            return v[0] if len(v) == 1 else v
        return "true" if v is True else "false" if v is False else _url_num(v)


def _num(v: float, is_int: bool) -> int | float:
    return int(v) if is_int else float(v)


def _url_num(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# ---------------------------------------------------------------- one student


@dataclass
class Rerun:
    what: str  # "first page", "setting lr", "page", "run", ...
    page: str  # url path of the page it finished on
    seconds: float
    cpu: float = float("nan")  # server CPU-seconds (only measured with one student at a time)


@dataclass
class Student:
    n: int
    base: str  # http://host:port
    rng: random.Random
    locale: str = "en-US"
    who: str = "student"  # in error texts: "student 3", "teacher 0", "follower 2", "explorer 5"
    limits: dict[str, tuple[float, float]] = field(default_factory=lambda: LIMITS)
    named: bool = False  # settings() includes the unbound CODES selectboxes (activation, optimizer)
    widgets: dict[str, Widget] = field(default_factory=dict)
    seen: dict[str, Widget] = field(default_factory=dict)  # widgets drawn by the run in progress
    cache: dict[str, tuple[ForwardMsg, int]] = field(default_factory=dict)  # hash -> (msg, run it was last used)
    query: dict[str, str | list[str]] = field(default_factory=dict)
    pages: list[tuple[str, str, bool]] = field(default_factory=list)  # (hash, url path, hidden)
    page_hash: str = ""
    main_hash: str = ""
    runs: int = 0
    reruns: list[Rerun] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    auto_reruns: int = 0
    last_action: str = "connecting"
    ws: Any = None
    cookies: dict[str, str] = field(default_factory=dict)  # set by the server (or a proxy) on the page's HTML
    html_seconds: float = float("nan")  # GET of the page's HTML, before the websocket
    _done: asyncio.Future | None = None
    _reader: asyncio.Task | None = None
    _closing: bool = False
    _run_errors: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ connection

    async def open(self, link: str) -> float:
        """Load the link's HTML as a browser does (keeping the cookies it sets), then connect and load
        the page; returns seconds from opening the websocket to script_finished (the HTML not counted)."""
        parts = urlsplit(link)
        t_html = time.perf_counter()
        self.cookies = await asyncio.to_thread(fetch_cookies, self.base + (parts.path or "/"))
        t0 = time.perf_counter()
        self.html_seconds = t0 - t_html
        url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        # The cookies go with the websocket as a browser sends them: a proxy's sticky cookie
        # (scripts/serve_class.sh) routes the session to the process that served the page.
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else None
        # ping_interval=None: a browser only answers pings, it sends none (a starved server must not drop us)
        opening = connect(
            url,
            subprotocols=["streamlit"],
            max_size=None,
            ping_interval=None,
            open_timeout=None,
            additional_headers=headers,
        )
        self.ws = await asyncio.wait_for(opening, RERUN_TIMEOUT)
        self._reader = asyncio.create_task(self._read())
        self.query = _parse_query(parts.query)
        first = await self._rerun("first page", page_name=parts.path.strip("/"), first=True)
        if first is not None:
            first.seconds = time.perf_counter() - t0  # the first page counts from opening the websocket
        return time.perf_counter() - t0

    async def close(self) -> None:
        self._closing = True
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        if self._reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self._reader

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except ConnectionClosed as e:
            if not self._closing:
                self._fail(f"disconnected ({e.rcvd.code if e.rcvd else 'no close frame'})")
        except Exception as e:  # a message the tool cannot read is an error too, not a crash of the run
            self._fail(f"reader: {type(e).__name__}: {e}")
        else:
            if not self._closing:
                self._fail("disconnected (connection closed)")

    def _fail(self, text: str) -> None:
        self.errors.append(f"{self.who} {self.n}, last {self.last_action} on /{self.page_path}: {text}")
        if self._done is not None and not self._done.done():
            self._done.set_result(False)

    # ------------------------------------------------------------ ForwardMsgs

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                self._fail(f"ref_hash {msg.ref_hash} not in the cache")
                return
            resolved = ForwardMsg()
            resolved.CopyFrom(cached[0])
            resolved.metadata.CopyFrom(msg.metadata)
            self.cache[msg.ref_hash] = (cached[0], self.runs)
            msg, kind = resolved, "delta"
        elif msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = (msg, self.runs)
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash
            self.main_hash = msg.new_session.main_script_hash or self.main_hash
            self.seen = {}
        elif kind == "navigation":
            self.pages = [(p.page_script_hash, p.url_pathname, p.is_hidden) for p in msg.navigation.app_pages]
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query = _parse_query(msg.page_info_changed.query_string)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg)
        elif kind == "page_not_found":
            self._run_errors.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            self._run_errors.append(f"compile error: {msg.session_event.script_compilation_exception.message}")
        elif kind == "auto_rerun":
            self.auto_reruns += 1  # a run_every fragment (Play); the tool presses no Play
        elif kind == "script_finished":
            self._finished(msg.script_finished)

    def _element(self, msg: ForwardMsg) -> None:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        if kind == "exception":
            warn = " (warning)" if proto.is_warning else ""
            self._run_errors.append(f"exception element{warn}: {proto.type}: {proto.message[:300]}")
            return
        wid = getattr(proto, "id", "")
        if wid and hasattr(proto, "disabled"):
            w = Widget.from_element(kind, proto, msg.metadata.active_script_hash, self.widgets.get(wid))
            self.seen[wid] = w
            self.widgets[wid] = w

    def _finished(self, status: int) -> None:
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return  # st.switch_page / st.rerun: the next run follows
        if status == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.widgets = dict(self.seen)  # what this run drew is the page now (the frontend drops the rest)
        self.runs += 1
        self.cache = {h: (m, r) for h, (m, r) in self.cache.items() if self.runs - r <= MAX_CACHED_AGE}
        if status not in FINISHED_OK:
            self._run_errors.append(f"script finished with status {ForwardMsg.ScriptFinishedStatus.Name(status)}")
        if self._done is not None and not self._done.done():
            self._done.set_result(True)

    # ------------------------------------------------------------ BackMsgs

    @property
    def page_path(self) -> str:
        return next((p for h, p, _ in self.pages if h == self.page_hash), "?")

    def _context(self, cs: Any) -> None:
        cs.context_info.timezone = "Asia/Seoul" if self.locale.startswith("ko") else "UTC"
        cs.context_info.timezone_offset = -540 if self.locale.startswith("ko") else 0
        cs.context_info.locale = self.locale
        cs.context_info.url = f"{self.base}/{self.page_path if self.pages else ''}"
        cs.context_info.is_embedded = False
        cs.context_info.color_scheme = "light"

    async def _rerun(
        self,
        what: str,
        *,
        page_name: str = "",
        page_hash: str | None = None,
        trigger: Widget | None = None,
        first: bool = False,
        expect: dict[str, Any] | None = None,
    ) -> Rerun | None:
        """Send one rerun_script and wait for its script_finished; returns the measured rerun (None on error)."""
        self.last_action = what
        back = BackMsg()
        cs = back.rerun_script
        switching = page_hash is not None and page_hash != self.page_hash
        cs.query_string = urlencode(
            {k: v for k, v in self.query.items() if not switching or self._kept_on_switch(k)}, doseq=True
        )
        if not first:
            keep = [w for w in self.widgets.values() if not switching or w.script == self.main_hash]
            for w in keep:
                if (st := w.state(trigger=w is trigger)) is not None:
                    cs.widget_states.widgets.append(st)
            cs.page_script_hash = page_hash or self.page_hash
        cs.page_name = page_name
        cs.cached_message_hashes.extend(self.cache)
        self._context(cs)
        self._done = asyncio.get_running_loop().create_future()
        self._run_errors = []
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        try:
            ok = await asyncio.wait_for(asyncio.shield(self._done), RERUN_TIMEOUT)
        except TimeoutError:
            self._fail(f"timeout: no script_finished after {RERUN_TIMEOUT:.0f} s")
            return None
        seconds = time.perf_counter() - t0
        if not ok:
            return None
        for key, value in (expect or {}).items():  # did the server take the setting?
            w = self.by_key(key)
            if w is None or w.value != value:
                self._run_errors.append(f"setting {key}={value!r} not taken (page shows {w.value if w else None!r})")
        for text in self._run_errors:
            self.errors.append(f"{self.who} {self.n}, after {what} on /{self.page_path}: {text}")
        if self._run_errors:
            return None
        rerun = Rerun(what, self.page_path, seconds)
        self.reruns.append(rerun)
        return rerun

    def _kept_on_switch(self, param: str) -> bool:
        """A page switch keeps the parameters the main script binds, and unbound ones (the frontend's filter)."""
        bound = [w for w in self.widgets.values() if w.param == param]
        return not bound or any(w.script == self.main_hash for w in bound)

    # ------------------------------------------------------------ what a student does

    def by_key(self, key: str) -> Widget | None:
        return next((w for w in self.widgets.values() if w.key == key), None)

    def settings(self) -> list[Widget]:
        """The sidebar's settings: widgets of the main script bound to the URL (named: and the CODES selectboxes)."""
        return [
            w
            for w in self.widgets.values()
            if (w.param or (self.named and w.key in CODES)) and w.script == self.main_hash and not w.is_trigger
        ]

    def other_value(self, w: Widget) -> Any:
        """A random value for a setting that differs from its current one (None if there is none)."""
        low, high = self.limits.get(w.key or "", (-math.inf, math.inf))
        if w.kind in ("selectbox", "select_slider", "button_group"):
            current = w.value[0] if isinstance(w.value, list) and w.value else w.value
            choices = [o for o in w.options if o != current and _within(o, low, high)]
            if not choices:
                return None
            pick = self.rng.choice(choices)
            return pick if w.kind == "selectbox" else [pick]
        if w.kind in ("number_input", "slider"):
            p = w.proto
            lo = max(p.min if (w.kind == "slider" or p.has_min) else -1e9, low)
            hi = min(p.max if (w.kind == "slider" or p.has_max) else 1e9, high)
            step = p.step or 1
            n = int((hi - lo) // step)
            current = w.value[0] if isinstance(w.value, list) else w.value
            for _ in range(20):
                v = lo + step * self.rng.randint(0, max(n, 0))
                v = int(v) if p.data_type == (NumberInput.INT if w.kind == "number_input" else Slider.INT) else v
                if v != current:
                    return [v] if w.kind == "slider" else v
            return None
        if w.kind == "checkbox":
            return not w.value
        return None

    def set_value(self, w: Widget, value: Any) -> None:
        """Change a widget as a click would: its value, and its URL parameter if it is bound."""
        w.value = value
        if w.param:
            if (url := w.url_value()) is None:
                self.query.pop(w.param, None)
            else:
                self.query[w.param] = url

    async def change_setting(self, key: str | None = None) -> Rerun | None:
        choices = [w for w in self.settings() if key is None or w.key == key]
        self.rng.shuffle(choices)
        for w in choices:
            value = self.other_value(w)
            if value is not None:
                self.set_value(w, value)
                return await self._rerun(f"setting {w.key}", expect={w.key: value})
        return None

    async def change_all_settings(self) -> Rerun | None:
        """Every setting at once to a random value (the soak: each step a new combination)."""
        expect = {}
        for w in self.settings():
            if (value := self.other_value(w)) is not None:
                self.set_value(w, value)
                expect[w.key] = value
        return await self._rerun("all settings", expect=expect)

    def visible_pages(self) -> list[tuple[str, str]]:
        return [(h, p) for h, p, hidden in self.pages if not hidden]

    async def switch_page(self, path: str | None = None) -> Rerun | None:
        pages = [(h, p) for h, p in self.visible_pages() if (p == path if path else h != self.page_hash)]
        if not pages:
            return None
        h, p = self.rng.choice(pages)
        return await self._rerun(f"page {p}", page_hash=h)

    def run_button(self) -> Widget | None:
        """Experiments' Run: the page's primary button (found by kind, not label: labels change with the language)."""
        if self.page_path != "experiments":
            return None
        return next(
            (w for w in self.widgets.values()
             if w.kind == "button" and w.script != self.main_hash and w.proto.type == "primary" and not w.proto.disabled),
            None,
        )  # fmt: skip

    async def press(self, w: Widget, what: str) -> Rerun | None:
        return await self._rerun(what, trigger=w)

    async def random_action(self) -> Rerun | None:
        run = self.run_button()
        opens = [w for w in self.widgets.values() if (w.key or "").startswith("ex_open_")]
        r = self.rng.random()
        if run is not None and r < 0.35:
            return await self.press(run, "run experiments")
        if opens and r < 0.45:
            return await self.press(self.rng.choice(opens), "open a failing seed")
        if r < 0.75:
            return await self.change_setting()
        return await self.switch_page()


def _within(option: str, low: float, high: float) -> bool:
    try:
        return low <= float(option) <= high
    except ValueError:
        return True


def _parse_query(qs: str) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for k, v in parse_qsl(qs.lstrip("?"), keep_blank_values=True):
        if k in out:
            prev = out[k]
            out[k] = [*prev, v] if isinstance(prev, list) else [prev, v]
        else:
            out[k] = v
    return out


# ---------------------------------------------------------------- the server and its /proc


def fetch_cookies(url: str) -> dict[str, str]:
    """GET url and return the cookies its response sets (name -> value), as a browser would keep them."""
    with urllib.request.urlopen(url, timeout=RERUN_TIMEOUT) as r:
        r.read()
        return cookies_of(r.headers.get_all("Set-Cookie") or [])


def cookies_of(set_cookie: list[str]) -> dict[str, str]:
    """Name -> value of Set-Cookie header values (attributes such as Path dropped; empty names skipped)."""
    jar = {}
    for header in set_cookie:
        name, _, value = header.split(";", 1)[0].partition("=")
        if name.strip():
            jar[name.strip()] = value.strip()
    return jar


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Our own `streamlit run <app>` on 127.0.0.1 and a free port; stopped by its pid."""

    def __init__(self, app: str, extra: list[str], port: int | None = None) -> None:
        self.port = port or free_port()
        self.app, self.extra = app, extra
        self.proc: subprocess.Popen | None = None
        self.log = Path(tempfile.gettempdir()) / f"class-load-{self.port}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        cmd = [sys.executable, "-m", "streamlit", "run", self.app, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false", *self.extra]  # fmt: skip
        # A store of runs of its own, empty (every run is trained as in a new class), unless XORLAB_STORE names one.
        store = os.environ.get("XORLAB_STORE") or str(Path(tempfile.mkdtemp(prefix="class-load-")) / "runs.sqlite3")
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                         env={**os.environ, "XORLAB_STORE": store})  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log.read_text()[-2000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return self
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"streamlit did not answer on {self.base} within 120 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback") if self.log.exists() else 0


def listening_pids(port: int) -> list[int]:
    """The pids that hold a listening TCP socket on port (Linux /proc; only processes we may read)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(cols[9])
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if any(os.readlink(f).removeprefix("socket:[").rstrip("]") in inodes for f in (d / "fd").iterdir()):
                pids.append(int(d.name))
    return pids


def _proc_mb(path: str, field: str) -> float:
    """A kB field of a /proc file (status, smaps_rollup) in MB."""
    for line in Path(path).read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return float("nan")


def proc_rss_mb(pid: int) -> float:
    return _proc_mb(f"/proc/{pid}/status", "VmRSS:")


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Monitor(threading.Thread):
    """Polls the servers' RSS and CPU time from /proc every 0.2 s: peak RSS, peak CPU over 1 s windows."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.stop = pids, threading.Event()
        self.peak_rss, self.peak_cpu = 0.0, 0.0
        self.t0, self.cpu0 = time.monotonic(), self.cpu()

    def rss(self) -> float:
        return sum(proc_rss_mb(p) for p in self.pids)

    def cpu(self) -> float:
        return sum(proc_cpu_s(p) for p in self.pids)

    def tick(self) -> None:
        """Called before each sample (a subclass rescans what it watches)."""

    def run(self) -> None:
        window = [(time.monotonic(), self.cpu())]
        while not self.stop.wait(0.2):
            try:
                self.tick()
                self.peak_rss = max(self.peak_rss, self.rss())
                now, cpu = time.monotonic(), self.cpu()
            except OSError:
                return
            window.append((now, cpu))
            while len(window) > 2 and now - window[1][0] >= 1.0:
                window.pop(0)
            if now - window[0][0] >= 1.0:
                self.peak_cpu = max(self.peak_cpu, (cpu - window[0][1]) / (now - window[0][0]))

    def finish(self) -> tuple[float, float]:
        """(CPU-seconds used, wall seconds) since the start."""
        self.stop.set()
        self.join()
        with contextlib.suppress(OSError):
            self.peak_rss = max(self.peak_rss, self.rss())
        return self.cpu() - self.cpu0, time.monotonic() - self.t0


def proc_children(pid: int) -> list[int]:
    """The children of pid, from /proc/<pid>/task/*/children (each thread lists the children it forked)."""
    kids: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                kids += [int(c) for c in (task / "children").read_text().split()]
    return kids


def proc_tree(roots: list[int]) -> list[int]:
    """roots and all their descendants that are alive now (children of children, recursively; no zombies)."""
    found: list[int] = []
    todo = list(roots)
    while todo:
        pid = todo.pop(0)
        if pid not in found and proc_alive(pid):
            found.append(pid)
            todo += proc_children(pid)
    return found


def proc_alive(pid: int) -> bool:
    """pid exists and is not a zombie (an exited worker not yet reaped holds no memory)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def proc_pss_mb(pid: int) -> float:
    """Proportional set size: each shared page divided among the processes that map it (forked workers share)."""
    return _proc_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def proc_identity(pid: int) -> tuple[int, int]:
    """(pid, start time in clock ticks): a pid the system reuses is another process."""
    return pid, int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])


def proc_ppid(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def proc_name(pid: int) -> str:
    """A short name: the command line's script or module (the workers of multiprocessing say which they are)."""
    with contextlib.suppress(OSError):
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        argv = [a for a in argv if a]
        if "-c" in argv:  # multiprocessing's forkserver and spawned children: python -c 'from multiprocessing...'
            code = argv[argv.index("-c") + 1] if argv.index("-c") + 1 < len(argv) else ""
            found = re.search(r"from multiprocessing\.(\w+) import", code)
            return found.group(1) if found else "python -c"
        if "-m" in argv and argv.index("-m") + 1 < len(argv):
            return " ".join(argv[argv.index("-m") + 1 : argv.index("-m") + 3])
        return Path(argv[0]).name if argv else "?"
    return "?"


class TreeMonitor(Monitor):
    """Monitor of the servers and every descendant (a forkserver and its workers, which start lazily).

    The tree is re-scanned every second; RSS is summed every 0.2 s, PSS (smaps_rollup, costlier) every
    second. CPU-seconds of a process that exited count as last seen (at most 0.2 s of it is missed).
    """

    def __init__(self, pids: list[int]) -> None:
        self.roots = list(pids)
        self.members: list[int] = proc_tree(self.roots)
        self.cpu_seen: dict[tuple[int, int], float] = {}
        self.names: dict[tuple[int, int], str] = {}
        self.peak_pss, self.end_pss, self.peak_procs = 0.0, float("nan"), 0
        self.lock = threading.Lock()
        self.last_scan = time.monotonic()
        super().__init__(pids)

    def rescan(self) -> None:
        members = proc_tree(self.roots)
        with self.lock:
            self.members = members
        self.peak_procs = max(self.peak_procs, len(members))
        for pid in members:
            with contextlib.suppress(OSError, IndexError, ValueError):
                ident = proc_identity(pid)
                if ident not in self.names:
                    name = proc_name(pid)
                    if name == "forkserver" and proc_name(proc_ppid(pid)) == "forkserver":
                        name = "forkserver worker"  # forked by the forkserver: its command line, its own work
                    self.names[ident] = name

    def _sum(self, read: Any) -> float:
        with self.lock:
            members = list(self.members)
        total = 0.0
        for pid in members:
            with contextlib.suppress(OSError, ValueError):  # a worker that exited since the last scan
                value = read(pid)
                total += 0.0 if math.isnan(value) else value  # nan: exited, a zombie now
        return total

    def rss(self) -> float:
        return self._sum(proc_rss_mb)

    def pss(self) -> float:
        return self._sum(proc_pss_mb)

    def cpu(self) -> float:
        with self.lock:
            members = list(self.members)
        for pid in members:
            with contextlib.suppress(OSError, IndexError, ValueError):
                self.cpu_seen[proc_identity(pid)] = proc_cpu_s(pid)
        return sum(self.cpu_seen.values())

    def tick(self) -> None:
        """Every second: the process tree again, and its PSS."""
        if (now := time.monotonic()) - self.last_scan >= 1.0:
            self.last_scan = now
            self.rescan()
            self.peak_pss = max(self.peak_pss, self.pss())

    def finish(self) -> tuple[float, float]:
        if not self.stop.is_set():
            self.stop.set()
            self.join()
            self.rescan()
            self.end_pss = self.pss()
            self.peak_pss = max(self.peak_pss, self.end_pss)
        return super().finish()

    def summary(self) -> str:
        names: dict[str, int] = {}
        for name in self.names.values():
            names[name] = names.get(name, 0) + 1
        kinds = ", ".join(f"{n} x {name}" if n > 1 else name for name, n in names.items())
        return (
            f"all processes (server and its descendants, re-scanned every 1 s): {len(self.names)} seen ({kinds}), "
            f"at most {self.peak_procs} at once, {len(self.members)} at the end\n"
            f"  RSS summed: peak {self.peak_rss:.0f} MB; PSS summed: {self.end_pss:.0f} MB at the end, "
            f"peak {self.peak_pss:.0f} MB (sampled every 1 s)"
        )


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# ---------------------------------------------------------------- modes


def pct(values: list[float], q: float) -> float:
    """The q-th percentile, nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    return (
        f"p50 {statistics.median(values):.2f} s, p95 {pct(values, 95):.2f} s, max {max(values):.2f} s (n={len(values)})"
    )


async def one_student(
    s: Student, link: str, start_at: float, seconds: float, think: tuple[float, float], after_open: Any = None
) -> None:
    """Open the link at start_at, then a random action every think seconds for seconds (after_open(s) first)."""
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    try:
        await s.open(link)
        if after_open is not None and not s.errors:
            await after_open(s)
        if s.errors:
            return
        deadline = time.monotonic() + seconds
        for _ in range(MAX_ACTIONS):
            await asyncio.sleep(s.rng.uniform(*think))
            if time.monotonic() >= deadline or s.errors:
                break
            if await s.random_action() is None and s.errors:
                break
    except Exception as e:  # any failure of one student is an error of the run, not a crash of the tool
        s.errors.append(f"{s.who} {s.n}, last {s.last_action}: {type(e).__name__}: {e}")
    finally:
        await s.close()


async def class_run(base: str, args: argparse.Namespace) -> list[Student]:
    if args.warm:  # the teacher opened the link before sharing it: its run is trained and stored
        teacher = await sequential(base, lambda s: s.open(args.link))
        if teacher.errors:
            return [teacher]
    rng = random.Random(args.seed)
    t0 = time.monotonic() + 0.2
    students = [
        Student(i, base, random.Random(args.seed * 1000 + i), locale=rng.choice(["en-US", "ko-KR"]))
        for i in range(args.students)
    ]
    await asyncio.gather(
        *(one_student(s, args.link, t0 + rng.uniform(0, args.ramp), args.seconds, args.think) for s in students)
    )
    return students


def report_class(students: list[Student], mon: Monitor, cpu: float, wall: float, args: argparse.Namespace) -> int:
    firsts = [r.seconds for s in students for r in s.reruns if r.what == "first page"]
    later = [r.seconds for s in students for r in s.reruns if r.what != "first page"]
    errors = [e for s in students for e in s.errors]
    print(f"students: {len(students)}, link: {args.link}, {args.seconds:g} s each after the first page, "
          f"think {args.think[0]:g}-{args.think[1]:g} s, ramp {args.ramp:g} s{', warm' if args.warm else ''}; "
          f"wall {wall:.0f} s")  # fmt: skip
    print(f"errors: {len(errors)}")
    for e in errors[:20]:
        print(f"  {e}")
    print(f"first page (websocket open -> script_finished): {spread(firsts)}")
    print(
        f"  page HTML before it (GET, not counted above): {spread([s.html_seconds for s in students if not math.isnan(s.html_seconds)])}"
    )
    print(f"later reruns (BackMsg sent -> script_finished): {spread(later)}")
    kinds: dict[str, list[float]] = {}
    for s in students:
        for r in s.reruns[1:]:
            kinds.setdefault(r.what.split()[0], []).append(r.seconds)
    for k, v in sorted(kinds.items()):
        print(f"  {k:8s} {spread(v)}")
    print(f"server: peak RSS {mon.peak_rss:.0f} MB; CPU {cpu:.0f} s over {wall:.0f} s wall "
          f"(mean {cpu / wall:.0%} of one core, peak {mon.peak_cpu:.0%} over 1 s)")  # fmt: skip
    if autos := sum(s.auto_reruns for s in students):
        print(f"auto-rerun timers received (not run): {autos}")
    return 1 if errors or not firsts else 0


async def sequential(base: str, fn: Any) -> Student:
    s = Student(0, base, random.Random(0))
    try:
        await fn(s)
    finally:
        await s.close()
    return s


def settle_cpu(pids: list[int], seconds: float = 0.4) -> float:
    """Server CPU time after the run's tail (garbage collection, last sends) has had time to finish."""
    time.sleep(seconds)
    return sum(proc_cpu_s(p) for p in pids)


async def per_page(base: str, pids: list[int], reps: int, link: str) -> int:
    """One student, nothing else on the server: CPU-seconds and wall time per rerun, per page and kind."""
    rows: dict[tuple[str, str], list[tuple[float, float]]] = {}

    async def measured(s: Student, kind: str, coro: Any) -> None:
        c0 = settle_cpu(pids)
        r = await coro
        if r is not None:
            rows.setdefault((r.page, kind), []).append((settle_cpu(pids) - c0, r.seconds))

    async def sweep(s: Student) -> None:
        await s.open(link)
        for _, path in s.visible_pages():
            if s.errors:
                return
            used: list[Any] = []  # seeds this page has shown (their runs are trained and stored)
            await measured(s, "open (settings seen)", s.switch_page(path))
            for _ in range(reps):
                seed = s.by_key("seed")
                used.append(seed.value)
                await measured(s, "new seed (trains)", s.change_setting("seed"))
            for _ in range(reps):
                seed = s.by_key("seed")
                old = s.rng.choice([u for u in used if u != seed.value])
                s.set_value(seed, old)
                await measured(s, "seed seen before", s._rerun("setting seed", expect={"seed": old}))
            for _ in range(reps if s.run_button() else 0):
                await s.change_setting("lr")
                await measured(s, "run (new grid)", s.press(s.run_button(), "run experiments"))

    idle0, t0 = sum(proc_cpu_s(p) for p in pids), time.monotonic()
    time.sleep(2)
    idle = (sum(proc_cpu_s(p) for p in pids) - idle0) / (time.monotonic() - t0)
    s = await sequential(base, sweep)
    print(f"per page, one student, {reps} reruns per row; server idle CPU {idle:.3f} s/s (not subtracted)")
    print("| page | rerun | server CPU-s per rerun | wall p50 |")
    print("| --- | --- | ---: | ---: |")
    for (page, kind), vals in rows.items():
        cpu = statistics.mean(v[0] for v in vals)
        print(f"| {page} | {kind} | {cpu:.2f} | {statistics.median(v[1] for v in vals):.2f} s |")
    for e in s.errors:
        print(f"  {e}")
    return 1 if s.errors else 0


async def new_sessions(base: str, pids: list[int], count: int, link: str) -> int:
    """count sessions one after another on the same link (its run cached): first page time, server CPU each."""
    times, cpus, errors = [], [], []
    for i in range(count + 2):  # the first two warm the caches up and are not counted
        c0 = settle_cpu(pids, 0.5)
        s = await sequential(base, lambda s: s.open(link))
        errors += s.errors
        if i >= 2 and s.reruns:
            times.append(s.reruns[0].seconds)
            cpus.append(settle_cpu(pids, 0.5) - c0)
    print(f"new sessions, one at a time, link {link}: {count} counted (2 warm-up)")
    print(f"  first page of a new session (websocket open -> script_finished): {spread(times)}")
    print(f"  server CPU-s per new session (connect, run, close): mean {statistics.mean(cpus):.3f}, "
          f"p50 {statistics.median(cpus):.3f}")  # fmt: skip
    for e in errors[:20]:
        print(f"  {e}")
    return 1 if errors else 0


async def soak(base: str, mon: Monitor, steps: int, link: str) -> int:
    """One student: steps random combinations of all settings, each on the next page in turn (Experiments: Run)."""
    marks = [("server started, no session", mon.rss())]

    async def go(s: Student) -> None:
        await s.open(link)
        marks.append(("first page", mon.rss()))
        pages = [p for _, p in s.visible_pages()]
        for i in range(1, steps + 1):
            if s.errors:
                return
            await s.switch_page(pages[i % len(pages)])
            await s.change_all_settings()
            if (run := s.run_button()) is not None:
                await s.press(run, "run experiments")
            if i % 100 == 0 or i == steps:
                marks.append((f"after {i} settings", mon.rss()))

    s = await sequential(base, go)
    time.sleep(3)
    marks.append(("3 s after the session closed", mon.rss()))
    print(f"memory soak: {steps} random settings, every page in turn, one student")
    for what, rss in marks:
        print(f"  RSS {what}: {rss:.0f} MB")
    for e in s.errors[:20]:
        print(f"  {e}")
    return 1 if s.errors else 0


# ---------------------------------------------------------------- followers and explorers


@dataclass(frozen=True)
class Step:
    """One change the teacher announces: settings by code name (one rerun), or a page switch."""

    label: str
    settings: tuple[tuple[str, str], ...] = ()  # (widget key, code value): "activation", "tanh"
    page: str = ""  # url path of a page to switch to


# The teacher's menu, cumulative as a lecture goes (each on top of the last), cycled until the time is up:
# tanh, to Backprop, ReLU, to The Loop, SGD, back to Training Curve, lr 0.1, the lecture's settings again.
MENU: tuple[Step, ...] = (
    Step("activation=tanh", settings=(("activation", "tanh"),)),
    Step("page /backprop", page="backprop"),
    Step("activation=relu", settings=(("activation", "relu"),)),
    Step("page /loop", page="loop"),
    Step("optimizer=sgd", settings=(("optimizer", "sgd"),)),
    Step("page /training", page="training"),
    Step("lr=0.1", settings=(("lr", "0.1"),)),
    Step("lecture settings", settings=(("activation", "sigmoid"), ("optimizer", "adam"), ("lr", "0.01"))),
)
MIX_LINK = "/training"  # the teacher's link: Training Curve with the lecture's settings (no query)
MIX_RAMP = 2.0


def wire_value(w: Widget, code: str) -> Any:
    """The widget value (wire form) of a setting's code value: a CODES selectbox's label at the code's index."""
    options = w.options
    if w.key in CODES and len(options) == len(CODES[w.key]) and code in CODES[w.key]:
        label = options[CODES[w.key].index(code)]
    elif code in options:
        label = code
    else:
        raise ValueError(f"{code!r} is not an option of {w.key} ({', '.join(options)})")
    return [label] if w.kind in ("select_slider", "button_group") else label


def menu_values(s: Student, step: Step) -> dict[str, Any]:
    """Set the step's settings on s's widgets as clicks would (the URL too where bound); returns the expected values."""
    expect: dict[str, Any] = {}
    for key, code in step.settings:
        w = s.by_key(key)
        if w is None:
            raise ValueError(f"no widget {key!r} on /{s.page_path}")
        value = wire_value(w, code)
        s.set_value(w, value)
        expect[key] = value
    return expect


async def apply_step(s: Student, step: Step) -> Rerun | None:
    """One rerun for the step: its settings at once, or the page switch."""
    if step.page:
        h = next((h for h, p in s.visible_pages() if p == step.page), None)
        if h is None:
            s._fail(f"no page /{step.page} to switch to")
            return None
        return await s._rerun(step.label, page_hash=h)
    try:
        expect = menu_values(s, step)
    except ValueError as e:
        s._fail(str(e))
        return None
    return await s._rerun(step.label, expect=expect)


class Board:
    """What the teacher announced, and when: followers wait here for the next change."""

    def __init__(self) -> None:
        self.items: list[tuple[float, Step]] = []
        self.closed = False
        self.cond = asyncio.Condition()

    async def announce(self, step: Step) -> None:
        async with self.cond:
            self.items.append((time.monotonic(), step))
            self.cond.notify_all()

    async def close(self) -> None:
        async with self.cond:
            self.closed = True
            self.cond.notify_all()

    async def wait(self, i: int, deadline: float) -> tuple[float, Step] | None:
        """The i-th announcement (waiting for it until deadline); None if it does not come."""
        async with self.cond:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self.cond.wait_for(lambda: len(self.items) > i or self.closed),
                    max(0.0, deadline - time.monotonic()),
                )
            return self.items[i] if len(self.items) > i else None


async def teacher_warm(teacher: Student, link: str) -> float:
    """The teacher opens the link, every other page in turn, then the link's page again: seconds taken."""
    t0 = time.perf_counter()
    await teacher.open(link)
    start = teacher.page_path
    for _, path in teacher.visible_pages():
        if teacher.errors:
            break
        if path != start:
            await teacher.switch_page(path)
    if not teacher.errors and teacher.page_path != start:
        await teacher.switch_page(start)
    return time.perf_counter() - t0


async def teach(teacher: Student, board: Board, t0: float, every: float, until: float) -> None:
    """The teacher: MENU's next change every `every` seconds from t0 (made on its own page too) until `until`."""
    try:
        for k in range(MAX_ACTIONS):
            at = t0 + (k + 1) * every
            if at >= until or teacher.errors:
                break
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            step = MENU[k % len(MENU)]
            await board.announce(step)
            await apply_step(teacher, step)
    except Exception as e:
        teacher.errors.append(f"teacher 0, last {teacher.last_action}: {type(e).__name__}: {e}")
    finally:
        await board.close()


async def follower(
    s: Student, link: str, start_at: float, seconds: float, board: Board, react: tuple[float, float]
) -> None:
    """Open the link, then make each announced change after a reaction delay (in order; late ones at once)."""
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    try:
        await s.open(link)
        deadline = time.monotonic() + seconds
        for i in range(MAX_ACTIONS):
            if s.errors:
                break
            heard = await board.wait(i, deadline)
            if heard is None:
                break
            said, step = heard
            await asyncio.sleep(max(0.0, said + s.rng.uniform(*react) - time.monotonic()))
            if time.monotonic() >= deadline:
                break
            await apply_step(s, step)
    except Exception as e:
        s.errors.append(f"{s.who} {s.n}, last {s.last_action}: {type(e).__name__}: {e}")
    finally:
        await s.close()


def own_seed(seed: int) -> Any:
    """An explorer's first change: its own seed (a new run to train)."""

    async def go(s: Student) -> None:
        w = s.by_key("seed")
        if w is None:
            s._fail("no seed widget")
            return
        s.set_value(w, seed)
        await s._rerun("own-seed", expect={"seed": seed})

    return go


@dataclass
class Mix:
    teacher: Student
    followers: list[Student]
    explorers: list[Student]
    warm_seconds: float = float("nan")
    warm_pages: int = 0  # the teacher's reruns before the class (its first page and page switches)
    steps: list[str] = field(default_factory=list)  # what the teacher announced, in order
    cpu0: float = float("nan")  # all processes' CPU-seconds when the class started
    t0: float = float("nan")


async def mix_run(base: str, args: argparse.Namespace, mon: Monitor) -> Mix:
    """The teacher opens every page, then followers and explorers connect within the ramp (see the module doc)."""
    rng = random.Random(args.seed)
    teacher = Student(0, base, random.Random(args.seed * 1000 - 1), who="teacher")

    def student(i: int, who: str) -> Student:
        return Student(i, base, random.Random(args.seed * 1000 + i + (0 if who == "follower" else 500)),
                       locale=rng.choice(["en-US", "ko-KR"]), who=who,
                       limits=EXPLORER_LIMITS if who == "explorer" else LIMITS, named=who == "explorer")  # fmt: skip

    mix = Mix(teacher, [student(i, "follower") for i in range(args.followers)],
              [student(i, "explorer") for i in range(args.explorers)])  # fmt: skip
    try:
        mix.warm_seconds = await teacher_warm(teacher, args.link)
        mix.warm_pages = len(teacher.reruns)
        if teacher.errors:
            return mix
        board = Board()
        mix.t0, mix.cpu0 = time.monotonic(), mon.cpu()
        t0 = mix.t0 + 0.2
        seeds = rng.sample([n for n in range(1000) if n != 42], args.explorers)  # 42: the lecture's
        await asyncio.gather(
            teach(teacher, board, t0, args.teacher_every, t0 + args.ramp + args.seconds),
            *(follower(s, args.link, t0 + rng.uniform(0, args.ramp), args.seconds, board, args.react)
              for s in mix.followers),
            *(one_student(s, args.link, t0 + rng.uniform(0, args.ramp), args.seconds, args.think, own_seed(seed))
              for s, seed in zip(mix.explorers, seeds, strict=True)),
        )  # fmt: skip
        mix.steps = [step.label for _, step in board.items]
    finally:
        await teacher.close()
    return mix


def later_kinds(students: list[Student], by_label: bool) -> dict[str, list[float]]:
    kinds: dict[str, list[float]] = {}
    for s in students:
        for r in s.reruns[1:]:
            kinds.setdefault(r.what if by_label else r.what.split()[0], []).append(r.seconds)
    if by_label:  # in the menu's order
        order = [step.label for step in MENU]
        return {k: kinds[k] for k in sorted(kinds, key=lambda k: order.index(k) if k in order else len(order))}
    return dict(sorted(kinds.items()))


def p50_p95(values: list[float]) -> str:
    if not values:
        return "none"
    return f"{statistics.median(values):.2f} / {pct(values, 95):.2f} s"


def report_mix(mix: Mix, mon: TreeMonitor, cpu: float, wall: float, args: argparse.Namespace) -> int:
    everyone = [mix.teacher, *mix.followers, *mix.explorers]
    errors = [e for s in everyone for e in s.errors]
    print(f"class: {len(mix.followers)} followers + {len(mix.explorers)} explorers on {args.link}, "
          f"{args.seconds:g} s each after the first page, ramp {args.ramp:g} s; the teacher opened every page "
          f"first ({mix.warm_pages} pages in {mix.warm_seconds:.1f} s), then a change "
          f"every {args.teacher_every:g} s, followers react in {args.react[0]:g}-{args.react[1]:g} s, "
          f"explorers think {args.think[0]:g}-{args.think[1]:g} s; wall {wall:.0f} s")  # fmt: skip
    print(f"teacher's changes ({len(mix.steps)}): {', '.join(mix.steps) or 'none'}")
    print(f"errors: {len(errors)}")
    for e in errors[:20]:
        print(f"  {e}")
    rows = []
    for name, group in (("followers", mix.followers), ("explorers", mix.explorers)):
        if not group:
            continue
        firsts = [r.seconds for s in group for r in s.reruns if r.what == "first page"]
        later = [r.seconds for s in group for r in s.reruns if r.what != "first page"]
        print(f"{name} ({len(group)}):")
        print(f"  first page (websocket open -> script_finished): {spread(firsts)}")
        print(f"  later changes (BackMsg sent -> script_finished): {spread(later)}")
        for k, v in later_kinds(group, by_label=name == "followers").items():
            print(f"    {k:18s} {spread(v)}")
        if name == "followers":
            made = [len(s.reruns) - 1 for s in group]
            late = "; the rest came after its time was up" if min(made) < len(mix.steps) else ""
            print(f"  of the teacher's {len(mix.steps)} changes a follower made {min(made)}-{max(made)} "
                  f"(mean {statistics.mean(made):.1f}){late}")  # fmt: skip
        rows.append((name, len(group), p50_p95(firsts), p50_p95(later), sum(len(s.errors) for s in group)))
    print(f"teacher's pages before the class: {spread([r.seconds for r in mix.teacher.reruns[: mix.warm_pages]])}")
    print(f"teacher's own changes in the class: {spread([r.seconds for r in mix.teacher.reruns[mix.warm_pages :]])}")
    print(mon.summary())
    class_cpu = cpu - (mix.cpu0 - mon.cpu0)
    class_wall = wall - (mix.t0 - mon.t0)
    print(f"  CPU of all processes during the class: {class_cpu:.0f} s over {class_wall:.0f} s wall "
          f"(mean {class_cpu / class_wall:.0%} of one core, peak {mon.peak_cpu:.0%} over 1 s, "
          f"{os.cpu_count()} cores); whole run incl. the teacher's pages {cpu:.0f} s")  # fmt: skip
    if autos := sum(s.auto_reruns for s in everyone):
        print(f"auto-rerun timers received (not run): {autos}")
    memory = f"{mon.peak_rss:.0f} MB | {mon.end_pss:.0f} / {mon.peak_pss:.0f} MB | {len(mon.names)}"
    print("| group | students | first page p50 / p95 | later p50 / p95 | errors | peak RSS, all processes "
          "| PSS end / peak | processes |")  # fmt: skip
    print("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |")
    for name, n, first, later, errs in rows:
        print(f"| {name} | {n} | {first} | {later} | {errs} | {memory} |")
    got_firsts = all(s.reruns for s in mix.followers + mix.explorers)
    return 1 if errors or not got_firsts else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, help="class size (default 10)")
    ap.add_argument("--seconds", type=float, default=30, help="each student's time after the first page")
    ap.add_argument("--url", help="attach to this server instead of starting one (http://host:port)")
    ap.add_argument("--pid", type=int, action="append", help="server pid(s) for RSS / CPU with --url")
    ap.add_argument("--link", help=f"the shared link: url path and query (default {DEFAULT_LINK}; "
                    f"with --followers/--explorers {MIX_LINK})")  # fmt: skip
    ap.add_argument("--ramp", type=float, help="students connect within this many seconds (default 3; "
                    f"with --followers/--explorers {MIX_RAMP:g})")  # fmt: skip
    ap.add_argument("--think", type=float, nargs=2, default=(2.0, 5.0), help="seconds between actions (min max)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the students' random choices")
    ap.add_argument("--warm", action="store_true", help="the teacher opens the link once before the class")
    ap.add_argument("--app", default="dashboard.py", help="script our own server runs")
    ap.add_argument("--port", type=int, help="port of our own server (default: a free one)")
    ap.add_argument("--server-arg", action="append", default=[], help="extra `streamlit run` flag, e.g. "
                    "--server-arg=--server.fileWatcherType=auto")  # fmt: skip
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--per-page", type=int, metavar="R", help="one student: CPU-seconds per rerun, per page")
    mode.add_argument("--new-sessions", type=int, metavar="K", help="K new sessions one at a time: cost of each")
    mode.add_argument("--soak", type=int, metavar="STEPS", help="one student: RSS over STEPS random settings")
    mix = ap.add_argument_group("followers and explorers (a mode of its own; replaces --students)")
    mix.add_argument("--followers", type=int, metavar="F", help="students who make the teacher's changes")
    mix.add_argument("--explorers", type=int, metavar="E", help="students who change anything, their own seed first")
    mix.add_argument("--teacher-every", type=float, default=12.0, help="seconds between the teacher's changes")
    mix.add_argument("--react", type=float, nargs=2, default=(0.5, 4.0), help="a follower's delay (min max)")
    args = ap.parse_args(argv)
    args.mix = args.followers is not None or args.explorers is not None
    if args.mix:
        args.followers, args.explorers = args.followers or 0, args.explorers or 0
        if args.followers < 0 or args.explorers < 0 or args.followers + args.explorers == 0:
            ap.error("--followers and --explorers: counts >= 0, at least one student in all")
        if args.per_page or args.new_sessions or args.soak:
            ap.error("--followers/--explorers is a mode of its own: not with --per-page, --new-sessions or --soak")
        if args.students is not None:
            ap.error("--followers/--explorers replace --students")
        if args.teacher_every <= 0 or not 0 <= args.react[0] <= args.react[1]:
            ap.error("--teacher-every > 0 and --react MIN MAX with 0 <= MIN <= MAX")
    elif args.students is not None and args.students < 1:
        ap.error("--students: at least 1")
    args.students = 10 if args.students is None else args.students
    args.link = args.link or (MIX_LINK if args.mix else DEFAULT_LINK)
    args.ramp = (MIX_RAMP if args.mix else 3.0) if args.ramp is None else args.ramp
    args.think, args.react = tuple(args.think), tuple(args.react)
    return args


def main() -> int:
    args = parse_args()

    with contextlib.ExitStack() as stack:
        server = None
        if args.url:
            base = args.url.rstrip("/")
            pids = args.pid or listening_pids(urlsplit(base).port or 80)
        else:
            server = stack.enter_context(Server(args.app, args.server_arg, args.port))
            base, pids = server.base, [server.proc.pid]
        if not pids:
            print(f"no readable process listens on {base}: give --pid", file=sys.stderr)
            return 2
        print(f"server {base}, pid {', '.join(map(str, pids))}; load average at start {loadavg()} "
              f"({os.cpu_count()} cores)")  # fmt: skip
        mon = TreeMonitor(pids) if args.mix else Monitor(pids)
        mon.start()
        if args.mix:
            mix = asyncio.run(mix_run(base, args, mon))
            cpu, wall = mon.finish()
            rc = report_mix(mix, mon, cpu, wall, args)
        elif args.per_page:
            rc = asyncio.run(per_page(base, pids, args.per_page, args.link))
        elif args.new_sessions:
            rc = asyncio.run(new_sessions(base, pids, args.new_sessions, args.link))
        elif args.soak:
            rc = asyncio.run(soak(base, mon, args.soak, args.link))
        else:
            students = asyncio.run(class_run(base, args))
            cpu, wall = mon.finish()
            rc = report_class(students, mon, cpu, wall, args)
        mon.finish()
        print(f"load average at the end {loadavg()}")
        if server is not None and (n := server.tracebacks()):
            print(f"tracebacks in the server log ({server.log}): {n}")
            rc = rc or 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
