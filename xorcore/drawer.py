"""Students' own charts built off the web server's interpreter: one niced process turns Altair charts into specs.

Altair builds a chart by copying and checking its parts: most of a new setting's page run is that, on the
web process's one interpreter lock, which every session's rerun needs too. Students exploring their own
settings ask for new charts all the time; their page waits for each in the drawer, a process from the
training workers' forkserver niced as the workers are, without holding the lock, so the class's reruns keep
it. The class's charts are built in the web process (the caller decides): there they start at once, not behind
a student's chart, and a whole page's charts do not pay a process's round trip each (measured both ways in
docs/performance.md). The drawer draws one chart at a time, in the order asked. Where the trainer has no worker
processes (one core, XORLAB_WORKERS=0), or the function or a function among its inputs cannot be imported by
name in another process (a test's local builder), the chart is built here. A broken process is replaced; the
chart it was drawing is built here.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .workers import NICE, trainer


def by_name(value: Any) -> bool:
    """Whether another process can import this value if it is a function (its module's attribute of its name)."""
    if isinstance(value, list | tuple):
        return all(by_name(v) for v in value)
    if isinstance(value, dict):
        return all(by_name(v) for v in value.values())
    if not callable(value) or isinstance(value, type):
        return True
    module = sys.modules.get(getattr(value, "__module__", None) or "")
    return getattr(module, getattr(value, "__qualname__", ""), None) is value


class Drawer:
    """One process's queue of charts to build, in the order asked."""

    def __init__(self, start: Callable[[], Executor] | None) -> None:
        self.start = start  # makes the process (None: every chart is built here)
        self.lock = threading.Lock()
        self.pool: Executor | None = None
        self.busy = False
        self.waiting: deque[tuple[Future, Callable[..., Any], tuple]] = deque()

    def draw(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(*args), computed in the drawer's process (here if it cannot be)."""
        if self.start is None or not by_name((fn, args)):
            return fn(*args)
        fut: Future = Future()
        with self.lock:
            self.waiting.append((fut, fn, args))
        self._next()
        try:
            return fut.result()
        except BrokenProcessPool:
            return fn(*args)

    def _next(self) -> None:
        """Send the next chart to the process if it is free."""
        with self.lock:
            if self.busy or not self.waiting:
                return
            fut, fn, args = self.waiting.popleft()
            self.busy = True
            if self.pool is None:
                assert self.start is not None
                self.pool = self.start()
            pool = self.pool
        try:
            inner = pool.submit(fn, *args)
        except BrokenProcessPool as error:
            inner = Future()
            inner.set_exception(error)
        inner.add_done_callback(lambda done: self._done(fut, done))

    def _done(self, fut: Future, done: Future) -> None:
        """A chart came back (or its process broke: the next chart gets a new one)."""
        error = done.exception()
        with self.lock:
            self.busy = False
            if isinstance(error, BrokenProcessPool):
                self.pool = None
        if error is None:
            fut.set_result(done.result())
        else:
            fut.set_exception(error)
        self._next()

    def shutdown(self) -> None:
        """Stop the process."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None


_DRAWER: Drawer | None = None
_DRAWER_LOCK = threading.Lock()


def drawer() -> Drawer:
    """This process's drawer: a process from the trainer's forkserver, or none where the trainer has no workers."""
    global _DRAWER
    with _DRAWER_LOCK:
        if _DRAWER is None:
            runs = trainer()
            _DRAWER = Drawer(None if runs.workers == 0 else lambda: _started(runs.processes(1, NICE)))
            if _DRAWER.start is not None:
                _DRAWER.pool = _DRAWER.start()  # with the first page, not with its first chart
        return _DRAWER


def _started(pool: Executor) -> Executor:
    """The drawer's process, started now and importing the builders (seconds) before the first chart comes."""
    pool.submit(_warm)
    return pool


def _warm() -> None:
    """Import every chart builder."""
    import importlib
    import pkgutil

    from . import views

    for module in pkgutil.iter_modules(views.__path__):
        importlib.import_module(f"{views.__name__}.{module.name}")
