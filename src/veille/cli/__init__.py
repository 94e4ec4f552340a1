"""The ``veille`` command: a click group whose commands are thin shells over the library."""

from __future__ import annotations

import click

from veille import __version__
from veille.cli.analyze import analyze_command, demo_command
from veille.cli.deals import COMMANDS as DEAL_COMMANDS
from veille.cli.eval import eval_all_command, eval_command
from veille.cli.ingest import ingest_command, stats_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="veille")
def main() -> None:
    """veille: source-attributed records of defence cooperation from the news."""


main.add_command(analyze_command)
main.add_command(demo_command)
main.add_command(eval_command)
main.add_command(eval_all_command)
main.add_command(ingest_command)
main.add_command(stats_command)
for _command in DEAL_COMMANDS:
    main.add_command(_command)
