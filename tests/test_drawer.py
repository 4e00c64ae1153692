"""xorcore.drawer: a chart drawn in a drawer's process is the spec built here, byte for byte; the class's charts
never wait for others', each kind goes in the order asked; what another process cannot import, and a broken process, are built here."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from xorcore import Config, train
from xorcore.drawer import Drawer, by_name
from xorcore.views.beyond import plane_before_after
from xorcore.views.boundary import decision_boundary
from xorcore.views.curves import accuracy_chart
from xorcore.views.planes import hidden_plane
from xorcore.views.vega import spec_of
from xorcore.workers import Trainer


def test_a_chart_drawn_in_the_drawers_process_is_the_spec_built_here():
    runs = Trainer(1, None)
    runs._pool()
    drawer = Drawer(lambda ours: runs.processes(1, 0 if ours else 10))
    hist = train(Config(activation="tanh", hidden=3, epochs=200))
    flat = hist.params[-1]
    asked = [  # (builder, args, kwargs, height, slide, legends): a setting's planes and a whole run's chart
        (decision_boundary, (flat, "tanh", 3, "ko"), {}, 140, True, False),
        (hidden_plane, (flat, "tanh", 3, "en"), {"units": (1, 2)}, None, False, True),
        (plane_before_after, ("bx_hidden", flat, "tanh", 3, "en", "after", "the plane after"), {}, 140, True, False),
        (accuracy_chart, (hist, "en"), {}, None, False, True),
    ]
    try:
        for build, args, kwargs, height, slide, legends in asked:
            drawn = drawer.draw(spec_of, build, args, kwargs, height, slide, legends, first=build is hidden_plane)
            assert drawn == spec_of(build, args, kwargs, height, slide, legends), build.__name__
        assert all(pool is not None for pool in drawer.pools.values())
    finally:
        runs.shutdown()
        drawer.shutdown()


class Held(Executor):
    """A one-thread pool whose first task waits for the test to let it go."""

    def __init__(self) -> None:
        self.pool, self.gate, self.ran = ThreadPoolExecutor(1), threading.Event(), []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        def run():
            self.gate.wait(30)
            self.ran.append(args[0])
            return fn(*args)

        return self.pool.submit(run)


def test_the_class_s_charts_never_wait_for_others_and_each_kind_goes_in_the_order_asked():
    pools = {True: Held(), False: Held()}
    pools[True].gate.set()  # the class's process draws; the others' is held on its first chart
    drawer = Drawer(lambda ours: pools[ours])
    own = []
    for name in ("own-1", "own-2", "own-3"):
        own.append(threading.Thread(target=drawer.draw, args=(_upper, name)))
        own[-1].start()
        while len(drawer.waiting[False]) + drawer.busy[False] < len(own):
            threading.Event().wait(0.001)  # each ask is queued before the next is made
    assert [drawer.draw(_upper, name, first=True) for name in ("class-1", "class-2")] == ["CLASS-1", "CLASS-2"]
    assert pools[False].ran == []  # the class's charts were drawn while a student's waited
    pools[False].gate.set()
    for thread in own:
        thread.join(30)
    assert pools[True].ran == ["class-1", "class-2"] and pools[False].ran == ["own-1", "own-2", "own-3"]
    for pool in pools.values():
        pool.pool.shutdown()


def test_what_another_process_cannot_import_is_built_here():
    def local(x):
        return x + 1

    def boundary(flat):
        return decision_boundary(flat, "sigmoid", 2, "en")

    drawer = Drawer(lambda ours: pytest.fail("no process for a local function"))
    assert drawer.draw(local, 1) == 2
    flat = train(Config(epochs=50)).params[-1]
    drawn = drawer.draw(spec_of, boundary, (flat,), {}, None, False, True, first=True)
    assert drawn == spec_of(decision_boundary, (flat, "sigmoid", 2, "en"), {}, None, False, True)
    assert not by_name(local) and not by_name((1, [local])) and by_name((decision_boundary, {"a": spec_of}, 3))


class Broken(Executor):
    """A pool whose process died."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        fut: Future = Future()
        fut.set_exception(BrokenProcessPool("gone"))
        return fut


def test_a_broken_process_is_replaced_and_its_chart_built_here():
    pools: list[Executor] = [Broken(), ThreadPoolExecutor(1)]
    drawer = Drawer(lambda ours: pools.pop(0))
    assert drawer.draw(_upper, "a") == "A"  # built here
    assert drawer.pools[False] is None and not drawer.busy[False]
    assert drawer.draw(_upper, "b") == "B"  # in the new pool
    assert isinstance(drawer.pools[False], ThreadPoolExecutor) and not pools
    drawer.shutdown()


def test_a_builders_error_reaches_the_page():
    drawer = Drawer(lambda ours: ThreadPoolExecutor(1))
    with pytest.raises(ValueError, match="bad"):
        drawer.draw(_fails, "bad", first=True)
    assert drawer.draw(_upper, "c", first=True) == "C"
    assert drawer.pools[True] is not None
    drawer.shutdown()


def _upper(text: str) -> str:
    return text.upper()


def _fails(message: str) -> None:
    raise ValueError(message)
