"""``veille analyze``: bad input gets a clear message and an exit code, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from veille import pipeline
from veille.cli import main
from veille.errors import InputError

SENTENCE = "Le ministère de la Défense a reçu la société Zorvex à Rabat. "


def run(args: list[str], data: bytes) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["analyze", *args], input=data)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"   \n\t  ", "empty input"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x01\x02\x03\x04\x05\x06" * 1000, "binary"),
        ((SENTENCE * 90_000).encode("utf-8"), "over the limit"),  # about 5 MB
    ],
    ids=["empty", "blank", "binary-nul", "binary-control", "5MB"],
)
def test_bad_input_gets_a_message_not_a_traceback(data: bytes, message: str) -> None:
    code, out, err = run(["-", "--lang", "fr"], data)
    assert code == InputError.exit_code
    assert message in err
    assert "Traceback" not in out + err


@pytest.mark.model
def test_latin1_bytes_are_decoded_with_a_warning() -> None:
    code, out, _ = run(["-", "--lang", "fr"], SENTENCE.encode("latin-1"))
    assert code == 0
    payload = json.loads(out)
    assert any("Windows-1252" in w for w in payload["warnings"])
    assert any("Zorvex" in e["mentions"] for e in payload["entities"])


@pytest.mark.model
def test_json_output_follows_the_schema() -> None:
    code, out, _ = run(["-", "--published", "2025-09-15", "--outlet", "Le Test"], SENTENCE.encode())
    assert code == 0
    payload = json.loads(out)
    assert payload["schema_version"] == "1.0"
    assert (payload["lang"], payload["published"], payload["outlet"]) == (
        "fr",
        "2025-09-15",
        "Le Test",
    )
    assert {"name", "type", "kind", "country", "mentions", "spans"} <= set(payload["entities"][0])


@pytest.mark.model
def test_jsonl_counts_add_up_and_errors_are_reported() -> None:
    lines = [
        json.dumps({"id": "a1", "text": SENTENCE, "published": "2025-01-02", "lang": "fr"}),
        "{not json",
        json.dumps({"id": "a3", "text": ""}),
        json.dumps({"id": "a4", "text": "The firm Zorvex delivered radars to Manila."}),
    ]
    code, out, err = run(["--jsonl", "-"], "\n".join(lines).encode())
    assert code == 1  # some items failed; the others were still written
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a1", "a4"]
    assert json.loads(out.splitlines()[1])["lang"] == "en"
    assert "4 in, 2 processed, 2 errors" in err
    assert "not JSON" in err and "empty input" in err


@pytest.mark.model
def test_summary_is_readable() -> None:
    code, out, _ = run(["-", "--summary"], SENTENCE.encode())
    assert code == 0
    assert "ORG" in out and "Zorvex (company)" in out


def test_missing_file_is_a_clear_error(tmp_path: object) -> None:
    code, _, err = run(["/nonexistent/article.txt"], b"")
    assert code == InputError.exit_code
    assert "cannot read" in err


@pytest.mark.parametrize("size", [10, 1000, 49_999])
def test_chunks_cover_the_text_exactly(size: int) -> None:
    text = ("Une phrase courte. " * 5000)[: size * 3]
    chunks = pipeline.split_chunks(text, size)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    assert all(len(chunk) <= size for _, chunk in chunks)


@pytest.mark.model
def test_long_article_runs_in_chunks_with_exact_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)
    text = SENTENCE * 20
    extraction = pipeline.analyze(text, lang="fr")
    zorvex = [e for e in extraction.entities if e.name == "Zorvex"]
    assert len(zorvex) == 1 and len(zorvex[0].spans) == 20
    assert all(text[s.start : s.end] == s.text for s in zorvex[0].spans)


def test_an_unexpected_error_in_one_article_does_not_stop_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str, **meta: object) -> object:
        if "boom" in text:
            raise RuntimeError("a bug")
        return "ok"

    monkeypatch.setattr(pipeline, "analyze", broken)
    items = [{"id": "1", "text": "boom"}, {"id": "2", "text": "fine"}]
    results = list(pipeline.analyze_many(items))
    assert isinstance(results[0], pipeline.Failure) and "RuntimeError" in results[0].reason
    assert results[1] == "ok"
    with pytest.raises(RuntimeError):
        list(pipeline.analyze_many(items, strict=True))
