"""Readers: HTML, Markdown, feeds, WARC, JSONL and bad inputs, each to a result or an error."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest import IngestOptions, ingest
from veille.ingest.discover import ReadOptions, file_type, sniff
from veille.ingest.sources import decode_bytes
from veille.store import Store

BODY_FR = (
    "Le Maroc a commandé des drones Harop à Israel Aerospace Industries pour 22 millions "
    "de dollars, selon Africa Intelligence. La livraison est prévue pour 2025.\n"
    "Les forces armées royales cherchent depuis plusieurs années à moderniser leur flotte, "
    "indique le média. Le contrat aurait été signé en mars dernier à Rabat."
)


def page(title: str, body: str, *, date: str = "2024-03-12", lang: str = "fr") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
    return f"""<!doctype html><html lang="{lang}"><head><title>{title} - Le Desk</title>
<meta property="og:site_name" content="Le Desk"><meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="{date}"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<section class="comments" id="comments"><h3>Commentaires</h3>
<div class="comment"><p>COMMENTAIRE Bravo pour cet article, très instructif vraiment.</p></div></section>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/a">RELATED L'Algérie achète des Su-57</a></li></ul></aside>
<footer><p>© Le Desk 2024 — Mentions légales — Contact</p></footer></body></html>"""


def run(tmp_path: Path, *inputs: Path | str, **options: object) -> Store:
    store = Store.open(tmp_path / "t.db")
    opts = IngestOptions(analyze=False, strict=False, **options)  # type: ignore[arg-type]
    ingest(store, [str(p) for p in inputs], opts)
    return store


def rows(store: Store, sql: str) -> list[dict[str, object]]:
    return store.query(sql)


def counts_add_up(store: Store) -> None:
    run_row = store.query("SELECT * FROM runs ORDER BY started DESC LIMIT 1")[0]
    total = run_row["count_processed"] + run_row["count_duplicates"] + run_row["count_errors"]
    assert run_row["count_in"] == total
    assert store.scalar("SELECT count(*) FROM items") == run_row["count_in"]


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page("Le Maroc commande des drones", BODY_FR), "utf-8")
    store = run(tmp_path, path)
    (article,) = rows(store, "SELECT * FROM articles")
    assert "Harop" in str(article["text"])
    for boilerplate in ("COMMENTAIRE", "RELATED", "Mentions légales", "Accueil"):
        assert boilerplate not in str(article["text"])
    assert article["title"] == "Le Maroc commande des drones"
    assert article["published"] == "2024-03-12"
    assert article["outlet"] == "Le Desk"
    assert article["author"] == "Jeanne Martin"
    assert article["lang"] == "fr"
    assert article["encoding"] == "utf-8"


def test_markdown_loses_markup_and_gives_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Un titre\n\nLe **Maroc** a [commandé](http://x) des drones.\n", "utf-8")
    (article,) = rows(run(tmp_path, path), "SELECT title, text FROM articles")
    assert article == {"title": "Un titre", "text": "Un titre\n\nLe Maroc a commandé des drones."}


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Le Desk</title>
<language>fr</language><link>http://desk.example</link>
<item><title>Drones pour Rabat</title><link>http://desk.example/a1</link>
<guid>a1</guid><pubDate>Tue, 12 Mar 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Le Maroc a commandé des drones.</p><p>Selon Africa Intelligence.</p>]]></content:encoded></item>
<item><title>Brève</title><link>http://desk.example/a2</link><guid>a2</guid>
<pubDate>Wed, 13 Mar 2024 10:00:00 +0000</pubDate><description>L'Inde teste un missile.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Defense Wire</title><id>urn:dw</id><updated>2024-04-01T00:00:00Z</updated>
<entry><title>Poland orders tanks</title><id>urn:dw:1</id><link href="http://dw.example/1"/>
<published>2024-04-01T08:00:00Z</published><updated>2024-04-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;Poland ordered 180 K2 tanks from Hyundai Rotem.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize(
    ("name", "feed", "expected"),
    [
        ("feed.rss", RSS, [("http://desk.example/a1", "2024-03-12", "Drones pour Rabat"),
                           ("http://desk.example/a2", "2024-03-13", "Brève")]),
        ("feed.atom", ATOM, [("http://dw.example/1", "2024-04-01", "Poland orders tanks")]),
    ],
)  # fmt: skip
def test_feed_entries_with_links_and_dates(
    tmp_path: Path, name: str, feed: str, expected: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / name
    path.write_text(feed, "utf-8")
    store = run(tmp_path, path)
    got = rows(store, "SELECT url, published, title FROM articles ORDER BY url")
    assert [(r["url"], r["published"], r["title"]) for r in got] == expected
    counts_add_up(store)


def test_rss_entry_content_becomes_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, "utf-8")
    text = run(tmp_path, path).scalar("SELECT text FROM articles WHERE url LIKE '%a1'")
    assert text == "Le Maroc a commandé des drones.\nSelon Africa Intelligence."


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], *, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_warc_response_records_of_html(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [
        (
            f"http://desk.example/{i}",
            page(f"Titre {i}", f"{BODY_FR} Numéro {i}.").encode(),
            "text/html",
        )
        for i in range(3)
    ]
    pages.append(("http://desk.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    write_warc(path, pages)
    store = run(tmp_path, path)
    urls = [r["url"] for r in rows(store, "SELECT url FROM articles ORDER BY url")]
    assert urls == [f"http://desk.example/{i}" for i in range(3)]
    counts_add_up(store)


def test_jsonl_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        {"body": BODY_FR, "headline": "H1", "link": "http://x/1", "date": "2024-01-02",
         "site_name": "Le Desk", "language": "fr"},
        {"html": page("Depuis HTML", BODY_FR + " Autre."), "url": "http://x/2"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    store = run(tmp_path, path)
    got = rows(store, "SELECT url, title, published, outlet, lang FROM articles ORDER BY url")
    assert got[0] == {"url": "http://x/1", "title": "H1", "published": "2024-01-02",
                      "outlet": "Le Desk", "lang": "fr"}  # fmt: skip
    assert got[1]["title"] == "Depuis HTML"


def test_jsonl_custom_mapping(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"corps": BODY_FR, "titre": "T"}) + "\n", "utf-8")
    read = ReadOptions(fields={"text": "corps", "title": "titre"})
    store = run(tmp_path, path, read=read)
    assert rows(store, "SELECT title FROM articles") == [{"title": "T"}]


LATIN = ("Le ministère de la Défense française a signé un contrat pour des hélicoptères. "
         "Les négociations ont été longues, précise le communiqué du ministère. ") * 3  # fmt: skip
CP1252 = ("Le ministère a reçu l’offre « définitive » — 3 000 € par unité, a‑t‑il précisé. "
          "Les élus s’interrogent sur le coût réel du programme d’armement. ") * 3  # fmt: skip


@pytest.mark.parametrize(
    ("data", "text", "encodings"),
    [
        (LATIN.encode("latin-1"), LATIN.strip(), {"latin_1"}),
        (CP1252.replace("‑", "-").encode("cp1252"), CP1252.replace("‑", "-").strip(), {"cp1252"}),
    ],
    ids=["latin-1", "windows-1252"],
)
def test_non_utf8_bytes_are_detected_and_recorded(
    tmp_path: Path, data: bytes, text: str, encodings: set[str]
) -> None:
    decoded, encoding = decode_bytes(data)
    assert decoded.strip() == text and encoding in encodings
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    (article,) = rows(run(tmp_path, path), "SELECT text, encoding FROM articles")
    assert article["text"] == text and article["encoding"] in encodings


def truncated_warc(path: Path) -> None:
    full = path.with_suffix(".full")
    write_warc(full, [(f"http://x/{i}", page("T", BODY_FR + str(i)).encode(), "text/html")
                      for i in range(4)])  # fmt: skip
    data = full.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    full.unlink()


def invalid_feed(path: Path) -> None:
    path.write_text("<?xml version='1.0'?><rss><channel><title>x</title><item><title>a", "utf-8")


BAD_INPUTS = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 40), "decoding_failed"),
    "truncated.warc.gz": (truncated_warc, "unreadable"),
    "invalid.rss": (invalid_feed, "unreadable"),
    "no-article.html": (
        lambda p: p.write_text(
            "<html><body><nav><a href='/'>Accueil</a> <a href='/b'>Blog</a></nav>"
            "<footer>© 2024</footer></body></html>", "utf-8"),
        "not_an_article",
    ),
    "huge.html": (
        lambda p: p.write_bytes(b"<html><body><p>" + b"mot " * 13_000_000 + b"</p></body></html>"),
        "too_large",
    ),
    "bad.jsonl": (lambda p: p.write_text('{"text": "' + BODY_FR + '"}\n{not json\n', "utf-8"),
                  "unreadable"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_an_error_row_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    make, reason = BAD_INPUTS[name]
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    make(bad)
    good = tmp_path / "in" / "zz-good.txt"
    good.write_text(BODY_FR, "utf-8")
    store = run(tmp_path, tmp_path / "in")
    reasons = {r["reason"] for r in rows(store, "SELECT reason FROM errors")}
    assert reason in reasons
    assert store.scalar("SELECT count(*) FROM items WHERE key LIKE '%zz-good.txt'") == 1
    counts_add_up(store)


def test_bad_inputs_all_together_add_up(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (make, _) in BAD_INPUTS.items():
        make(folder / name)
    (folder / "good.txt").write_text(BODY_FR, "utf-8")
    store = run(tmp_path, folder)
    counts_add_up(store)
    assert store.scalar("SELECT count(*) FROM errors") >= len(BAD_INPUTS)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.txt", "text"), ("a.md", "markdown"), ("a.HTM", "html"), ("a.warc.gz", "warc"),
     ("a.arc", "warc"), ("a.atom", "feed"), ("a.ndjson", "jsonl"), ("a.pdf", None),
     (".html", None), ("a.", None), ("page", None), ("a.tar.gz", None), ("a.b.txt", "text")],
)  # fmt: skip
def test_file_type_by_name(name: str, kind: str | None) -> None:
    assert file_type(Path(name)) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"WARC/1.0\r\n", "warc"), (gzip.compress(b"x")[:4], "warc"), (b'{"text": 1}', "jsonl"),
     (b"<?xml version='1.0'?><rss>", "feed"), (b"<!doctype html><html>", "html"),
     (b"Le Maroc a", "text")],
)  # fmt: skip
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_a_folder_is_walked_in_path_order_without_hidden_names_or_linked_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    for name in ("b/z.txt", "b.txt", "a/c/x.txt", ".cache/h.txt", "a/.h.txt", "shut/s.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"{BODY_FR} ({name})", "utf-8")
    (folder / "a" / "to-b").symlink_to(folder / "b")  # a linked folder: not entered
    (folder / "link.txt").symlink_to(folder / "b.txt")  # a linked file: the same file
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # as if "shut" could not be listed (root lists all)
        if path.endswith("shut"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    store = run(tmp_path, folder)
    keys = [r["key"] for r in rows(store, "SELECT key FROM items ORDER BY rowid")]
    names = [str(Path(k).relative_to(folder.resolve())) for k in keys]
    assert names == ["a/c/x.txt", "b/z.txt", "b.txt", "shut"]
    error = rows(store, "SELECT reason, message FROM errors")
    assert error == [{"reason": "unreadable", "message": "cannot list: Permission denied"}]
    counts_add_up(store)
