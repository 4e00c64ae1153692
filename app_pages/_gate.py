"""Page runs a few at a time, the setting most asked for first.

Every session's script runs on this process's one interpreter. Twenty sessions drawing at once each get a
twentieth of it, and a session whose page is already built (a student following the teacher: its charts are
cached, its rerun takes a tenth of a second) waits behind all of them. So a page's run waits here for one of
SLOTS places first; the one that goes next is the one whose setting sessions asked for most in the last
ASKED_S seconds (the teacher's change, asked by every follower, before one student's own), then the first to
come. A page waiting for a run to train gives its place back meanwhile (history: the training is elsewhere).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

SLOTS = 2  # page runs at once
ASKED_S = 30.0  # how far back the asks that rank a setting reach

_cond = threading.Condition()
_queue: list[tuple[int, int, int]] = []  # (-asks of its setting, arrival, thread): the waiting page runs
_running: set[int] = set()  # the threads holding a place
_order = itertools.count()
_local = threading.local()  # per script thread: its setting's key
_asks: dict[str, deque[float]] = {}
_asks_lock = threading.Lock()


def asked(key: str) -> None:
    """A page run draws the setting of key: counted, and remembered as this thread's."""
    now = time.monotonic()
    _local.key = key
    with _asks_lock:
        _asks.setdefault(key, deque()).append(now)
        for k in list(_asks):
            q = _asks[k]
            while q and now - q[0] > ASKED_S:
                q.popleft()
            if not q:
                del _asks[k]


def asks(key: str | None) -> int:
    """How often page runs asked for the setting of key in the last ASKED_S seconds."""
    with _asks_lock:
        return len(_asks.get(key, ())) if key is not None else 0


def _enter() -> None:
    me = threading.get_ident()
    entry = (-asks(getattr(_local, "key", None)), next(_order), me)
    with _cond:
        heapq.heappush(_queue, entry)
        try:
            while len(_running) >= SLOTS or _queue[0] != entry:
                _cond.wait()
        except BaseException:  # never left in the queue (those behind it would wait for it)
            _queue.remove(entry)
            heapq.heapify(_queue)
            _cond.notify_all()
            raise
        heapq.heappop(_queue)  # it is the head
        _running.add(me)


def _leave() -> None:
    with _cond:
        _running.discard(threading.get_ident())
        _cond.notify_all()


@contextmanager
def admitted() -> Iterator[None]:
    """Run a page in one of the places (wait for it first, by the rule above)."""
    _enter()
    try:
        yield
    finally:
        _leave()


@contextmanager
def away() -> Iterator[None]:
    """Give this page run's place back while it waits for something else (a run training in a worker)."""
    inside = threading.get_ident() in _running
    if inside:
        _leave()
    try:
        yield
    finally:
        if inside:
            _enter()
