"""Charts built off the web server's interpreter: two processes turn the builders' Altair charts into specs.

Altair builds a chart by copying and checking its parts: most of a new setting's page run is that, on the
web process's one interpreter lock, which every session's rerun needs too. A page waits for its chart in a
drawer process without holding the lock. Two processes from the training workers' forkserver draw, one chart
at a time each, in the order asked: one the class's charts (the caller says which), not niced; one the
others', niced as the workers are, so that a student's charts never take the CPU from the class's run and
charts. Where the trainer has no worker processes (one core, XORLAB_WORKERS=0), or the function or a
function among its inputs cannot be imported by name in another process (a test's local builder), the chart
is built here. A broken process is replaced; the chart it was drawing is built here.
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
    """Two processes' queues of charts to build: the class's (not niced) and the others' (niced as the workers)."""

    def __init__(self, start: Callable[[bool], Executor] | None) -> None:
        self.start = start  # makes the process of the class's charts (True) or of the others' (None: all built here)
        self.lock = threading.Lock()
        self.pools: dict[bool, Executor | None] = {True: None, False: None}
        self.busy = {True: False, False: False}
        self.waiting: dict[bool, deque[tuple[Future, Callable[..., Any], tuple]]] = {True: deque(), False: deque()}

    def draw(self, fn: Callable[..., Any], *args: Any, first: bool = False) -> Any:
        """fn(*args), computed in a drawer's process (here if it cannot be); first: the class's process."""
        if self.start is None or not by_name((fn, args)):
            return fn(*args)
        fut: Future = Future()
        with self.lock:
            self.waiting[first].append((fut, fn, args))
        self._next(first)
        try:
            return fut.result()
        except BrokenProcessPool:
            return fn(*args)

    def _next(self, ours: bool) -> None:
        """Send the next chart of this kind to its process if it is free."""
        with self.lock:
            queue = self.waiting[ours]
            if self.busy[ours] or not queue:
                return
            fut, fn, args = queue.popleft()
            self.busy[ours] = True
            if self.pools[ours] is None:
                assert self.start is not None
                self.pools[ours] = self.start(ours)
            pool = self.pools[ours]
        assert pool is not None
        try:
            inner = pool.submit(fn, *args)
        except BrokenProcessPool as error:
            inner = Future()
            inner.set_exception(error)
        inner.add_done_callback(lambda done: self._done(ours, fut, done))

    def _done(self, ours: bool, fut: Future, done: Future) -> None:
        """A chart came back (or its process broke: the next chart gets a new one)."""
        error = done.exception()
        with self.lock:
            self.busy[ours] = False
            if isinstance(error, BrokenProcessPool):
                self.pools[ours] = None
        if error is None:
            fut.set_result(done.result())
        else:
            fut.set_exception(error)
        self._next(ours)

    def shutdown(self) -> None:
        """Stop the processes."""
        for ours, pool in list(self.pools.items()):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            self.pools[ours] = None


_DRAWER: Drawer | None = None
_DRAWER_LOCK = threading.Lock()


def drawer() -> Drawer:
    """This process's drawer: a process from the trainer's forkserver, or none where the trainer has no workers."""
    global _DRAWER
    with _DRAWER_LOCK:
        if _DRAWER is None:
            runs = trainer()
            _DRAWER = Drawer(
                None if runs.workers == 0 else lambda ours: _started(runs.processes(1, 0 if ours else NICE))
            )
            if _DRAWER.start is not None:  # with the first page, not with its first chart
                _DRAWER.pools = {ours: _DRAWER.start(ours) for ours in (True, False)}
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
