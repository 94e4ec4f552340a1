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
    check_floors,
    evaluate,
    format_report,
    known_metrics,
    load_gold_dir,
    load_gold_file,
    result_to_json,
)
from veille.models import LAYERS

if TYPE_CHECKING:
    from veille.models import Extraction


def _default_analyze(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> Mapping[str, Any]:
    """veille's own analysis, as the JSON dict of ``veille analyze`` (loads the models)."""
    from veille import analyze

    run = cast("Callable[..., Extraction]", analyze)
    return run(text, lang=lang, published=published, outlet=outlet).to_dict()


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
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold_dir: Path,
    floors: dict[str, float],
    as_json: bool,
    layers: tuple[str, ...] | None,
) -> None:
    """Score veille on the gold files of GOLD_DIR (or on one gold file).

    Prints P, R, F1 and field accuracies per layer, then one line per file that falls
    short. Exits non-zero when a --min floor is not met, or a gold file is malformed.
    """
    try:
        gold = load_gold_dir(gold_dir) if gold_dir.is_dir() else [load_gold_file(gold_dir)]
        result = evaluate(gold, _default_analyze, layers=layers)
    except VeilleError as exc:
        _fail(ctx, exc)
    if as_json:
        click.echo(json.dumps(result_to_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result))
    failures = check_floors(result, floors)
    for failure in failures:
        click.echo(f"floor not met: {failure}", err=True)
    if failures:
        ctx.exit(QualityFloorError.exit_code)
