"""The ingest job: counts that add up, idempotency, syndication groups, workers, resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import main
from veille.ingest import IngestOptions, ingest
from veille.store import Store, queries

VEILLE = [str(Path(sys.executable).parent / "veille")]
CONTENT_TABLES = ("articles", "article_urls", "syndication_groups", "items", "errors", "sources",
                  "minhashes", "minhash_bands", "extractions")  # fmt: skip

STORY = (
    "Rabat a reçu les premiers drones Bayraktar Akinci commandés à la société turque Baykar, "
    "selon le site spécialisé Defense News qui cite des sources militaires. Le contrat, signé "
    "l'an dernier, porterait sur une douzaine d'appareils et un centre de maintenance. "
    "Les Forces armées royales comptent déployer les drones dans le sud du pays, a précisé "
    "le ministère de la Défense dans un communiqué publié mardi."
)
OTHER = (
    "L'Inde a signé avec la France un accord pour vingt-six Rafale Marine destinés à la "
    "marine indienne, a annoncé New Delhi. Les livraisons commenceront dans trois ans, et "
    "une partie de la maintenance sera faite en Inde par des entreprises locales."
)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    out = {
        t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in CONTENT_TABLES
    }
    runs = conn.execute(
        "SELECT id, job, status, count_in, count_processed, count_duplicates, count_errors FROM runs"
    ).fetchall()
    conn.close()
    return {**out, "runs": sorted(runs)}


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        words = " ".join(f"mot{i}x{j}" for j in range(60))
        (folder / f"doc{i:05d}.txt").write_text(f"Article {i}. {words}.", "utf-8")
    return folder


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*VEILLE, *args], capture_output=True, text=True, check=False)


def test_ingesting_the_same_files_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 20)
    (folder / "copy.txt").write_text((folder / "doc00003.txt").read_text("utf-8"), "utf-8")
    db = tmp_path / "t.db"
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--no-analyze"])
    assert first.exit_code == 0, first.output
    assert "21 in, 20 processed, 1 duplicates, 0 errors" in first.output
    before = dump(db)
    second = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--no-analyze"])
    assert "21 in, 20 processed, 1 duplicates, 0 errors" in second.output
    assert "21 already stored" in second.output
    after = dump(db)
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


def syndicated(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = {
        "a-original.txt": STORY,
        "b-footer.txt": STORY + "\nCet article est paru initialement sur Le Desk. Tous droits réservés.",
        "c-edited.txt": STORY.replace("mardi", "lundi").replace("une douzaine", "douze"),
        "d-header.txt": "Par la rédaction\n" + STORY,
        "e-exact.txt": STORY,
        "f-other.txt": OTHER,
    }  # fmt: skip
    for name, text in copies.items():
        (folder / name).write_text(text, "utf-8")
    return sorted(folder.iterdir())


def test_syndicated_copies_are_one_group(tmp_path: Path) -> None:
    syndicated(tmp_path / "in")
    with Store.open(tmp_path / "t.db") as store:
        result = ingest(store, [str(tmp_path / "in")], IngestOptions(analyze=False))
        assert (result.counts.processed, result.counts.duplicates) == (5, 1)
        groups = store.query("SELECT group_id, count(*) AS n FROM articles GROUP BY group_id")
        assert sorted(g["n"] for g in groups) == [1, 4]
        ids = [r["id"] for r in store.query("SELECT id FROM articles")]
        assert queries.count_groups(store, ids) == 2


@pytest.mark.model
def test_corroboration_counts_groups_not_copies(tmp_path: Path) -> None:
    syndicated(tmp_path / "in")
    (tmp_path / "in" / "g-independent.txt").write_text(
        "Le Maroc a réceptionné des drones turcs de Baykar, confirme une source militaire à "
        "Rabat. Les appareils seront basés près de Guelmim, dans le sud du royaume.", "utf-8"
    )  # fmt: skip
    with Store.open(tmp_path / "t.db") as store:
        ingest(store, [str(tmp_path / "in")], IngestOptions(analyze=True))
        entity = store.scalar("SELECT entity_id FROM mentions WHERE text = 'Baykar' LIMIT 1")
        found = queries.corroboration(store, entity)
    assert found.articles == 5 and found.groups == 2


def test_workers_give_the_same_database(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 30)
    syndicated(folder / "synd")
    for name, workers in (("one.db", 1), ("two.db", 2)):
        with Store.open(tmp_path / name) as store:
            ingest(store, [str(folder)], IngestOptions(analyze=False, workers=workers))
    assert dump(tmp_path / "one.db")["articles"] == dump(tmp_path / "two.db")["articles"]
    assert dump(tmp_path / "one.db")["items"] == dump(tmp_path / "two.db")["items"]


def test_since_filters_by_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        f'{{"text": "{STORY}", "date": "2023-01-01"}}\n{{"text": "{OTHER}", "date": "2024-06-01"}}\n',
        "utf-8",
    )
    db = tmp_path / "t.db"
    result = CliRunner().invoke(
        main, ["ingest", str(path), "--db", str(db), "--no-analyze", "--since", "2024-01-01"]
    )
    assert "2 in, 1 processed, 0 duplicates, 1 errors" in result.output
    with Store.read(db) as store:
        assert store.scalar("SELECT reason FROM errors") == "before_since"


def test_stdin_and_stats(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["ingest", "-", "--db", db, "--no-analyze"], input=STORY)
    assert "1 in, 1 processed" in result.output
    stats = CliRunner().invoke(main, ["stats", "--db", db, "--search", "Akinci"])
    assert "articles: 1" in stats.output and "Akinci" not in stats.output.split("\n")[0]
    assert len(stats.output.strip().split("\n")) > 5


@pytest.mark.model
def test_analysis_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, "utf-8")
    with Store.open(tmp_path / "t.db") as store:
        ingest(store, [str(path)], IngestOptions(analyze=True))
        assert store.scalar("SELECT schema_version FROM extractions") == "1.0"
        assert store.scalar("SELECT count(*) FROM mentions") > 0
        kb = store.scalar("SELECT kb_id FROM entities WHERE kb_id IS NOT NULL LIMIT 1")
        assert kb is not None


def test_sigkill_halfway_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 2000)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    assert cli("ingest", str(folder), "--db", str(whole), "--no-analyze").returncode == 0
    proc = subprocess.Popen([*VEILLE, "ingest", str(folder), "--db", str(killed), "--no-analyze"])
    seen = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            try:
                conn = sqlite3.connect(killed, timeout=0.1)
                seen = conn.execute("SELECT count(*) FROM items").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                seen = 0
            if seen >= 400:
                os.kill(proc.pid, signal.SIGKILL)
                break
        time.sleep(0.02)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 0 < seen < 2000
    rerun = cli("ingest", str(folder), "--db", str(killed), "--no-analyze")
    assert rerun.returncode == 0, rerun.stderr
    assert "2000 in, 2000 processed, 0 duplicates, 0 errors" in rerun.stdout
    assert "resumed an interrupted run" in rerun.stdout
    assert dump(killed) == dump(whole)
