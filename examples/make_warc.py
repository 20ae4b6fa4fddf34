"""Build ``corpus/warc/harbour-ledger-crawl.warc.gz`` from the pages in ``warc_pages/``.

The pages are named ``*.html.in`` (inputs of this build step) so that reading ``examples/`` as a
directory does not pick them up a second time. A small, reproducible crawl of the invented Harbour Ledger site: a warcinfo record, then a
request/response pair per page (HTTP 200, ``text/html; charset=utf-8``), plus a ``robots.txt``
response and a 404 page, which wiresift must skip. Fixed dates and record ids keep the output
byte-stable. Run: ``.venv/bin/python examples/make_warc.py``.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
OUT = HERE / "corpus" / "warc" / "harbour-ledger-crawl.warc.gz"
SITE = "https://harbourledger.example"

#: (page file, path on the site, crawl time). Crawl times are a day or more after publication,
#: so a reader that took WARC-Date for the publication date would visibly get it wrong.
CRAWL = [
    (
        "harbour-ledger-bosphorus-transits-fall.html.in",
        "/shipping/bosphorus-transits-fall",
        "2025-02-14T03:12:09Z",
    ),
    (
        "harbour-ledger-aktau-fire-republished.html.in",
        "/energy/aktau-fire-republished",
        "2025-02-23T03:15:41Z",
    ),
]


def _record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, SITE + '/' + name)}>"


def _response(writer: WARCWriter, url: str, date: str, status: str, ctype: str, body: bytes) -> None:
    request = (
        f"GET {url.removeprefix(SITE)} HTTP/1.1\r\nHost: harbourledger.example\r\n"
        "User-Agent: wiresift-example-crawler/1.0\r\n\r\n"
    ).encode()
    writer.write_record(
        writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(request),
            warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": _record_id("req" + url)},
        )
    )
    headers = StatusAndHeaders(
        status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": _record_id(url)},
        )
    )


def main() -> None:
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            OUT.name, {"software": "wiresift examples/make_warc.py", "description": "invented demo crawl"}
        )
        info.rec_headers.replace_header("WARC-Date", "2025-02-14T03:12:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", _record_id("warcinfo"))
        writer.write_record(info)
        _response(
            writer,
            SITE + "/robots.txt",
            "2025-02-14T03:12:05Z",
            "200 OK",
            "text/plain",
            b"User-agent: *\nDisallow: /login\n",
        )
        for name, path, date in CRAWL:
            body = (PAGES / name).read_bytes()
            _response(writer, SITE + path, date, "200 OK", "text/html; charset=utf-8", body)
        _response(
            writer,
            SITE + "/shipping/old-story",
            "2025-02-23T03:16:02Z",
            "404 Not Found",
            "text/html; charset=utf-8",
            b"<html><body><h1>Page not found</h1></body></html>",
        )
    print(f"wrote {OUT.relative_to(HERE.parent)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
