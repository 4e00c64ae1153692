"""app_pages._gate: page runs SLOTS at a time, the class's first, each kind in the order it came; a run waiting
for training gives its place back; a run that is not the class's waits at a checkpoint while the class's runs; a
session the class follows leads. No timing: the runs wait for the test."""

from __future__ import annotations

import threading

import pytest

import app_pages._gate as gate


@pytest.fixture(autouse=True)
def _fresh_gate(monkeypatch):
    """Each test with its own asks and sessions."""
    monkeypatch.setattr(gate, "_asks", {})
    monkeypatch.setattr(gate, "_first", {})
    monkeypatch.setattr(gate, "_sessions", gate.OrderedDict())
    monkeypatch.setattr(gate, "_held", [0.0])


def _until(cond) -> None:
    for _ in range(6000):
        if cond():
            return
        threading.Event().wait(0.01)
    raise AssertionError("never happened")


def test_the_class_s_page_runs_go_first_and_a_run_waiting_for_training_gives_its_place_back(monkeypatch):
    monkeypatch.setattr(gate, "SLOTS", 1)
    order, release, away_release = [], threading.Event(), threading.Event()

    def page(name: str, key: str, hold: threading.Event | None = None, wait_away: bool = False) -> None:
        gate.asked(key, name)
        with gate.admitted():
            order.append(name)
            if wait_away:
                with gate.away():  # waiting for its run to train: another page goes meanwhile
                    assert away_release.wait(60)
                order.append(name + " again")
            if hold is not None:
                assert hold.wait(60)

    for k in range(5):
        gate.asked("teacher", f"follower {k}")  # five followers asked for the teacher's setting
    first = threading.Thread(target=page, args=("first", "first", release))
    first.start()
    _until(lambda: order == ["first"])
    others = [threading.Thread(target=page, args=(n, n)) for n in ("own", "teacher")]
    for t in others:
        t.start()
    # the class's run takes a place of its own at once (the first is one session's); the other waits
    _until(lambda: order == ["first", "teacher"] and len(gate._queue) == 1)
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


def test_a_run_that_is_not_the_class_s_waits_at_a_checkpoint_while_the_class_runs():
    order, hold, build = [], threading.Event(), threading.Event()

    def own(name: str, wait: threading.Event | None = None) -> None:
        gate.asked(name, name)
        with gate.admitted():
            order.append(name)
            if wait is not None:
                assert wait.wait(60)
                gate.checkpoint()  # between two charts
                order.append(name + " again")

    def teacher() -> None:
        gate.asked("tanh", "follower")  # the class asks for the teacher's setting
        gate.asked("tanh", "teacher")
        with gate.admitted():
            order.append("teacher")
            assert build.wait(60)  # building the setting's charts

    explorer = threading.Thread(target=own, args=("explorer", hold))
    explorer.start()
    _until(lambda: order == ["explorer"])
    teaching = threading.Thread(target=teacher)
    teaching.start()
    _until(lambda: order == ["explorer", "teacher"])  # a place of the class's own, at once
    hold.set()
    _until(lambda: len(gate._queue) == 1)  # the explorer waits at its checkpoint
    newcomer = threading.Thread(target=own, args=("newcomer",))
    newcomer.start()
    _until(lambda: len(gate._queue) == 2)  # and no other student's run starts while the class's runs
    assert order == ["explorer", "teacher"]
    build.set()
    for t in (explorer, teaching, newcomer):
        t.join(60)
    assert order[2:] == ["explorer again", "newcomer"]  # the explorer kept its place in the queue
    assert not gate._queue and not gate._running


def test_after_a_class_run_the_others_wait_hold_s_more_at_their_start_and_at_checkpoints(monkeypatch):
    """The class makes a change over seconds: a student's own run does not start in the gap between two of its runs."""
    now = [1000.0]
    monkeypatch.setattr(gate.time, "monotonic", lambda: now[0])
    order, hold = [], threading.Event()

    def run(name: str, key: str, wait: threading.Event | None = None) -> None:
        gate.asked(key, name)
        with gate.admitted():
            order.append(name)
            if wait is not None:
                assert wait.wait(60)
                gate.checkpoint()
                order.append(name + " again")

    explorer = threading.Thread(target=run, args=("explorer", "seed 7", hold))
    explorer.start()
    _until(lambda: order == ["explorer"])
    gate.asked("tanh", "follower 1")
    run("follower 2", "tanh")  # a class run, begun and ended
    hold.set()
    _until(lambda: len(gate._queue) == 1)  # the explorer waits at its checkpoint: the class is still changing
    newcomer = threading.Thread(target=run, args=("newcomer", "seed 8"))
    newcomer.start()
    _until(lambda: len(gate._queue) == 2)  # and a new run of its own does not start
    assert order == ["explorer", "follower 2"]
    now[0] += gate.HOLD_S  # the class is done
    with gate._cond:
        gate._cond.notify_all()
    for t in (explorer, newcomer):
        t.join(60)
    assert order[2:] == ["explorer again", "newcomer"]
    assert not gate._queue and not gate._running

    gate._held[0] = now[0] + 100  # a class whose runs keep coming: the hold delays a run YIELD_S at most
    late = threading.Thread(target=run, args=("late", "seed 9"))
    late.start()
    _until(lambda: len(gate._queue) == 1)
    now[0] += gate.YIELD_S
    with gate._cond:
        gate._cond.notify_all()
    late.join(60)
    assert order[-1] == "late" and not gate._queue


def test_a_session_leads_once_another_follows_the_setting_it_asked_for_first():
    def kind(key: str, session: str) -> bool:
        gate.asked(key, session)
        return gate.shared()

    assert not kind("lecture", "teacher")  # alone on its link
    assert kind("lecture", "student 1")  # two sessions: the class's
    assert kind("tanh", "teacher")  # the teacher's change, before anyone followed: the class's, it leads
    assert not kind("seed 7", "student 1")  # a student's own setting (the one first on a link led nothing)
    assert kind("tanh", "student 2")  # following the teacher
    assert not kind("seed 9", "student 2") and not kind("seed 10", "student 2")
    assert kind("relu", "teacher")
    assert not kind("seed 11", "student 3")
    gate.asked("seed 11", "student 4")  # student 4 follows student 3: student 3 leads for its next own setting
    assert kind("seed 12", "student 3")
    assert not kind("seed 13", "student 3")  # nobody followed seed 12: it leads no more
