"""Page runs a few at a time, the class's first.

Every session's script runs on this process's one interpreter. Twenty sessions drawing at once each get a
twentieth of it, and a session whose page is already built (a student following the teacher: its charts are
cached, its rerun takes a tenth of a second) waits behind all of them. So a page's run waits here for a place.

A run is the class's when two or more sessions asked for its setting in the last ASKED_S seconds, or when its
session leads: the last setting it was first to ask for was then asked for by another session (the teacher,
whose every change the class makes; a student who was first on a shared link leads for one change only).
The class's runs take up to SLOTS places of their own and go first, in the order they came; other runs take
a place only while fewer than SLOTS runs are running, none of the class's runs or waits, and none ended in the
last HOLD_S seconds (a hold that delays a run YIELD_S at most). So the class's runs have the interpreter to
themselves while the class makes a change: a run that is not the class's stops at its next checkpoint (between
two sections, charts or grid rows) while the class's runs and HOLD_S after, and waits at most YIELD_S there.
A page waiting for a run to train gives its place back meanwhile (away).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterator
from contextlib import contextmanager

SLOTS = 2  # page runs at once (the class's, and the others')
ASKED_S = 30.0  # how far back the asks that rank a setting reach
YIELD_S = 5.0  # a run that gave its place to the class waits at most this long to have it back
# A class makes a change over seconds (each student when they get to it): a student's own run started in the
# gap between two of the class's runs would share the interpreter with the next. So the others wait this long
# after a class run ends too.
HOLD_S = 2.0
SESSIONS = 4096  # sessions whose lead is remembered (the least recent forgotten)

CLASS, OWN = 0, 1  # a run's kind, in the order they go

_cond = threading.Condition()
_queue: list[tuple[int, int, int]] = []  # (kind, arrival, thread): the waiting page runs
_running: dict[int, int] = {}  # the threads holding a place, and their runs' kinds
_order = itertools.count()
_held = [0.0]  # until when (time.monotonic) runs that are not the class's wait after a class run ended
_local = threading.local()  # per script thread: its setting's key, whether its session leads, its queue entry
_asks: dict[str, deque[tuple[float, str]]] = {}  # setting -> (when, session) of its asks in the window
_first: dict[str, str] = {}  # setting -> the session that asked for it first (while it has asks in the window)
_sessions: OrderedDict[str, list] = OrderedDict()  # session -> [last setting it asked first, followed, leads]
_asks_lock = threading.Lock()


def asked(key: str, session: str = "") -> None:
    """A page run of `session` draws the setting of key: counted, and remembered as this thread's."""
    now = time.monotonic()
    with _asks_lock:
        for k in list(_asks):
            q = _asks[k]
            while q and now - q[0][0] > ASKED_S:
                q.popleft()
            if not q:
                del _asks[k]
                _first.pop(k, None)
        _asks.setdefault(key, deque()).append((now, session))
        first = _first.setdefault(key, session)
        if first == session and (me := _sessions.get(session)) is not None and me[0] != key:
            me[:] = [key, False, me[1]]  # a new setting of its own: it leads if its last one was followed
        elif first == session and session not in _sessions:
            _sessions[session] = [key, False, False]
        elif first != session and (lead := _sessions.get(first)) is not None and lead[0] == key:
            lead[1] = lead[2] = True  # another session follows the first
        if session in _sessions:
            _sessions.move_to_end(session)
        while len(_sessions) > SESSIONS:
            _sessions.popitem(last=False)
        _local.key, _local.leads = key, _sessions[session][2] if session in _sessions else False


def asks(key: str | None) -> int:
    """How many sessions asked for the setting of key in the last ASKED_S seconds."""
    with _asks_lock:
        return len({s for _, s in _asks.get(key, ())}) if key is not None else 0


def shared() -> bool:
    """Whether this thread's page run is the class's (module docstring; decided once, when it asks for a place)."""
    entry = getattr(_local, "entry", None)
    if entry is not None and entry[2] == threading.get_ident():
        return entry[0] == CLASS
    return _of_class()


def leads() -> bool:
    """Whether this thread's page run is of a session that leads (the teacher's: module docstring)."""
    return getattr(_local, "leads", False)


def _of_class() -> bool:
    return leads() or asks(getattr(_local, "key", None)) >= 2


def _may_run(entry: tuple[int, int, int], since: float) -> bool:
    """Whether the queue's head, waiting since `since`, may take a place (with the lock held)."""
    if entry[0] == CLASS:
        return sum(kind == CLASS for kind in _running.values()) < SLOTS
    held = time.monotonic() < _hold_end(since)
    return CLASS not in _running.values() and len(_running) < SLOTS and not held


def _hold_end(since: float) -> float:
    """When the hold after the class's runs ends for a run waiting since `since`: it delays one YIELD_S at most,
    so that a class whose runs keep coming never keeps a student's own run out for good."""
    return min(_held[0], since + YIELD_S)


def _enter(patience: float | None = None) -> None:
    """Wait for a place (the queue's rule); after `patience` seconds, run anyway."""
    me = threading.get_ident()
    entry = getattr(_local, "entry", None)
    if entry is None or entry[2] != me:  # a new page run; one coming back keeps its place in the queue
        entry = _local.entry = (CLASS if _of_class() else OWN, next(_order), me)
    since = time.monotonic()
    end = None if patience is None else since + patience
    with _cond:
        heapq.heappush(_queue, entry)
        try:
            while not (_queue[0] == entry and _may_run(entry, since)):
                now = time.monotonic()
                if end is not None and end <= now:
                    break
                wakes = [t - now for t in (end, _hold_end(since)) if t is not None and t > now]  # patience, hold
                _cond.wait(min(wakes) if wakes else None)
        except BaseException:  # never left in the queue (those behind it would wait for it)
            _queue.remove(entry)
            heapq.heapify(_queue)
            _cond.notify_all()
            raise
        _queue.remove(entry)
        heapq.heapify(_queue)
        _running[me] = entry[0]
        _cond.notify_all()


def _leave() -> None:
    with _cond:
        if _running.pop(threading.get_ident(), None) == CLASS:
            _held[0] = max(_held[0], time.monotonic() + HOLD_S)
        _cond.notify_all()


@contextmanager
def admitted() -> Iterator[None]:
    """Run a page in one of the places (wait for it first, by the rule above)."""
    _local.entry = None
    _enter()
    try:
        yield
    finally:
        _leave()
        _local.entry = None


def checkpoint() -> None:
    """Between two pieces of a page's work: a run that is not the class's waits while the class's run, and HOLD_S
    after (YIELD_S at most)."""
    me = threading.get_ident()
    with _cond:
        classy = CLASS in _running.values() or (_queue and _queue[0][0] == CLASS) or time.monotonic() < _held[0]
        if _running.get(me) != OWN or not classy:
            return
    _leave()
    _enter(patience=YIELD_S)


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
