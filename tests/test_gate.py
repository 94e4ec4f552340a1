"""The quality gate: the floors file, the tolerance, the gate on each corpus, and a broken rule.

The floors live in ``quality/floors.toml``, the one place for them (the entity floors that
``test_quality.py`` used to hard-code are folded in).
The live tests run veille on the example corpus, the development gold and, where
``../shared`` is present, the seed and the peer suites. The last test breaks a rule on a
copy of its data file and shows that the gate fails, naming the layer and metric.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, REPO
from veille.errors import QualityFloorError
from veille.eval.gate import TOLERANCE, check_gate, load_floors, run_gate
from veille.eval.runner import known_metrics
from veille.eval.suite import PEER_CORPORA, PEERS
from veille.models import LAYERS

FLOORS_FILE = REPO / "quality" / "floors.toml"
FLOORS = load_floors(FLOORS_FILE)


# ---- the tolerance ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fails"),
    [
        (0.95, False),
        (0.99, False),
        (0.95 - TOLERANCE + 0.001, False),
        (0.95 - TOLERANCE - 0.001, True),
        (0.5, True),
        (None, True),
    ],
)
def test_a_score_fails_only_more_than_the_tolerance_below_its_floor(
    value: float | None, fails: bool
) -> None:
    failures = check_gate({"examples": {"entities.f1": value}}, {"examples": {"entities.f1": 0.95}})
    assert bool(failures) is fails
    if fails:
        assert failures[0].startswith("examples entities.f1")


def test_a_corpus_without_scores_is_not_checked_by_check_gate() -> None:
    assert check_gate({}, {"seed": {"entities.f1": 0.95}}) == []


def test_a_metric_missing_from_a_scored_corpus_fails() -> None:
    failures = check_gate({"examples": {"entities.f1": 1.0}}, {"examples": {"quotes.f1": 0.5}})
    assert failures == ["examples quotes.f1: not measured (floor 0.50)"]


# ---- the floors file -------------------------------------------------------------------


def _floor_names() -> list[tuple[str, str]]:
    return [(corpus, name) for corpus, table in FLOORS.items() for name in table]


@pytest.mark.parametrize(("corpus", "name"), _floor_names())
def test_every_floor_names_a_known_layer_and_metric(corpus: str, name: str) -> None:
    layer, _, metric = name.partition(".")
    if corpus in PEER_CORPORA:
        assert layer in (*LAYERS, "numbers") and metric in ("p", "r", "f1", "value")
    else:
        assert layer in LAYERS and metric in known_metrics(layer)


@pytest.mark.parametrize("corpus", ["examples", "dev", "seed", *PEER_CORPORA])
def test_the_floors_file_pins_each_corpus(corpus: str) -> None:
    assert FLOORS[corpus], f"no floors for {corpus} in {FLOORS_FILE}"


@pytest.mark.parametrize(
    "content",
    ['[examples]\n"entities.f1" = "high"\n', '[examples]\n"entities.f1" = 1.5\n', "x = 1\n", "["],
)
def test_a_malformed_floors_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "floors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QualityFloorError):
        load_floors(path)


# ---- the gate on each corpus -----------------------------------------------------------


def corpus_path(name: str, request: pytest.FixtureRequest) -> Path:
    """Where a corpus lives; the shared ones skip (through ``shared``) where absent."""
    if name == "examples":
        return EXAMPLES / "gold"
    if name == "dev":
        path = REPO / "gold" / "dev"
        if not any(path.glob("*.json")):
            pytest.skip("no development gold in gold/dev")
        return path
    shared: Path = request.getfixturevalue("shared")
    return shared / ("gold" if name == "seed" else "eval")


@pytest.mark.model
@pytest.mark.parametrize("corpus", ["examples", "seed", "dev", PEERS])
def test_veille_meets_the_floors(corpus: str, request: pytest.FixtureRequest) -> None:
    floors = {
        name: table
        for name, table in FLOORS.items()
        if name == corpus or (corpus == PEERS and name in PEER_CORPORA)
    }
    result = run_gate({corpus: corpus_path(corpus, request)}, floors)
    assert result.skipped == ()
    assert result.passed, "\n".join(result.failures)


# ---- a deliberately broken rule --------------------------------------------------------


def _broken_roles(tmp_path: Path) -> Path:
    """A copy of ``roles.v1.json`` whose role words are all removed."""
    original = resources.files("veille").joinpath("nlp", "patterns", "roles.v1.json")
    data = json.loads(original.read_text("utf-8"))
    data["fr"], data["en"] = {}, {}
    copy = tmp_path / "roles.v1.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return copy


def _clear_rule_caches() -> None:
    from veille.nlp.build import load_pipeline
    from veille.nlp.lexicon import load_lexicon

    load_lexicon.cache_clear()
    load_pipeline.cache_clear()


@pytest.fixture
def broken_roles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Make the entity lexicon read the broken copy; rebuild the pipeline with it."""
    import veille.nlp.lexicon as lexicon

    copy, real = _broken_roles(tmp_path), lexicon.load_rules

    def load_rules(filename: str) -> dict[str, Any]:
        if filename == lexicon.ROLES:
            loaded: dict[str, Any] = json.loads(copy.read_text("utf-8"))
            return loaded
        return real(filename)

    monkeypatch.setattr(lexicon, "load_rules", load_rules)
    _clear_rule_caches()
    yield copy
    _clear_rule_caches()


@pytest.mark.model
def test_a_broken_rule_fails_the_gate_naming_layer_and_metric(broken_roles: Path) -> None:
    result = run_gate({"examples": EXAMPLES / "gold"}, {"examples": FLOORS["examples"]})
    assert not result.passed
    assert any(f.startswith("examples entities.kind = ") for f in result.failures), result.failures
