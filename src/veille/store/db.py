"""``Store``: the SQLite database, and its one writer.

Only the process that holds the writer lock writes; workers return results to it. Every
write is an upsert on a stable id (article id = hash of the text, item key = where the
item came from), so writing the same thing twice changes nothing. Writes are grouped in
transactions committed by :meth:`Store.commit`; an interrupted run loses at most the
uncommitted group, which a rerun redoes.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import itertools
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import sqlite_utils

from veille.store.errors import StoreError
from veille.store.migrations import LATEST, migrate, schema_version

BUSY_TIMEOUT_S = 2.0
CACHE_KIB = 64 * 1024  # the writer's page cache: random-keyed indexes stay in memory longer


def _connect(path: Path) -> sqlite3.Connection:
    try:
        # usable from any thread, one at a time (the caller sees to it)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a veille database or is corrupt ({exc})") from exc
    return conn


def _check_version(db: sqlite_utils.Database, path: Path) -> None:
    version = schema_version(db)
    if version > LATEST:
        raise StoreError(
            f"{path} has schema version {version}, newer than this veille knows ({LATEST}); "
            "upgrade veille to read it"
        )


def _create_new(path: Path) -> None:
    """Build a new database beside ``path`` and move it into place: never half-made."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".new", dir=path.parent or ".")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode = MEMORY")  # a private file: one fsync at the end
        conn.execute("PRAGMA synchronous = OFF")
        migrate(sqlite_utils.Database(conn))
        conn.close()
        with open(tmp, "rb") as built:
            os.fsync(built.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _lock(path: Path) -> IO[str]:
    """The writer lock: a lock file beside the database, released when the process ends."""
    handle = open(f"{path}.lock", "w")  # noqa: SIM115  (held for the store's life)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise StoreError(f"{path} is being written by another veille process") from exc
    return handle


class Store:
    """A veille database. Open with :meth:`open` (writer) or :meth:`read` (read-only use)."""

    def __init__(self, db: sqlite_utils.Database, path: Path, lock: IO[str] | None) -> None:
        self.db = db
        self.path = path
        self._lock = lock

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating or migrating) ``path`` as its one writer."""
        path = Path(path)
        try:
            if not path.exists():
                _create_new(path)
            lock = _lock(path)
        except OSError as exc:
            raise StoreError(f"cannot create {path}: {exc.strerror}") from exc
        try:
            store = cls(sqlite_utils.Database(_connect(path)), path, lock)
            store._prepare_writer()
        except BaseException:
            lock.close()
            raise
        return store

    @classmethod
    def delegate(cls, path: str | Path) -> Store:
        """A writer connection for a process that writes on behalf of the one holding the
        writer lock (the ingest job's writer process); the database must exist."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"no database at {path}")
        store = cls(sqlite_utils.Database(_connect(path)), path, None)
        store._prepare_writer()
        return store

    @classmethod
    def read(cls, path: str | Path) -> Store:
        """Open an existing database for queries."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"no database at {path}")
        store = cls(sqlite_utils.Database(_connect(path)), path, None)
        _check_version(store.db, path)
        return store

    def _prepare_writer(self) -> None:
        _check_version(self.db, self.path)
        try:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("ROLLBACK")
            migrate(self.db)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path} is locked by another writer") from exc
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is corrupt ({exc})") from exc

    # -- lifecycle ---------------------------------------------------------------------

    def commit(self) -> None:
        """Make the writes so far durable, as one transaction."""
        with self._mapped():
            self.db.conn.commit()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.commit()
        self.db.conn.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.rollback()
        self.close()

    @contextlib.contextmanager
    def _mapped(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is corrupt ({exc})") from exc

    # -- writing -----------------------------------------------------------------------

    def upsert(self, table: str, row: Mapping[str, Any], pk: Sequence[str]) -> None:
        """Insert ``row``, or update the row with the same primary key."""
        sql = _upsert_sql(table, tuple(row), tuple(pk))
        with self._mapped():
            self.db.conn.execute(sql, [_value(v) for v in row.values()])

    def upsert_all(self, table: str, rows: Sequence[Mapping[str, Any]], pk: Sequence[str]) -> None:
        """``upsert`` for each row, in one statement per run of rows with the same columns."""
        for cols, group in itertools.groupby(rows, key=_columns):
            batch = list(group)
            sql = _upsert_sql(table, cols, tuple(pk))
            with self._mapped():
                self.db.conn.executemany(sql, ([_value(v) for v in r.values()] for r in batch))

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        """Insert rows given as value tuples; a row whose key is already stored is left as is."""
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO [{table}] ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING"
        with self._mapped():
            self.db.conn.executemany(sql, rows)

    def upsert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], pk: Sequence[str]
    ) -> None:
        """``upsert`` of rows given as value tuples, many rows to a statement (in order, so a
        later row with the same key wins)."""
        per_statement = max(1, self.max_params() // len(columns))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = _upsert_sql(table, tuple(columns), tuple(pk), len(chunk))
            with self._mapped():
                self.db.conn.execute(sql, [_value(v) for row in chunk for v in row])

    def max_params(self) -> int:
        """How many ``?`` parameters one statement may take."""
        limit: int = self.db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return min(limit, 30_000)

    def delete_where(self, table: str, where: str, args: Sequence[Any]) -> None:
        with self._mapped():
            self.db.conn.execute(f"DELETE FROM [{table}] WHERE {where}", list(args))

    # -- reading -----------------------------------------------------------------------

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._mapped():
            return list(self.db.query(sql, list(args)))

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        with self._mapped():
            self.db.conn.execute(sql, list(args))

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query, as tuples."""
        with self._mapped():
            rows: list[tuple[Any, ...]] = self.db.conn.execute(sql, list(args)).fetchall()
        return rows

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self._mapped():
            row = self.db.conn.execute(sql, list(args)).fetchone()
        return None if row is None else row[0]


def _columns(row: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(row)


@functools.lru_cache(maxsize=256)
def _upsert_sql(table: str, cols: tuple[str, ...], pk: tuple[str, ...], count: int = 1) -> str:
    names = ", ".join(f"[{c}]" for c in cols)
    marks = ", ".join([f"({', '.join('?' for _ in cols)})"] * count)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c not in pk)
    conflict = ", ".join(f"[{c}]" for c in pk)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return f"INSERT INTO [{table}] ({names}) VALUES {marks} ON CONFLICT({conflict}) {action}"


def _value(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value
