"""Every corpus in one table: veille and the baseline, layer by layer (``veille eval-all``).

Gold corpora (the example corpus, the development gold, the seed) are scored with
``evaluate``: one row per layer and metric. The peer suites of ``veille.eval.peers``
become rows of the same shape (``timexes.f1``, ``amounts.value``, ...), so that one table
and one floors file (``veille.eval.gate``) cover them all. See ``docs/eval.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from veille.eval import peers
from veille.eval.gold import load_gold_dir
from veille.eval.peers_recognizers import currency_ok, date_ok
from veille.eval.report import format_figure
from veille.eval.runner import AnalyzeFn, EvalResult, evaluate, result_metrics
from veille.nlp.amounts import AmountMatch
from veille.nlp.timex import TimexMatch

PEERS = "peers"
"""The name under which the peer suites' folder is given (``shared/eval``)."""
PEER_CORPORA = ("fr_timebank_dev", "duckling_fr", "duckling_en", "recognizers_fr", "text2num_fr")
"""The corpora of the peer suites' rows."""


@dataclass(frozen=True)
class Row:
    """One line of the table: a corpus, a ``LAYER.METRIC``, its support and both scores."""

    corpus: str
    metric: str
    support: int
    veille: float | None
    baseline: float | None = None


def veille_analyze(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> Mapping[str, Any]:
    """veille's own analysis as the JSON dict of ``veille analyze`` (loads the models)."""
    from veille.pipeline import analyze

    return analyze(text, lang=lang, published=published, outlet=outlet).to_dict()


def stock_baseline(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> Mapping[str, Any]:
    """The baseline of ``veille.eval.baseline`` (imported when first used)."""
    from veille.eval.baseline import baseline_analyze

    return baseline_analyze(text, lang=lang, published=published, outlet=outlet)


def gold_rows(corpus: str, veille: EvalResult, baseline: EvalResult | None = None) -> list[Row]:
    """The rows of one gold corpus: every metric veille or the baseline was scored on."""
    ours = result_metrics(veille)
    theirs = result_metrics(baseline) if baseline is not None else {}
    rows = []
    for name in [*ours, *(n for n in theirs if n not in ours)]:
        layer = name.partition(".")[0]
        support = veille.files_scored(layer) if layer in veille.layers else 0
        rows.append(Row(corpus, name, support, ours.get(name), theirs.get(name)))
    return rows


def score_gold_corpus(
    corpus: str,
    gold_dir: Path,
    *,
    analyze: AnalyzeFn = veille_analyze,
    baseline: AnalyzeFn | None = None,
) -> list[Row]:
    """Score veille (and the baseline, when given) on one directory of gold files."""
    gold = load_gold_dir(gold_dir)
    ours = evaluate(gold, analyze)
    theirs = evaluate(gold, baseline) if baseline is not None else None
    return gold_rows(corpus, ours, theirs)


# ---- peer suites -----------------------------------------------------------------------

_TIMEBANK = {
    "span precision": "timexes.p",
    "span recall": "timexes.r",
    "span F1 (overlap)": "timexes.f1",
    "value accuracy (matched)": "timexes.value",
}


def _timebank_rows(root: Path, baseline: bool) -> list[Row]:
    ours = peers.score_timebank(root, peers.veille_timebank, "veille")
    theirs = (
        peers.score_timebank(root, peers.dateparser_timebank, "dateparser", lenient=True)
        if baseline
        else []
    )
    base = {s.metric: s.value for s in theirs}
    return [
        Row("fr_timebank_dev", _TIMEBANK[s.metric], s.support, s.value, base.get(s.metric))
        for s in ours
    ]


def _dateparser_timexes(text: str, anchor: dt.datetime) -> list[TimexMatch]:
    from veille.eval.baseline import find_dates

    return [
        TimexMatch(start, start + len(surface), surface, "DATE", value)
        for start, surface, value in find_dates(text, "fr", anchor)
    ]


def _regex_amounts(text: str, lang: str) -> list[AmountMatch]:
    from veille.eval.baseline import baseline_amounts

    return [
        AmountMatch(a["start"], a["end"], a["text"], a["value"], a["currency"], a["qualifier"])
        for a in baseline_amounts(text, lang)
    ]


def _hit_rate(rows: list[dict[str, Any]], hit: Callable[[dict[str, Any]], bool]) -> float:
    return peers.ratio(sum(hit(r) for r in rows), len(rows))


def _duckling_time_ok(row: dict[str, Any], anchor: dt.datetime) -> bool:
    return peers.duckling_time_ok(_dateparser_timexes(row["text"], anchor), row["expected"])


def _duckling_rows(root: Path, baseline: bool) -> list[Row]:
    times = list(peers.read_jsonl(root / "duckling" / "duckling_time_fr.jsonl"))
    anchor = dt.datetime(2013, 2, 12, 4, 30)
    time_score = peers.score_duckling_time(root)[0]
    time_base = _hit_rate(times, lambda r: _duckling_time_ok(r, anchor)) if baseline else None
    rows = [Row("duckling_fr", "timexes.value", time_score.support, time_score.value, time_base)]
    for lang in ("fr", "en"):
        money = peers.score_duckling_money(root, lang)[0]
        base = _duckling_money_baseline(root, lang) if baseline else None
        rows.append(Row(f"duckling_{lang}", "amounts.value", money.support, money.value, base))
    return rows


def _duckling_money_baseline(root: Path, lang: str) -> float:
    rows = list(peers.read_jsonl(root / "duckling" / f"duckling_amountofmoney_{lang}.jsonl"))
    money_ok = peers._money_ok  # noqa: SLF001 (the peers module's own comparison)
    return _hit_rate(
        rows, lambda r: any(money_ok(a, r["expected"]) for a in _regex_amounts(r["text"], lang))
    )


def _recognizer_ok(row: dict[str, Any]) -> bool:
    """Whether the baseline finds every expected item of one trusted Recognizers case."""
    text = row["input"]
    if row["kind"] == "currency":
        amounts = _regex_amounts(text, "fr")
        return all(currency_ok(amounts, e) for e in row["expected"])
    anchor = dt.datetime.fromisoformat(row["reference_datetime"][:10])
    timexes = _dateparser_timexes(text, anchor)
    return all(date_ok(timexes, e, text) for e in row["expected"])


def _recognizers_rows(root: Path, baseline: bool) -> list[Row]:
    cases = [
        r
        for r in peers.read_jsonl(root / "recognizers" / "fr_flat_datetime_currency_number.jsonl")
        if not r["not_supported_in"] and r["kind"] in ("datetime", "currency")
    ]
    rows = []
    for score in peers.score_recognizers(root):
        kind = score.suite.rsplit(" ", 1)[-1]
        metric = "timexes.value" if kind == "datetime" else "amounts.value"
        mine = [r for r in cases if r["kind"] == kind]
        base = _hit_rate(mine, _recognizer_ok) if baseline else None
        rows.append(Row("recognizers_fr", metric, score.support, score.value, base))
    return rows


def _text2num_rows(root: Path) -> list[Row]:
    scores = peers.score_text2num(root)
    both = next(s for s in scores if s.metric == "text2num+text2digits")
    return [Row("text2num_fr", "numbers.value", both.support, both.value, None)]


def score_peers(root: Path, *, baseline: bool = True) -> list[Row]:
    """The peer suites of ``shared/eval`` as rows; the baseline where one applies."""
    return [
        *_timebank_rows(root, baseline),
        *_duckling_rows(root, baseline),
        *_recognizers_rows(root, baseline),
        *_text2num_rows(root),
    ]


# ---- all -------------------------------------------------------------------------------


def available(corpora: Mapping[str, Path]) -> dict[str, Path]:
    """The corpora whose folder exists (gold corpora need at least one ``*.json``)."""
    found = {}
    for name, path in corpora.items():
        if path.is_dir() and (name == PEERS or any(path.glob("*.json"))):
            found[name] = path
    return found


def run_suite(
    corpora: Mapping[str, Path],
    *,
    baseline: bool = True,
    analyze: AnalyzeFn = veille_analyze,
    baseline_analyze: AnalyzeFn = stock_baseline,
) -> list[Row]:
    """Score every available corpus (``{"examples": Path, ..., "peers": Path}``), with the
    baseline beside veille unless ``baseline`` is false."""
    rows: list[Row] = []
    other = baseline_analyze if baseline else None
    for name, path in available(corpora).items():
        if name == PEERS:
            rows += score_peers(path, baseline=baseline)
        else:
            rows += score_gold_corpus(name, path, analyze=analyze, baseline=other)
    return rows


def scores_by_corpus(rows: Iterable[Row]) -> dict[str, dict[str, float | None]]:
    """veille's scores as ``{corpus: {"entities.f1": 0.97, ...}}``."""
    out: dict[str, dict[str, float | None]] = {}
    for row in rows:
        out.setdefault(row.corpus, {})[row.metric] = row.veille
    return out


def format_suite(rows: Iterable[Row]) -> str:
    """One plain-text table: corpus, metric, support, veille, baseline."""
    header = f"{'corpus':<16} {'metric':<19} {'n':>5} {'veille':>7} {'baseline':>9}"
    lines = [header, "-" * len(header)]
    previous = ""
    for row in rows:
        corpus = row.corpus if row.corpus != previous else ""
        previous = row.corpus
        lines.append(
            f"{corpus:<16} {row.metric:<19} {row.support:>5} {format_figure(row.veille):>7} "
            f"{format_figure(row.baseline):>9}"
        )
    return "\n".join(lines)


def rows_to_json(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """The rows as JSON-ready dicts."""
    return [asdict(row) for row in rows]
