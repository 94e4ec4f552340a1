"""``veille eval`` and its report, with a fake analysis function instead of the models."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from veille.cli import eval as eval_cli
from veille.cli.eval import eval_all_command, eval_command
from veille.errors import GoldFormatError, QualityFloorError
from veille.eval.report import format_file_line, format_report, result_to_json
from veille.eval.runner import EvalResult, FileResult, combine_files
from veille.eval.score import FieldCount, LayerScore

TEXT = "Rabat et Tel-Aviv ont conclu un accord en novembre 2021."

GOLD: dict[str, Any] = {
    "id": "g-001",
    "lang": "fr",
    "published": "2025-09-15",
    "outlet": "Yabiladi",
    "entities": [
        {"name": "Maroc", "type": "GPE", "kind": "country", "country": "MA",
         "mentions": ["Rabat"]},
        {"name": "Israël", "type": "GPE", "kind": "country", "country": "IL",
         "mentions": ["Tel-Aviv"]},
    ],
    "timexes": [{"text": "novembre 2021", "type": "DATE", "value": "2021-11"}],
}  # fmt: skip

PERFECT: dict[str, Any] = {
    "entities": copy.deepcopy(GOLD["entities"]),
    "timexes": [{"text": "novembre 2021", "type": "DATE", "value": "2021-11", "start": 42,
                 "end": 55}],
}  # fmt: skip
MISSING_ISRAEL: dict[str, Any] = {**PERFECT, "entities": PERFECT["entities"][:1]}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "g-001.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "g-001.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def run_eval(monkeypatch: pytest.MonkeyPatch, predicted: dict[str, Any], *args: str) -> Result:
    """Invoke ``veille eval`` with an analysis that returns ``predicted``."""

    def analyze(
        text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
    ) -> dict[str, Any]:
        return copy.deepcopy(predicted)

    monkeypatch.setattr(eval_cli, "_default_analyze", analyze)
    return CliRunner().invoke(eval_command, list(args))


def test_the_offsets_in_the_fixture_point_at_the_timex() -> None:
    assert TEXT[42:55] == "novembre 2021"


def test_a_perfect_prediction_exits_zero(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    result = run_eval(monkeypatch, PERFECT, str(gold_dir))
    assert result.exit_code == 0, result.output
    assert "every file is perfect" in result.stdout


@pytest.mark.parametrize(
    ("floor", "exit_code", "failure"),
    [
        ("entities.f1=0.95", QualityFloorError.exit_code, "entities.f1 = 0.667 < 0.95"),
        ("entities.r=0.5", 0, None),
        ("entities.type=1", 0, None),
        ("timexes.value=0.9", 0, None),
        ("amounts.f1=0.5", QualityFloorError.exit_code, "layer 'amounts' was not scored"),
    ],
)
def test_floors_set_the_exit_code(
    monkeypatch: pytest.MonkeyPatch,
    gold_dir: Path,
    floor: str,
    exit_code: int,
    failure: str | None,
) -> None:
    result = run_eval(monkeypatch, MISSING_ISRAEL, str(gold_dir), "--min", floor)
    assert result.exit_code == exit_code
    if failure is not None:
        assert f"floor not met: {floor.split('=')[0]}" in result.stderr
        assert failure in result.stderr


def test_every_failed_floor_is_printed(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    args = ["--min", "entities.f1=0.9", "--min", "entities.r=0.9", "--min", "timexes.f1=0.9"]
    result = run_eval(monkeypatch, MISSING_ISRAEL, str(gold_dir), *args)
    assert result.stderr.count("floor not met") == 2


@pytest.mark.parametrize(
    "floor", ["entities.f1", "entities=0.9", "entities.value=0.9", "people.f1=0.9", "x.f1=high"]
)
def test_a_malformed_floor_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, floor: str
) -> None:
    result = run_eval(monkeypatch, PERFECT, str(gold_dir), "--min", floor)
    assert result.exit_code == 2
    assert "LAYER.METRIC=VALUE" in result.output or "not a number" in result.output


def test_a_malformed_gold_file_exits_with_one_line(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path
) -> None:
    bad = {**GOLD, "entities": [{**GOLD["entities"][0], "type": "LOC"}]}
    (gold_dir / "g-001.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run_eval(monkeypatch, PERFECT, str(gold_dir))
    assert result.exit_code == GoldFormatError.exit_code
    assert result.stderr.count("\n") == 1
    assert "$.entities[0].type" in result.stderr
    assert "Traceback" not in result.output


def test_one_gold_file_can_be_given(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    result = run_eval(monkeypatch, PERFECT, str(gold_dir / "g-001.json"))
    assert result.exit_code == 0, result.output
    assert "1 gold file(s)" in result.stdout


def test_the_report_points_at_the_file_that_falls_short(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path
) -> None:
    result = run_eval(monkeypatch, MISSING_ISRAEL, str(gold_dir))
    assert "g-001  entities  F1 0.667  missed: Israël (GPE)" in result.stdout


def test_json_output_parses(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    result = run_eval(monkeypatch, MISSING_ISRAEL, str(gold_dir), "--json")
    data = json.loads(result.stdout)
    assert data["layers"]["entities"]["fn"] == 1
    assert data["files"][0]["layers"]["entities"]["missed"] == ["Israël (GPE)"]


@pytest.mark.parametrize(
    ("layers", "shown"), [("entities", ["entities"]), ("timexes", ["timexes"])]
)
def test_layers_option_restricts_scoring(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, layers: str, shown: list[str]
) -> None:
    result = run_eval(monkeypatch, PERFECT, str(gold_dir), "--json", "--layers", layers)
    assert list(json.loads(result.stdout)["layers"]) == shown


def test_an_unknown_layer_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    result = run_eval(monkeypatch, PERFECT, str(gold_dir), "--layers", "entities,people")
    assert result.exit_code == 2
    assert "unknown layer 'people'" in result.output


def test_the_command_has_help_text() -> None:
    result = CliRunner().invoke(eval_command, ["--help"])
    assert result.exit_code == 0
    assert "GOLD_DIR" in result.output
    assert "--min" in result.output


# -- report ---------------------------------------------------------------------------------


def sample_result() -> EvalResult:
    score = LayerScore(
        tp=33,
        fp=2,
        fn=1,
        fields={"type": FieldCount(32, 33), "kind": FieldCount(0, 0)},
        missed=("Sibat (ORG)",),
        spurious=("a", "b", "c", "d", "e"),
        wrong=("IAI (ORG): type ORG, got PERSON",),
    )
    perfect = LayerScore(tp=1, fields={"value": FieldCount(1, 1)})
    files = [
        FileResult("art-1", Path("art-1.json"), {"entities": score, "timexes": perfect}),
        FileResult("art-2", Path("art-2.json"), {"timexes": perfect}),
    ]
    return combine_files(files)


@pytest.mark.parametrize(
    "line",
    [
        "entities      1    33     2     1  0.943  0.971  0.957",
        "type 0.97 (32/33)  kind n/a (0/0)",
        "timexes       2     2     0     0  1.000  1.000  1.000",
        "files that fall short:",
    ],
)
def test_report_shows_layer_rows_and_field_counts(line: str) -> None:
    assert line in format_report(sample_result())


def test_report_has_one_line_per_file_and_layer_that_falls_short() -> None:
    short = [line for line in format_report(sample_result()).splitlines() if "  F1 " in line]
    assert short == [
        "art-1  entities  F1 0.957  missed: Sibat (ORG) | spurious: a; b; c (+2 more) | "
        "wrong: IAI (ORG): type ORG, got PERSON"
    ]


def test_file_line_without_problems_has_only_the_score() -> None:
    assert format_file_line("x", "deals", LayerScore()) == "x  deals  F1 1.000"


def test_result_to_json_holds_totals_and_files() -> None:
    data = result_to_json(sample_result())
    assert data["layers"]["entities"]["fields"]["type"] == {
        "accuracy": 32 / 33,
        "correct": 32,
        "total": 33,
    }
    assert data["layers"]["timexes"]["files"] == 2
    assert [f["id"] for f in data["files"]] == ["art-1", "art-2"]
    json.dumps(data)


# ---- --baseline and eval-all ------------------------------------------------------------

BASELINE_PREDICTION: dict[str, Any] = {"entities": PERFECT["entities"][:1], "timexes": []}


def run_with_baseline(
    monkeypatch: pytest.MonkeyPatch, command: click.Command, *args: str
) -> Result:
    """Invoke a command with veille predicting PERFECT and the baseline a poorer guess."""

    def baseline(
        text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
    ) -> dict[str, Any]:
        return copy.deepcopy(BASELINE_PREDICTION)

    monkeypatch.setattr(eval_cli, "_baseline_analyze", baseline)
    monkeypatch.setattr(eval_cli, "_default_analyze", lambda text, **meta: copy.deepcopy(PERFECT))
    return CliRunner().invoke(command, list(args))


@pytest.mark.parametrize(
    "line",
    [
        "veille vs baseline (spaCy NER + dateparser + currency regex)",
        "entities  f1             1.000     0.667",
        "entities  r              1.000     0.500",
        "timexes   r              1.000     0.000",
    ],
)
def test_baseline_prints_both_side_by_side(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, line: str
) -> None:
    result = run_with_baseline(monkeypatch, eval_command, str(gold_dir), "--baseline")
    assert result.exit_code == 0, result.output
    assert line in result.stdout


def test_baseline_json_holds_both(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    result = run_with_baseline(monkeypatch, eval_command, str(gold_dir), "--baseline", "--json")
    data = json.loads(result.stdout)
    assert data["layers"]["entities"]["f1"] == 1.0
    assert data["baseline"]["layers"]["entities"]["r"] == 0.5


def test_eval_all_prints_one_table(monkeypatch: pytest.MonkeyPatch, gold_dir: Path) -> None:
    args = ["--gold", f"mine={gold_dir}", "--shared", str(gold_dir / "absent")]
    result = run_with_baseline(monkeypatch, eval_all_command, *args)
    assert result.exit_code == 0, result.output
    assert "mine             entities.p              1   1.000     1.000" in result.stdout
    assert "entities.f1             1   1.000     0.667" in result.stdout
    assert "timexes.value" in result.stdout


@pytest.mark.parametrize(("floor", "exit_code"), [("0.99", 0), ("1.0", 0)])
def test_eval_all_checks_the_floors(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, tmp_path: Path, floor: str, exit_code: int
) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text(f'[mine]\n"entities.f1" = {floor}\n', encoding="utf-8")
    args = ["--gold", f"mine={gold_dir}", "--shared", str(tmp_path / "absent")]
    result = run_with_baseline(monkeypatch, eval_all_command, *args, "--floors", str(floors))
    assert result.exit_code == exit_code, result.output
    assert "quality gate (tolerance 0.02): passed" in result.stderr


def test_eval_all_fails_more_than_the_tolerance_below_a_floor(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, tmp_path: Path
) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text('[mine]\n"quotes.f1" = 0.5\n"timexes.value" = 1.0\n', encoding="utf-8")
    monkeypatch.setattr(
        eval_cli, "_default_analyze", lambda text, **meta: copy.deepcopy(MISSING_ISRAEL)
    )
    args = ["--gold", f"mine={gold_dir}", "--shared", str(tmp_path / "absent"), "--no-baseline"]
    result = CliRunner().invoke(eval_all_command, [*args, "--floors", str(floors)])
    assert result.exit_code == QualityFloorError.exit_code
    assert "floor not met: mine quotes.f1: not measured (floor 0.50)" in result.stderr


@pytest.mark.parametrize("spec", ["mine", "=dir", "mine="])
def test_a_malformed_gold_spec_is_a_usage_error(spec: str) -> None:
    result = CliRunner().invoke(eval_all_command, ["--gold", spec])
    assert result.exit_code == 2
