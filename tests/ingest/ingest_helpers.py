"""Test helpers: a stand-in for ``wiresift.ingest.html.from_html`` so reader tests exercise only the readers.

It keeps ``<p>`` text outside nav/aside/footer, the ``<title>`` and ``article:published_time``,
which is all the dispatch and metadata-precedence tests need. Integration tests use the real one.
"""

from __future__ import annotations

import io
from pathlib import Path

import lxml.html
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wiresift.model import Document

CALLS: list[dict[str, object]] = []


def fake_from_html(html: str, *, source: str | None = None, url: str | None = None) -> Document:
    CALLS.append({"html": html, "source": source, "url": url})
    tree = lxml.html.fromstring(html)
    paras = [
        " ".join(p.text_content().split())
        for p in tree.iter("p")
        if not any(a.tag in ("nav", "aside", "footer") for a in p.iterancestors())
    ]
    title = tree.findtext(".//title")
    meta = tree.xpath("//meta[@property='article:published_time']/@content")
    return Document(
        text="\n\n".join(p for p in paras if p),
        source=source,
        url=url,
        title=title.strip() if title else None,
        published=meta[0][:10] if meta else None,
        format="html",
    )


@pytest.fixture(name="fake_html")
def fake_html_fixture(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Route ``from_html`` to the fake; returns the list of calls it received."""
    import wiresift.ingest.html as html_module

    CALLS.clear()
    monkeypatch.setattr(html_module, "from_html", fake_from_html, raising=False)
    return CALLS


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> Path:
    """A WARC of ``(url, status line, content type, body)`` responses, with a warcinfo record first."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "wiresift tests"}))
        for n, (url, status, ctype, body) in enumerate(records):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2025-03-1{n % 10}T06:00:00Z"},
            )
            writer.write_record(record)
    return path


def page(title: str, paragraphs: list[str], *, published: str | None = None, charset: str = "utf-8") -> str:
    """A small article page for reader tests."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
        f"<body><nav><p>Home | World</p></nav><article>{body}</article></body></html>"
    )
