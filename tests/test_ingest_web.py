"""URLs: fetched from a server on 127.0.0.1 that the test starts, robots.txt respected."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from veille.ingest import IngestOptions, ReadOptions, ingest
from veille.ingest.web import USER_AGENT
from veille.store import Store

TEXT = (
    "La Pologne a commandé 180 chars K2 au sud-coréen Hyundai Rotem, a annoncé le ministère "
    "de la Défense à Varsovie. Les premières livraisons sont attendues avant la fin de "
    "l'année, selon le communiqué, qui évoque aussi un transfert de technologie."
)
PAGE = f"<html lang='fr'><head><title>K2</title></head><body><article><p>{TEXT}</p></article></body></html>"
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>K2</title><link>{base}/news/k2.html</link><guid>k2</guid></item>
<item><title>Secret</title><link>{base}/private/x.html</link><guid>x</guid></item>
</channel></rss>"""
AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        AGENTS.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/news/k2.html": ("text/html; charset=utf-8", PAGE),
            "/private/x.html": ("text/html", PAGE),
            "/feed.xml": ("application/rss+xml", FEED.format(base=base)),
            "/big.html": ("text/html", "<p>" + "x" * 50_000 + "</p>"),
        }
        if self.path not in routes:
            self.send_error(404)
            return
        kind, body = routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def run(tmp_path: Path, urls: list[str], max_bytes: int = 10_000_000) -> Store:
    store = Store.open(tmp_path / "t.db")
    ingest(store, urls, IngestOptions(analyze=False, read=ReadOptions(max_bytes=max_bytes)))
    return store


def test_a_page_is_fetched_with_veilles_user_agent(tmp_path: Path, server: str) -> None:
    store = run(tmp_path, [f"{server}/news/k2.html"])
    assert store.query("SELECT url, title FROM articles") == [
        {"url": f"{server}/news/k2.html", "title": "K2"}
    ]
    assert USER_AGENT in AGENTS


@pytest.mark.parametrize(
    ("path", "reason", "max_bytes"),
    [("/private/x.html", "disallowed", 10_000_000), ("/missing.html", "fetch_failed", 10_000_000),
     ("/big.html", "too_large", 10_000)],
)  # fmt: skip
def test_url_failures_are_error_rows(
    tmp_path: Path, server: str, path: str, reason: str, max_bytes: int
) -> None:
    store = run(tmp_path, [f"{server}{path}", f"{server}/news/k2.html"], max_bytes)
    assert store.scalar("SELECT reason FROM errors") == reason
    assert store.scalar("SELECT count(*) FROM articles") == 1


def test_a_feed_url_gives_its_entries_fetched(tmp_path: Path, server: str) -> None:
    store = run(tmp_path, [f"{server}/feed.xml"])
    assert store.scalar("SELECT url FROM articles") == f"{server}/news/k2.html"
    assert store.scalar("SELECT reason FROM errors") == "disallowed"


def test_unreachable_host_is_an_error_row(tmp_path: Path) -> None:
    store = run(tmp_path, ["http://127.0.0.1:9/nothing.html"])
    assert store.scalar("SELECT reason FROM errors") == "fetch_failed"
