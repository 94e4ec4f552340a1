"""The deal commands over three outlets' reports of one deal (examples fr-14, fr-15, fr-16:
the example corpus's multi-outlet deal), and over the whole example corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner, Result

from conftest import EXAMPLES
from veille.cli import main
from veille.ingest import IngestOptions, ingest
from veille.resolve.keys import sortable
from veille.store import Store

MULTI_OUTLET = ("fr-14", "fr-15", "fr-16")  # one deal told by three invented outlets


def write_multi_outlet_jsonl(out: Path) -> Path:
    """The three articles as JSONL with their outlet and publication date (from gold)."""
    with out.open("w", encoding="utf-8") as handle:
        for name in MULTI_OUTLET:
            gold = json.loads((EXAMPLES / "gold" / f"{name}.json").read_text("utf-8"))
            text = (EXAMPLES / "corpus" / f"{name}.txt").read_text("utf-8")
            row = {"text": text, "lang": "fr", "title": name, "outlet": gold["outlet"]}
            row |= {"published": gold["published"], "url": f"https://example.org/{name}"}
            handle.write(json.dumps(row) + "\n")
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("deals")
    corpus = write_multi_outlet_jsonl(tmp / "corpus.jsonl")
    with Store.open(tmp / "v.db") as store:
        ingest(store, [str(corpus)], IngestOptions())
    return str(tmp / "v.db")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def deal_id(db: str) -> str:
    rows = json.loads(run("deals", "--db", db, "--format", "json").output)
    assert len(rows) == 1
    return str(rows[0]["id"])


def test_show_deal_gives_both_values_with_sources_and_the_dated_history(
    db: str, deal_id: str
) -> None:
    out = run("show", "deal", deal_id, "--db", db).output
    history = out[out.index("status history:") : out.index("supplier:")]
    assert history.index("2025-08  negotiating") < history.index("2025-11-14  ordered")
    assert "Le Défenseur, 2025-08-12" in history and "Afrique Défense, 2025-11-20" in history
    value = out[out.index("value:") : out.index("date:")]
    assert "(sources disagree)" in value
    assert "about 22,000,000 USD" in value and "20,000,000 USD" in value
    assert value.index("Le Défenseur") < value.index("20,000,000") < value.index("Dakar Matin")
    assert '"Le montant du contrat' not in value  # the evidence is the deal's sentence
    assert "corroboration: 3 independent sources" in out


def test_show_deal_as_json_keeps_each_value_with_its_article(db: str, deal_id: str) -> None:
    dossier = json.loads(run("show", "deal", deal_id, "--db", db, "--json").output)
    values = {v["value"]["value"]: [s["outlet"] for s in v["sources"]] for v in
              dossier["fields"]["value"]}  # fmt: skip
    assert values == {22_000_000: ["Le Défenseur"], 20_000_000: ["Dakar Matin"]}
    assert [step["status"] for step in dossier["history"]] == ["negotiating", "ordered"]


@pytest.mark.parametrize(
    ("args", "count"),
    [
        ((), 1),
        (("--recipient", "SN"), 1),
        (("--recipient", "Sénégal"), 1),
        (("--supplier", "IL"), 1),
        (("--supplier", "Elbit Systems"), 1),
        (("--supplier", "SN"), 0),
        (("--system", "Hermes"), 1),
        (("--status", "ordered"), 1),
        (("--status", "negotiating"), 0),
        (("--since", "2025-11-01"), 1),
        (("--since", "2026-01-01"), 0),
    ],
)
def test_deal_filters(db: str, args: tuple[str, ...], count: int) -> None:
    rows = json.loads(run("deals", "--db", db, "--format", "json", *args).output)
    assert len(rows) == count


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_deals_output_formats(db: str, fmt: str) -> None:
    out = run("deals", "--db", db, "--format", fmt).output
    assert "Hermes 900" in out and "ordered" in out


def test_timeline_puts_deal_steps_and_events_in_date_order(db: str) -> None:
    rows = json.loads(run("timeline", "SN", "IL", "--db", db, "--format", "json").output)
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, key=sortable)
    steps = [r["what"] for r in rows if r["kind"] == "deal"]
    assert steps == ["negotiating", "ordered"]
    assert any(r["kind"] == "event" for r in rows)


def test_events_lists_the_negotiations(db: str) -> None:
    rows = json.loads(run("events", "--db", db, "--type", "negotiation", "--format", "json").output)
    assert rows and all(r["type"] == "negotiation" for r in rows)


def test_search_finds_articles_and_their_deals(db: str, deal_id: str) -> None:
    rows = json.loads(run("search", "Hermes", "--db", db, "--format", "json").output)
    assert len(rows) == 3 and all(r["deals"] == deal_id for r in rows)


@pytest.mark.parametrize(("kind", "ident", "expected"), [
    ("entity", "Elbit Systems", "as supplier_org"),
    ("entity", "SN", "as recipient"),
])  # fmt: skip
def test_show_entity(db: str, kind: str, ident: str, expected: str) -> None:
    assert expected in run("show", kind, ident, "--db", db).output


def test_show_event(db: str) -> None:
    rows = json.loads(run("events", "--db", db, "--type", "order", "--format", "json").output)
    out = run("show", "event", rows[0]["id"], "--db", db).output
    assert "Afrique Défense, 2025-11-20" in out and "Hermes 900" in out


def test_show_unknown_deal_fails_cleanly(db: str) -> None:
    result = CliRunner().invoke(main, ["show", "deal", "deal-000", "--db", db])
    assert result.exit_code == 2 and "no deal" in result.output


def test_export_csv_has_the_trade_register_shape(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db).output)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["supplier"], row["recipient"], row["designation"]) == ("IL", "SN", "Hermes 900")
    assert (row["number"], row["order_year"], row["status"]) == ("4", "2025", "ordered")
    assert "Le Défenseur" in row["value"] and "Dakar Matin" in row["value"]


def test_export_jsonl_gives_deals_and_events(db: str) -> None:
    lines = run("export", "--db", db, "--format", "jsonl").output.splitlines()
    kinds = {json.loads(line)["kind"] for line in lines}
    assert kinds == {"deal", "event"}


def test_export_graphml_is_xml_with_the_deal_edge(db: str, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    run("export", "--db", db, "--format", "graphml", "--out", str(out))
    root = ElementTree.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    assert any(e.get("source") == "country:IL" and e.get("target") == "country:SN" for e in edges)


def test_export_parquet_without_pyarrow_names_the_package(db: str, tmp_path: Path) -> None:
    try:
        import pyarrow  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        out = str(tmp_path / "d.parquet")
        result = CliRunner().invoke(
            main, ["export", "--db", db, "--format", "parquet", "--out", out]
        )
        assert result.exit_code == 2 and "pip install pyarrow" in result.output
    else:
        run("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "d.parquet"))
        assert (tmp_path / "d.parquet").stat().st_size > 0


def test_the_example_corpus_shows_its_multi_outlet_deal(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from veille.demo import write_corpus_jsonl

    tmp = tmp_path_factory.mktemp("examples")
    corpus = tmp / "corpus.jsonl"
    write_corpus_jsonl(EXAMPLES, corpus)
    with Store.open(tmp / "v.db") as store:
        ingest(store, [str(corpus)], IngestOptions())
    found = run("deals", "--db", str(tmp / "v.db"), "--recipient", "SN", "--system",
                "Hermes 900", "--format", "json").output  # fmt: skip
    rows = json.loads(found)
    assert len(rows) == 1
    out = run("show", "deal", str(rows[0]["id"]), "--db", str(tmp / "v.db")).output
    history = out[out.index("status history:") : out.index("supplier:")]
    assert history.index("negotiating") < history.index("2025-11-14  ordered")
    value = out[out.index("value:") : out.index("date:")]
    assert "(sources disagree)" in value and "Le Défenseur" in value and "Dakar Matin" in value
    assert "corroboration: 3 independent sources" in out
