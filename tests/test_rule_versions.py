"""Extractor versions: every fact carries the version of the rules that made it, and a
change to any rule, rule file or knowledge-base entry gives a new version."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from veille.nlp import build


def test_every_component_carries_the_rules_version() -> None:
    assert re.fullmatch(r"1\+[0-9a-f]{8}", build.RULES_VERSION)
    extractors = [build.SENTENCES[1], *(extractor for _, extractor in build.COMPONENTS)]
    extractors += [build.ENTITY_EXTRACTOR, build.EVENT_EXTRACTOR, build.DEAL_EXTRACTOR]
    assert {extractor.version for extractor in extractors} == {build.RULES_VERSION}


def test_the_digest_is_of_the_installed_rules() -> None:
    assert f"{build.RULES_MAJOR}+{build.rules_digest()}" == build.RULES_VERSION


def copy_of_the_rules(tmp_path: Path) -> tuple[Path, Path]:
    nlp, kb = Path(build.__file__).parent, Path(build.veille.kb.__file__).parent
    copies = (tmp_path / "nlp", tmp_path / "kb")
    for source, target in zip((nlp, kb), copies, strict=True):
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return copies


def test_a_changed_rule_file_or_kb_entry_changes_the_digest(tmp_path: Path) -> None:
    roots = copy_of_the_rules(tmp_path)
    before = build.rules_digest(roots)
    assert before == build.rules_digest()  # the copy hashes as the package does
    triggers = roots[0] / "patterns" / "event_triggers.v1.json"
    triggers.write_text(triggers.read_text("utf-8") + "\n", "utf-8")
    after_rule = build.rules_digest(roots)
    systems = roots[1] / "data" / "systems.v1.jsonl"
    systems.write_bytes(systems.read_bytes() + b"\n")
    assert len({before, after_rule, build.rules_digest(roots)}) == 3


def test_compiled_files_and_notes_do_not_change_it(tmp_path: Path) -> None:
    roots = copy_of_the_rules(tmp_path)
    before = build.rules_digest(roots)
    (roots[0] / "__pycache__").mkdir()
    (roots[0] / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"\x00compiled")
    (roots[1] / "NOTES.txt").write_text("scratch", "utf-8")
    assert build.rules_digest(roots) == before
