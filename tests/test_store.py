"""xorcore.store: runs on disk equal the trained ones bit for bit, damaged entries are dropped, the file stays within
its bytes (least recently used out), and several processes writing and reading the same key at once agree."""

from __future__ import annotations

import multiprocessing
import sqlite3

import numpy as np
import pytest
from conftest import diverged_at_start, forced_divergence, plain_main

from xorcore import Config, train
from xorcore.store import RunStore, decode, encode, run_key

ARRAYS = ("loss", "accuracy", "pred", "grad_norm", "params", "final_pred")


def same(a, b) -> bool:
    """Two runs record the same numbers, bit for bit (nan where the other has nan)."""
    arrays = all(
        getattr(a, k).dtype == getattr(b, k).dtype and np.array_equal(getattr(a, k), getattr(b, k), equal_nan=True)
        for k in ARRAYS
    )
    loss = a.final_loss == b.final_loss or (np.isnan(a.final_loss) and np.isnan(b.final_loss))
    return arrays and loss and (a.config, a.diverged_at, a.task) == (b.config, b.diverged_at, b.task)


RUNS = [Config(epochs=300), Config(seed=3, activation="relu", hidden=8, epochs=200)]


@pytest.mark.parametrize("cfg", RUNS, ids=lambda c: c.label())
def test_a_run_read_back_is_the_run_trained(cfg, tmp_path):
    hist = train(cfg)
    assert same(decode(encode(hist)), hist)
    store = RunStore(tmp_path / "runs.sqlite3")
    store.put(run_key(cfg), hist)
    back = RunStore(tmp_path / "runs.sqlite3").get(run_key(cfg))  # another connection, as another process has
    assert back is not None and same(back, hist)
    assert not any(getattr(back, k).flags.writeable for k in ARRAYS)  # read-only to every reader


@pytest.mark.parametrize("make", [forced_divergence, diverged_at_start])
def test_a_diverged_run_keeps_its_nan_and_epoch(make, tmp_path):
    hist = make()
    assert hist.diverged_at is not None and np.isnan(hist.final_loss)  # the case this test is about
    store = RunStore(tmp_path / "runs.sqlite3")
    store.put("k", hist)
    assert same(store.get("k"), hist)


def test_the_key_names_everything_a_run_depends_on():
    init = np.zeros(9, dtype=np.float32)
    keys = {run_key(Config()), run_key(Config(seed=1)), run_key(Config(), task="and"), run_key(Config(), init=init),
            run_key(Config(), init=init + 1)}  # fmt: skip
    assert len(keys) == 5 and run_key(Config()) == run_key(Config())


def _damage(path, key: str, how: str) -> None:
    with sqlite3.connect(path) as db:
        data = bytearray(db.execute("SELECT data FROM runs WHERE key = ?", (key,)).fetchone()[0])
        if how == "byte":
            data[len(data) // 2] ^= 0x40  # one bit of the arrays flipped
            db.execute("UPDATE runs SET data = ? WHERE key = ?", (bytes(data), key))
        else:  # cut short, its checksum rewritten to match: the shapes give it away
            from xorcore.store import _checksum

            data = bytes(data[:-8])
            db.execute("UPDATE runs SET data = ?, sum = ? WHERE key = ?", (data, _checksum(data), key))


@pytest.mark.parametrize("how", ["byte", "short"])
def test_a_damaged_entry_is_dropped_never_shown(how, tmp_path):
    path = tmp_path / "runs.sqlite3"
    store, cfg = RunStore(path), Config(epochs=100)
    store.put(run_key(cfg), train(cfg))
    _damage(path, run_key(cfg), how)
    assert store.get(run_key(cfg)) is None  # so the page trains it again
    assert store.keys() == []  # and it is gone


def test_the_file_keeps_within_its_bytes_least_recently_used_out(tmp_path):
    runs = {s: train(Config(seed=s, epochs=200)) for s in range(4)}
    one = len(encode(runs[0]))
    store = RunStore(tmp_path / "runs.sqlite3", budget=3 * one)
    for s in range(3):
        store.put(str(s), runs[s])
    assert store.get("0") is not None  # used: now the newest
    store.put("3", runs[3])
    assert sorted(store.keys()) == ["0", "2", "3"] and store.size() <= 3 * one  # "1" was the least recently used


def _writer(path: str, n: int, out) -> None:
    """One process: write and read the same key and one of its own, many times."""
    store = RunStore(path)
    cfg = Config(epochs=150)
    shared, own = train(cfg), train(Config(seed=100 + n, epochs=150))
    got = []
    for _ in range(20):
        store.put(run_key(cfg), shared)
        store.put(f"own-{n}", own)
        a, b = store.get(run_key(cfg)), store.get(f"own-{n}")
        got.append(a is not None and same(a, shared) and b is not None and same(b, own))
    out.put((n, all(got)))


def test_processes_writing_and_reading_one_key_at_once_agree(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    path, out = str(tmp_path / "runs.sqlite3"), ctx.Queue()
    RunStore(path)  # the file exists before they start, as the app's does
    procs = [ctx.Process(target=_writer, args=(path, n, out)) for n in range(4)]
    with plain_main():  # after an AppTest, __main__ is a page script: a child must not run it again
        for p in procs:
            p.start()
    for p in procs:
        p.join(240)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    results = dict(out.get(timeout=10) for _ in procs)
    assert results == {n: True for n in range(4)}
    assert sorted(RunStore(path).keys()) == sorted([run_key(Config(epochs=150)), *(f"own-{n}" for n in range(4))])
