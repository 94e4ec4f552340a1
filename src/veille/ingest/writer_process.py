"""The ingest job's one writer, in a process of its own (``veille ingest`` with one worker).

The job's process reads and extracts; this process signs (MinHash) and writes each commit
group it is sent, and commits it, so the extraction never waits for the GIL that the
writer's Python holds. It is a plain ``python -m veille.ingest.writer_process`` child (a
new interpreter: nothing of the job's state is inherited, whatever the platform's start
method), fed through its standard input one group at a time. Messages are pickles; the
child answers ``("ready", None)`` once, then ``("written", statuses)`` or ``("failed",
error)`` for each group. The parent holds the
store's writer lock and the child writes for it (:meth:`Store.delegate`). An end of input
ends the child: the job is over, or its process died (then the group being written is
rolled back rather than committed, and a rerun redoes it).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from veille.errors import VeilleError
from veille.store.errors import StoreError

Message = tuple[str, Any]
_STOP_S = 10.0  # how long the parent waits for the child to end before killing it
_PIPE_BYTES = 1 << 20  # the default upper limit of /proc/sys/fs/pipe-max-size


class WriterGone(VeilleError):
    """The writer process ended before it answered."""


class WriterProcess:
    """The parent's side: send groups, collect statuses; at most one group is written at once."""

    def __init__(self, db: Path, run_id: str, threshold: float) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "veille.ingest.writer_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_child_env(),
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._to, self._from = self._proc.stdin, self._proc.stdout
        _widen(self._to)
        self._busy = True  # until it says it is ready
        self._send((str(db), run_id, threshold))

    @property
    def busy(self) -> bool:
        """Whether a group is being written (or the child is starting)."""
        return self._busy

    def write(self, group: Sequence[Any]) -> None:
        """Send a group; the writer must be idle (see :meth:`wait`)."""
        assert not self._busy, "one group at a time"
        with held_interrupts():
            self._send(list(group))
            self._busy = True

    def answered(self) -> bool:
        """Whether the writer has answered (:meth:`wait` will not block)."""
        return self._busy and _readable(self._from)

    def wait(self) -> list[str]:
        """Wait until the writer is idle; the statuses of the group it wrote (none if it was
        idle or starting). Its error, if writing failed, is raised here."""
        if not self._busy:
            return []
        with held_interrupts():
            kind, value = self._receive()
            self._busy = False
        if kind == "failed":
            raise value
        return list(value) if kind == "written" else []

    def close(self) -> None:
        """End the child: its input closes, it exits (killed if it does not in time)."""
        with contextlib.suppress(OSError):
            self._to.close()
        try:
            self._proc.wait(_STOP_S)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._from.close()

    def _send(self, value: Any) -> None:
        try:
            with held_interrupts():
                pickle.dump(value, self._to, protocol=pickle.HIGHEST_PROTOCOL)
                self._to.flush()
        except (BrokenPipeError, OSError) as exc:
            raise WriterGone(f"the ingest writer process ended ({self._exit()})") from exc

    def _receive(self) -> Message:
        try:
            with held_interrupts():
                message: Message = pickle.load(self._from)
        except EOFError as exc:
            raise WriterGone(f"the ingest writer process ended ({self._exit()})") from exc
        return message

    def _exit(self) -> str:
        code = self._proc.poll()
        return "still running" if code is None else f"exit status {code}"


@contextlib.contextmanager
def held_interrupts() -> Iterator[None]:
    """Ctrl-C (SIGINT) held back until the block ends: a pickle half sent or half read, or
    a group sent but not marked so, would leave the job waiting for ever. (Blocking the
    signal would not do: another thread, numpy's for one, may take it.)"""
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous) or threading.current_thread() is not threading.main_thread():
        yield  # Ctrl-C does not raise here
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            previous(signal.SIGINT, None)  # raises KeyboardInterrupt, as it would have


def _widen(pipe: IO[bytes]) -> None:
    """A pipe that holds a whole commit group, where the system allows (Linux): sending
    one never waits for the writer to read it."""
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


def _readable(stream: IO[bytes]) -> bool:
    import select

    return bool(select.select([stream], [], [], 0)[0])


def _child_env() -> dict[str, str]:
    """The parent's environment; when this veille is not an installed package (a source
    tree on ``sys.path``), its folder first on the child's ``PYTHONPATH``, so that the child
    runs the same code (an installed one is found as is: its site-packages is never put
    before the standard library)."""
    import site

    import veille

    root = Path(veille.__file__).resolve().parents[1]
    installed = {Path(p).resolve() for p in (*site.getsitepackages(), site.getusersitepackages())}
    if root in installed:
        return dict(os.environ)
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys([str(root), *paths]))}


# -- the child -------------------------------------------------------------------------------


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    """Write the groups read from ``inbox`` until it ends; answer each on ``outbox``."""
    from veille.ingest.writer import GroupWriter
    from veille.store.db import Store

    parent = os.getppid()
    try:
        db, run_id, threshold = pickle.load(inbox)
        store = Store.delegate(db)
    except Exception as exc:  # raised in the job at its first wait
        _answer(outbox, ("failed", _picklable(exc)))
        return
    with store:
        writer = GroupWriter(store, run_id, threshold)
        _answer(outbox, ("ready", None))
        while (group := _next_group(inbox)) is not None:
            try:
                statuses = writer.write(group)
                if os.getppid() != parent:  # the job died: leave the group to its rerun
                    store.db.conn.rollback()
                    return
                store.commit()
            except Exception as exc:  # the parent raises it, and the job ends
                store.db.conn.rollback()
                _answer(outbox, ("failed", _picklable(exc)))
                return
            _answer(outbox, ("written", statuses))


def _next_group(inbox: IO[bytes]) -> list[Any] | None:
    try:
        group: list[Any] = pickle.load(inbox)
    except EOFError:
        return None
    return group


def _answer(outbox: IO[bytes], message: Message) -> None:
    pickle.dump(message, outbox, protocol=pickle.HIGHEST_PROTOCOL)
    outbox.flush()


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return StoreError(f"the ingest writer failed: {exc!r}")
    return exc


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but answers on the answer pipe
    serve(inbox, outbox)
    sys.stderr.flush()
    os._exit(0)  # all is committed and closed: no interpreter teardown for the parent to wait on


__all__ = ["WriterGone", "WriterProcess", "held_interrupts", "serve"]

if __name__ == "__main__":
    main()
