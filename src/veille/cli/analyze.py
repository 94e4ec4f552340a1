"""``veille analyze`` and ``veille demo``: thin shells over ``veille.analyze``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from veille.errors import InputError, VeilleError
from veille.models import Extraction
from veille.pipeline import MAX_CHARS, Failure, analyze, analyze_many
from veille.summary import format_summary


def fail(exc: VeilleError) -> NoReturn:
    """Print a one-line error and exit with the error's code (no traceback)."""
    click.echo(f"veille: error: {exc}", err=True)
    sys.exit(exc.exit_code)


def open_input(source: str) -> IO[bytes]:
    """Standard input for ``-``, else the file, opened for reading bytes."""
    if source == "-":
        return sys.stdin.buffer
    try:
        return Path(source).open("rb")  # noqa: SIM115  (closed by the caller's with)
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}") from exc


def read_input(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}") from exc


def emit(extraction: Extraction, *, summary: bool, compact: bool, include_text: bool) -> None:
    if summary:
        click.echo(format_summary(extraction))
    elif compact:
        click.echo(json.dumps(extraction.to_dict(include_text=include_text), ensure_ascii=False))
    else:
        payload = extraction.to_dict(include_text=include_text)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def read_jsonl(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Parse JSON lines; a bad line becomes an item whose ``text`` is missing, with a reason."""
    for raw in stream:
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            item = {"_error": f"line is not JSON ({exc.msg})"}
        yield item if isinstance(item, dict) else {"_error": "line is not a JSON object"}


def run_jsonl(source: str, *, summary: bool, include_text: bool, max_chars: int) -> None:
    """One extraction per line out, errors on stderr, and a count that adds up."""
    counts = {"in": 0, "processed": 0, "errors": 0}
    with open_input(source) as stream:
        for result in analyze_many(read_jsonl(stream), max_chars=max_chars):
            counts["in"] += 1
            if isinstance(result, Failure):
                counts["errors"] += 1
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False), err=True)
            else:
                counts["processed"] += 1
                emit(result, summary=summary, compact=True, include_text=include_text)
    click.echo(
        f"veille: {counts['in']} in, {counts['processed']} processed, {counts['errors']} errors",
        err=True,
    )
    if counts["errors"]:
        sys.exit(1)


@click.command("analyze")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--published", help="Publication date (YYYY-MM-DD): the anchor of relative dates.")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language; detected when absent.")
@click.option("--outlet", help="The outlet that published the article.")
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read one article per line (id, text, published, "
    "lang, outlet); write one extraction per line.",
)
@click.option("--summary", is_flag=True, help="Print a readable summary instead of JSON.")
@click.option("--include-text", is_flag=True, help="Include the article text in the JSON.")
@click.option(
    "--max-chars",
    type=int,
    default=MAX_CHARS,
    show_default=True,
    help="Refuse articles longer than this.",
)
def analyze_command(
    source: str,
    published: str | None,
    lang: str | None,
    outlet: str | None,
    jsonl: bool,
    summary: bool,
    include_text: bool,
    max_chars: int,
) -> None:
    """Read one article (FILE, or - for standard input) and print what veille extracts.

    The JSON has the layers of the gold format (see docs/schema.md) with offsets,
    evidence, extractor and confidence on every item.
    """
    try:
        if jsonl:
            run_jsonl(source, summary=summary, include_text=include_text, max_chars=max_chars)
            return
        extraction = analyze(
            read_input(source),
            lang=lang,
            published=published,
            outlet=outlet,
            max_chars=max_chars,
        )
        emit(extraction, summary=summary, compact=False, include_text=include_text)
    except VeilleError as exc:
        fail(exc)


@click.command("demo")
@click.argument("examples", default="examples", type=click.Path(file_okay=False))
def demo_command(examples: str) -> None:
    """Run veille over the bundled example corpus and print what it found."""
    from veille.demo import run_demo

    try:
        click.echo(run_demo(Path(examples)))
    except VeilleError as exc:
        fail(exc)
