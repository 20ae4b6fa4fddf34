"""Ingest speed: readers and dedup against plain baselines run in the same process.

    .venv/bin/python benchmarks/ingest_speed.py [--docs 2000]

Prints three ratios (lower is better, 1.0 = as fast as the baseline):
- JSONL: ``read_sources`` over a JSONL file vs reading the lines and ``json.loads`` alone;
- WARC: ``read_sources`` over a WARC.gz of HTML pages, with ``from_html`` replaced by a trivial stub
  so only the WARC reader and decoding are timed, vs warcio iterating and reading the payloads;
- dedup: ``Deduplicator.check`` + ``add`` per document vs ``content_hash`` alone.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import wiresift.ingest.html as html_module
from wiresift.ingest.dedup import Deduplicator
from wiresift.ingest.sources import read_sources
from wiresift.model import Document, content_hash

_PHRASE = (
    "officials said on thursday that the border troops had detained several people near the river "
    "while the ministry promised more drones and the analysts warned that numbers were uncertain"
)
WORDS = _PHRASE.split(" ")


def _article(rng: random.Random, n_words: int = 450) -> str:
    sentences = []
    for _ in range(n_words // 15):
        words = [rng.choice(WORDS) for _ in range(15)]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _stub_html(html: str, *, source: str | None = None, url: str | None = None) -> Document:
    return Document(text=html[html.find("<p>") + 3 : html.rfind("</p>")], source=source, url=url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(5)
    texts = [_article(rng) for _ in range(args.docs)]

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "a.jsonl"
        jsonl.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))

        def baseline_jsonl() -> None:
            with jsonl.open("rb") as fh:
                for line in fh:
                    json.loads(line)

        t_base = _timed(baseline_jsonl)
        t_read = _timed(lambda: list(read_sources([jsonl])))
        print(
            f"jsonl  {args.docs} docs: read_sources {t_read:.3f}s vs json.loads {t_base:.3f}s -> ratio {t_read / t_base:.2f}"
        )

        warc = Path(tmp) / "a.warc.gz"
        with warc.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i, t in enumerate(texts):
                body = f"<html><head><meta charset='utf-8'><title>{i}</title></head><body><p>{t}</p></body></html>"
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        f"https://b.example/{i}",
                        "response",
                        payload=io.BytesIO(body.encode()),
                        http_headers=headers,
                    )
                )

        def baseline_warc() -> None:
            with warc.open("rb") as fh:
                for record in ArchiveIterator(fh):
                    if record.rec_type == "response":
                        record.content_stream().read().decode("utf-8")

        real = getattr(html_module, "from_html", None)
        html_module.from_html = _stub_html  # type: ignore[attr-defined]
        try:
            t_base = _timed(baseline_warc)
            t_read = _timed(lambda: list(read_sources([warc])))
        finally:
            if real is not None:
                html_module.from_html = real  # type: ignore[attr-defined]
        print(
            f"warc   {args.docs} docs: read_sources {t_read:.3f}s vs warcio {t_base:.3f}s -> ratio {t_read / t_base:.2f}"
        )

    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    t_base = _timed(lambda: [content_hash(d.text) for d in docs])

    def run_dedup() -> None:
        dedup = Deduplicator()
        for d in docs:
            dedup.add(d, dedup.check(d))

    t_dedup = _timed(run_dedup)
    per_doc_ms = 1000 * t_dedup / len(docs)
    print(
        f"dedup  {args.docs} docs: check+add {t_dedup:.3f}s ({per_doc_ms:.2f} ms/doc) vs content_hash {t_base:.3f}s "
        f"-> ratio {t_dedup / t_base:.1f}"
    )


if __name__ == "__main__":
    main()
