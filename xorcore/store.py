"""Trained runs on disk, one SQLite file for every process on the machine: read, never trained twice.

A run is stored under a key naming everything it depends on (its Config, truth table, starting θ, this
format and PyTorch's version), with a checksum of its bytes. A read checks the checksum and every shape
against the Config; a damaged entry is dropped and reported as missing, so it is trained again, never shown.
The file is bounded in bytes: least recently used runs go first. Writers and readers in several processes
meet in SQLite's own locking (WAL mode, a busy timeout); writing the same key twice stores one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import torch

from .config import Config
from .train import History

FORMAT = 1  # bump when the bytes of an entry change meaning
BUDGET = 256 * 2**20  # default bound of the file's runs: 160 runs of 10,000 epochs x 8 units, 2,000 lecture runs
_ARRAYS = ("loss", "accuracy", "pred", "grad_norm", "params", "final_pred")


def run_key(cfg: Config, task: str = "xor", init: np.ndarray | None = None) -> str:
    """The key of a run: its settings, truth table, starting θ (None: the seed's), format and PyTorch."""
    start = None if init is None else np.asarray(init, dtype=np.float32).tobytes().hex()
    what = json.dumps([cfg.as_dict(), task, start, FORMAT, torch.__version__], sort_keys=True)
    return hashlib.blake2b(what.encode(), digest_size=20).hexdigest()


def encode(hist: History) -> bytes:
    """A run as bytes: a JSON header (settings, scalars, row count), then its float32 arrays in _ARRAYS order."""
    head = {"config": hist.config.as_dict(), "task": hist.task, "n": hist.epochs_run,
            "final_loss": repr(hist.final_loss), "diverged_at": hist.diverged_at}  # fmt: skip
    raw = json.dumps(head, sort_keys=True).encode()
    body = b"".join(np.ascontiguousarray(getattr(hist, a), dtype=np.float32).tobytes() for a in _ARRAYS)
    return struct.pack("<I", len(raw)) + raw + body


def decode(blob: bytes) -> History:
    """The run encode() wrote; ValueError (or KeyError, TypeError) if the bytes do not make one."""
    (size,) = struct.unpack_from("<I", blob)
    head = json.loads(blob[4 : 4 + size])
    cfg, n = Config(**head["config"]), int(head["n"])
    shapes = {"loss": (n,), "accuracy": (n,), "pred": (n, 4), "grad_norm": (n,),
              "params": (n + 1, 4 * cfg.hidden + 1), "final_pred": (4,)}  # fmt: skip
    if not 0 <= n <= cfg.epochs:
        raise ValueError(f"{n} rows for {cfg.epochs} epochs")
    flat = np.frombuffer(blob, dtype=np.float32, offset=4 + size)
    if flat.size != sum(int(np.prod(s)) for s in shapes.values()):
        raise ValueError("the arrays' size does not match the settings")
    arrays, at = [], 0
    for name in _ARRAYS:
        k = int(np.prod(shapes[name]))
        arrays.append(flat[at : at + k].reshape(shapes[name]))  # views on read-only bytes: nobody may change them
        at += k
    loss, accuracy, pred, grad_norm, params, final_pred = arrays
    diverged = None if head["diverged_at"] is None else int(head["diverged_at"])
    return History(cfg, loss, accuracy, pred, grad_norm, params, final_pred, float(head["final_loss"]), diverged,
                   str(head["task"]))  # fmt: skip


def default_path() -> Path | None:
    """XORLAB_STORE if set ('off': no store), else one file per user in the temporary directory."""
    if (env := os.environ.get("XORLAB_STORE")) is not None:
        return None if env in ("", "off") else Path(env)
    return Path(tempfile.gettempdir()) / f"xorlab-runs-{os.getuid()}.sqlite3"


class RunStore:
    """One SQLite file of runs, bounded in bytes (least recently used out), shared by processes."""

    def __init__(self, path: str | os.PathLike, budget: int = BUDGET) -> None:
        self.path, self.budget = Path(path), budget
        self.local = threading.local()  # one connection per thread (sqlite3 connections are not shared)
        with self._db() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, data BLOB NOT NULL, "
                "sum TEXT NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)"
            )

    def _db(self) -> sqlite3.Connection:
        db = getattr(self.local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)  # autocommit; explicit BEGIN
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self.local.db = db
        return db

    def get(self, key: str) -> History | None:
        """The stored run of key, marked as used now; None if absent or damaged (a damaged one is dropped)."""
        db = self._db()
        row = db.execute("SELECT data, sum FROM runs WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data, checksum = bytes(row[0]), row[1]
        try:
            if _checksum(data) != checksum:
                raise ValueError("checksum does not match")
            hist = decode(data)
        except (ValueError, KeyError, TypeError, struct.error, json.JSONDecodeError):
            db.execute("DELETE FROM runs WHERE key = ? AND sum = ?", (key, checksum))
            return None
        db.execute("UPDATE runs SET used = ? WHERE key = ?", (time.time(), key))
        return hist

    def has(self, key: str) -> bool:
        """Whether a run of key is stored (not read, so not checked: get checks it)."""
        return self._db().execute("SELECT 1 FROM runs WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, hist: History) -> None:
        """Store a run under key, then drop the least recently used runs while the file is over budget."""
        data = encode(hist)
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?)",
                       (key, data, _checksum(data), len(data), time.time()))  # fmt: skip
            total = db.execute("SELECT COALESCE(SUM(size), 0) FROM runs").fetchone()[0]
            for old, size in db.execute("SELECT key, size FROM runs WHERE key != ? ORDER BY used", (key,)).fetchall():
                if total <= self.budget:
                    break
                db.execute("DELETE FROM runs WHERE key = ?", (old,))
                total -= size
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def size(self) -> int:
        """Bytes of runs stored."""
        return int(self._db().execute("SELECT COALESCE(SUM(size), 0) FROM runs").fetchone()[0])

    def keys(self) -> list[str]:
        """The stored keys, least recently used first."""
        return [k for (k,) in self._db().execute("SELECT key FROM runs ORDER BY used").fetchall()]


def _checksum(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
