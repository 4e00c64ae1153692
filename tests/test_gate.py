"""app_pages._gate: page runs SLOTS at a time, the setting asked for most first, then the first to come; a run
waiting for training gives its place back. No timing: the run holding the place waits for the test."""

from __future__ import annotations

import threading

import app_pages._gate as gate


def _until(cond) -> None:
    for _ in range(6000):
        if cond():
            return
        threading.Event().wait(0.01)
    raise AssertionError("never happened")


def test_page_runs_go_by_how_many_sessions_asked_for_their_setting(monkeypatch):
    monkeypatch.setattr(gate, "SLOTS", 1)
    order, release, away_release = [], threading.Event(), threading.Event()

    def page(name: str, key: str, hold: threading.Event | None = None, wait_away: bool = False) -> None:
        gate.asked(key)
        with gate.admitted():
            order.append(name)
            if wait_away:
                with gate.away():  # waiting for its run to train: another page goes meanwhile
                    assert away_release.wait(60)
                order.append(name + " again")
            if hold is not None:
                assert hold.wait(60)

    for _ in range(5):
        gate.asked("teacher")  # five followers asked for the teacher's setting
    first = threading.Thread(target=page, args=("first", "first", release))
    first.start()
    _until(lambda: order == ["first"])
    others = [threading.Thread(target=page, args=(n, n)) for n in ("own", "teacher")]
    for t in others:
        t.start()
    _until(lambda: len(gate._queue) == 2)  # both wait behind the first
    release.set()
    for t in [first, *others]:
        t.join(60)
    assert order == ["first", "teacher", "own"]

    order.clear()
    trains = threading.Thread(target=page, args=("trains", "x", None, True))
    trains.start()
    _until(lambda: order == ["trains"] and not gate._running)  # away: its place is free
    other = threading.Thread(target=page, args=("other", "y"))
    other.start()
    other.join(60)
    away_release.set()
    trains.join(60)
    assert order == ["trains", "other", "trains again"]
    assert not gate._queue and not gate._running


def test_asks_older_than_the_window_do_not_count(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(gate.time, "monotonic", lambda: now[0])
    gate.asked("old-run")
    now[0] += gate.ASKED_S + 1
    gate.asked("new-run")
    assert gate.asks("old-run") == 0 and gate.asks("new-run") == 1
