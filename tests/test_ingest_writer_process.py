"""The writer process of a one-worker ingest job: statuses back in order, commits, its end,
its errors raised in the job, and Ctrl-C."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veille.ingest import IngestOptions
from veille.ingest.runner import prepare
from veille.ingest.sources import ItemError, Meta, RawItem, SourceInfo
from veille.ingest.writer_process import WriterProcess
from veille.store import Store
from veille.store.errors import StoreError
from veille.store.records import start_run

VEILLE = [str(Path(sys.executable).parent / "veille")]
NOTE = (
    "La direction des achats de la flotte a reçu trois vedettes côtières construites dans un "
    "chantier de Bretagne, indique un communiqué qui précise le calendrier des essais en mer "
    "et le nombre de marins formés à leur conduite pendant l'hiver."
)


def outcomes(texts: list[str]) -> list[object]:
    info = SourceInfo.of("text", "invented")
    raws = [RawItem.of(f"k{i}", info, "text", t.encode(), Meta()) for i, t in enumerate(texts)]
    return [prepare(raw, IngestOptions(analyze=False), sign=False) for raw in raws]


def started(db: Path, run_id: str) -> None:
    with Store.open(db) as store:
        start_run(store, run_id, "job", {"command": "ingest"})
        store.commit()


def test_groups_come_back_as_statuses_in_input_order_and_are_committed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    started(db, "run-1")
    group = outcomes([NOTE, "", NOTE, NOTE + " Une phrase de plus pour la suite."])
    assert isinstance(group[1], ItemError)
    writer = WriterProcess(db, "run-1", 0.5)
    try:
        assert writer.busy  # until the child is ready
        assert writer.wait() == []
        writer.write(group)
        assert writer.wait() == ["processed", "error", "duplicate", "processed"]
        with sqlite3.connect(db) as conn:  # committed: another connection sees the rows
            groups = conn.execute("SELECT group_id FROM articles ORDER BY rowid").fetchall()
            assert conn.execute("SELECT count(*) FROM items").fetchone() == (4,)
        assert len(groups) == 2 and groups[0] == groups[1]  # the edited copy joins the group
    finally:
        writer.close()
    assert writer._proc.returncode == 0


def test_an_error_in_the_writer_is_raised_in_the_job_with_its_type(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    started(db, "run-1")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER no_items BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'quota'); END"
        )
    writer = WriterProcess(db, "run-1", 0.5)
    try:
        writer.wait()
        writer.write(outcomes([NOTE]))
        with pytest.raises(StoreError, match="quota"):
            writer.wait()
    finally:
        writer.close()
    with sqlite3.connect(db) as conn:  # the failed group was rolled back
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_ctrl_c_ends_the_run_as_interrupted_and_the_rerun_finishes_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1500):
        words = " ".join(f"terme{i}n{j}" for j in range(50))
        (folder / f"n{i:05d}.txt").write_text(f"Note {i}. {words}.", "utf-8")
    db = tmp_path / "t.db"
    command = [*VEILLE, "ingest", str(folder), "--db", str(db), "--no-analyze"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, start_new_session=True)
    try:
        _interrupt_after(proc, db, items=100)
        proc.communicate(timeout=60)
    finally:  # never leave the job behind, even if it hangs
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode != 0, "the ingest finished before it could be interrupted"
    with sqlite3.connect(db) as conn:
        status, count_in = conn.execute("SELECT status, count_in FROM runs").fetchone()
        written = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    assert status == "interrupted" and 0 < written == count_in < 1500  # what was read is written
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert "1500 in, 1500 processed, 0 duplicates, 0 errors" in rerun.stdout, rerun.stderr


def _interrupt_after(proc: subprocess.Popen[bytes], db: Path, items: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if _items(db) >= items:
            os.killpg(proc.pid, signal.SIGINT)  # as a terminal would: the whole group
            return
        time.sleep(0.02)


def _items(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=0.1)
        try:
            return int(conn.execute("SELECT count(*) FROM items").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
