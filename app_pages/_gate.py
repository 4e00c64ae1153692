"""Heavy drawing work one session at a time, the run most asked for first.

Every session's script runs on this process's one interpreter. Ten sessions building a new run's charts
through Altair at once each get a tenth of it, and a session whose page is already built (a student following
the teacher, whose charts are cached) waits behind all of them. Built one at a time, a cached page's rerun
shares the interpreter with one builder only; the others wait without using it. The builder that goes next is
the one whose run pages asked for most in the last ASKED_S seconds (the teacher's change, asked by every
follower, before one student's own run), then the one that came first.

The gated work never enters a cached function of its own (a compute lock taken inside the gate could wait for a
session that waits for the gate), and it is entered once per thread (nested calls pass through).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

ASKED_S = 30.0  # how far back the asks that rank a run reach

_cond = threading.Condition()
_queue: list[tuple[int, int, int]] = []  # (-asks of its run, arrival, thread): the waiting builders
_holder: list[int] = []  # the thread building, if any
_order = itertools.count()
_local = threading.local()  # per script thread: the page's run, and whether it holds the gate
_asks: dict[str, deque[float]] = {}
_asks_lock = threading.Lock()


def asked(key: str) -> None:
    """A page asked for the run of key (this thread's page draws it): counted, and remembered as the page's run."""
    now = time.monotonic()
    _local.run = key
    with _asks_lock:
        times = _asks.setdefault(key, deque())
        times.append(now)
        for k in list(_asks):
            q = _asks[k]
            while q and now - q[0] > ASKED_S:
                q.popleft()
            if not q:
                del _asks[k]


def asks(key: str | None) -> int:
    """How often pages asked for the run of key in the last ASKED_S seconds."""
    with _asks_lock:
        return len(_asks.get(key, ())) if key is not None else 0


@contextmanager
def heavy() -> Iterator[None]:
    """Hold the gate while building (wait for it first): one builder at a time, by the rule above."""
    if getattr(_local, "inside", False):
        yield
        return
    me = threading.get_ident()
    entry = (-asks(getattr(_local, "run", None)), next(_order), me)
    with _cond:
        heapq.heappush(_queue, entry)
        try:
            while _holder or _queue[0] != entry:
                _cond.wait()
        except BaseException:  # never left in the queue (those behind it would wait for it)
            _queue.remove(entry)
            heapq.heapify(_queue)
            _cond.notify_all()
            raise
        heapq.heappop(_queue)  # it is the head
        _holder.append(me)
    _local.inside = True
    try:
        yield
    finally:
        _local.inside = False
        with _cond:
            _holder.clear()
            _cond.notify_all()
