"""Documentation is a contract: every command has help text and a section in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = DOCS.parent / "README.md"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_has_help_text(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert len(main.commands[command].help or "") > 20


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_has_a_section_in_the_docs(command: str) -> None:
    assert f"## veille {command}" in (DOCS / "cli.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_options_are_documented(command: str) -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    for param in main.commands[command].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in text, f"{command} {opt} is not in docs/cli.md"


def test_readme_gives_the_two_setup_commands() -> None:
    text = README.read_text("utf-8")
    assert "make demo" in text and "make test" in text


@pytest.mark.parametrize("doc", ["schema.md", "entities.md", "kb.md", "eval.md", "cli.md"])
def test_readme_points_at_each_doc(doc: str) -> None:
    assert f"docs/{doc}" in README.read_text("utf-8")
