"""``veille eval GOLD_DIR``: score veille against gold files, with optional quality floors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click

from veille.errors import QualityFloorError, VeilleError
from veille.eval import (
    EvalResult,
    check_floors,
    evaluate,
    format_report,
    known_metrics,
    load_gold_dir,
    load_gold_file,
    result_to_json,
)
from veille.eval.report import format_comparison
from veille.models import LAYERS

if TYPE_CHECKING:
    from veille.eval.gate import GateResult
    from veille.models import Extraction


def _default_analyze(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> Mapping[str, Any]:
    """veille's own analysis, as the JSON dict of ``veille analyze`` (loads the models)."""
    from veille import analyze

    run = cast("Callable[..., Extraction]", analyze)
    return run(text, lang=lang, published=published, outlet=outlet).to_dict()


def _baseline_analyze(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> Mapping[str, Any]:
    """The baseline's analysis: stock spaCy NER, dateparser and a currency regex."""
    from veille.eval.baseline import baseline_analyze

    return baseline_analyze(text, lang=lang, published=published, outlet=outlet)


def _parse_floor(spec: str) -> tuple[str, float]:
    name, sep, raw = spec.partition("=")
    layer, _, metric = name.strip().partition(".")
    if not sep or layer not in LAYERS or metric not in known_metrics(layer):
        raise click.BadParameter(
            f"{spec!r}: expected LAYER.METRIC=VALUE, LAYER one of {', '.join(LAYERS)}, "
            "METRIC p, r, f1 or a field name (entities.type, timexes.value, ...)"
        )
    try:
        value = float(raw)
    except ValueError:
        raise click.BadParameter(f"{spec!r}: {raw!r} is not a number") from None
    return f"{layer}.{metric}", value


def _floors_option(
    ctx: click.Context, param: click.Parameter, specs: tuple[str, ...]
) -> dict[str, float]:
    return dict(_parse_floor(spec) for spec in specs)


def _layers_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    layers = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in layers if name not in LAYERS]
    if unknown or not layers:
        shown = unknown[0] if unknown else value
        raise click.BadParameter(f"unknown layer {shown!r}; known: {', '.join(LAYERS)}")
    return layers


def _fail(ctx: click.Context, error: VeilleError) -> NoReturn:
    click.echo(f"error: {error}", err=True)
    ctx.exit(error.exit_code)


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--min",
    "floors",
    multiple=True,
    metavar="LAYER.METRIC=VALUE",
    callback=_floors_option,
    help="A floor, e.g. entities.f1=0.95 or timexes.value=0.9; repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--layers",
    callback=_layers_option,
    metavar="LAYER,...",
    help="Score only these layers (e.g. entities,timexes).",
)
@click.option(
    "--baseline",
    is_flag=True,
    help="Also score the baseline (stock spaCy NER, dateparser, a currency regex) and "
    "print both side by side.",
)
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold_dir: Path,
    floors: dict[str, float],
    as_json: bool,
    layers: tuple[str, ...] | None,
    baseline: bool,
) -> None:
    """Score veille on the gold files of GOLD_DIR (or on one gold file).

    Prints P, R, F1 and field accuracies per layer, then one line per file that falls
    short. Exits non-zero when a --min floor is not met, or a gold file is malformed.
    """
    try:
        gold = load_gold_dir(gold_dir) if gold_dir.is_dir() else [load_gold_file(gold_dir)]
        result = evaluate(gold, _default_analyze, layers=layers)
        other = evaluate(gold, _baseline_analyze, layers=layers) if baseline else None
    except VeilleError as exc:
        _fail(ctx, exc)
    _echo_result(result, other, as_json)
    failures = check_floors(result, floors)
    for failure in failures:
        click.echo(f"floor not met: {failure}", err=True)
    if failures:
        ctx.exit(QualityFloorError.exit_code)


def _echo_result(result: EvalResult, baseline: EvalResult | None, as_json: bool) -> None:
    """Print the report (and the comparison with the baseline, when it was scored)."""
    name = _baseline_name() if baseline is not None else ""
    if as_json:
        data = result_to_json(result)
        if baseline is not None:
            data["baseline"] = {"name": name, **result_to_json(baseline)}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(format_report(result))
    if baseline is not None:
        click.echo("\n" + format_comparison(result, baseline, name))


def _baseline_name() -> str:
    from veille.eval.baseline import NAME

    return NAME


def _gold_option(
    ctx: click.Context, param: click.Parameter, specs: tuple[str, ...]
) -> dict[str, Path]:
    corpora = {}
    for spec in specs or DEFAULT_GOLD:
        name, sep, path = spec.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise click.BadParameter(f"{spec!r}: expected NAME=DIR (e.g. dev=gold/dev)")
        corpora[name.strip()] = Path(path.strip())
    return corpora


DEFAULT_GOLD = ("examples=examples/gold", "dev=gold/dev")


@click.command("eval-all")
@click.option(
    "--gold",
    "gold",
    multiple=True,
    metavar="NAME=DIR",
    callback=_gold_option,
    help="A gold corpus to score, repeatable (default: examples=examples/gold, dev=gold/dev).",
)
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=Path("../shared"),
    envvar="VEILLE_SHARED",
    show_default=True,
    help="The shared data: its gold/ is scored as 'seed', its eval/ holds the peer suites.",
)
@click.option(
    "--floors",
    "floors_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A floors file (quality/floors.toml): check the quality gate after the table.",
)
@click.option("--no-baseline", is_flag=True, help="Score veille only (faster).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@click.pass_context
def eval_all_command(
    ctx: click.Context,
    gold: dict[str, Path],
    shared: Path,
    floors_file: Path | None,
    no_baseline: bool,
    as_json: bool,
) -> None:
    """Score veille and the baseline on every corpus and print one table.

    Rows are corpus x LAYER.METRIC: the gold corpora (--gold), the seed (SHARED/gold) and
    the peer suites (SHARED/eval); absent corpora are skipped. With --floors, exits 6 when
    a score falls more than the gate's tolerance below its floor.
    """
    from veille.eval.gate import gate_rows, load_floors
    from veille.eval.suite import PEERS, available, format_suite, rows_to_json, run_suite

    corpora = available({**gold, "seed": shared / "gold", PEERS: shared / "eval"})
    try:
        floors = load_floors(floors_file) if floors_file is not None else None
        rows = run_suite(
            corpora,
            baseline=not no_baseline,
            analyze=_default_analyze,
            baseline_analyze=_baseline_analyze,
        )
    except VeilleError as exc:
        _fail(ctx, exc)
    if as_json:
        click.echo(json.dumps(rows_to_json(rows), ensure_ascii=False, indent=2))
    else:
        shown = ", ".join(f"{name} ({path})" for name, path in corpora.items())
        click.echo(f"veille eval-all: {shown}\n\n{format_suite(rows)}")
    if floors is not None:
        _report_gate(ctx, gate_rows(rows, floors, corpora))


def _report_gate(ctx: click.Context, result: GateResult) -> None:
    from veille.eval.gate import TOLERANCE

    for failure in result.failures:
        click.echo(f"floor not met: {failure}", err=True)
    skipped = f"; skipped (absent): {', '.join(result.skipped)}" if result.skipped else ""
    verdict = "passed" if result.passed else f"FAILED ({len(result.failures)})"
    click.echo(f"\nquality gate (tolerance {TOLERANCE}): {verdict}{skipped}", err=True)
    if not result.passed:
        ctx.exit(QualityFloorError.exit_code)
