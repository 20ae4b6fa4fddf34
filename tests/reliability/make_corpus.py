"""Generate the hostile-input corpus: every kind of bad input wiresift must survive, beside good ones.

    python tests/reliability/make_corpus.py DIR      # writes the corpus into DIR, lists the cases

Each :class:`Case` names one input and what ingesting it must give: documents (their stored
``source`` values) or one error line (``source: cause``, the cause matched by a regex). Everything
is generated here, nothing is downloaded, and the texts are invented. Bombs are built from repeated
compressed members so that writing them takes milliseconds, whatever they expand to.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: Invented articles: long enough for the text cleaner to keep them, different enough not to be copies.
ARTICLES = [
    (
        "Ferry service resumes across the strait",
        "The ferry service across the strait resumed on Monday after a week of storms, the port authority "
        "said. Captain Mirela Dobre said the first crossing carried 212 passengers and 40 lorries.",
        "Timetables for the rest of the month will be published on the operator's website. Travel agents "
        "expect bookings to recover before the holiday season begins in June.",
    ),
    (
        "Mountain pass reopens after avalanche",
        "Road crews reopened the mountain pass on Tuesday, four days after an avalanche buried a 300-metre "
        "stretch of the highway. Traffic police said convoys would run every two hours until Friday.",
        "Drivers were told to carry chains and to expect delays of up to an hour at the summit. The weather "
        "service warned that more snow was likely over the weekend.",
    ),
    (
        "Grain silo fire brought under control",
        "Firefighters brought a blaze at a grain silo near the river port under control late on Wednesday. "
        "The regional governor said about 1,500 tonnes of wheat had been lost and nobody was hurt.",
        "Investigators have started looking into the cause of the fire. The silo's owner said the damaged "
        "section had been inspected in March and found to be in good order.",
    ),
    (
        "Customs officers find cigarettes in timber lorry",
        "Customs officers found 80,000 smuggled cigarettes hidden in a lorry carrying timber at the northern "
        "crossing on Thursday, the customs service said in a statement.",
        "The driver, a 47-year-old man, was detained and faces charges of smuggling. Officers said the packs "
        "had been stacked inside hollowed-out logs near the back of the trailer.",
    ),
    (
        "Water rationing eased in coastal towns",
        "Authorities eased water rationing in three coastal towns on Friday after heavy rain refilled the "
        "main reservoir to 70 percent of its capacity, the utilities ministry said.",
        "Households will now have running water for eighteen hours a day instead of eight. Hotel owners said "
        "the change came just in time for the start of the tourist season.",
    ),
    (
        "Border guards rescue stranded hikers",
        "Border guards rescued five hikers stranded on a ridge near the frontier on Saturday night. A "
        "spokesman said the group had lost its way in fog and was found by a helicopter crew.",
        "All five were taken to a hospital in the valley for checks and released the next morning. Rescue "
        "services urged walkers to check the forecast before setting out.",
    ),
    (
        "Rail freight link to reopen in spring",
        "The rail freight link between the two capitals will reopen in the spring after repairs to a bridge, "
        "the railway company said, adding that 14 trains a week are planned at first.",
        "Exporters of fertiliser and steel have lobbied for the line to reopen since it closed last autumn. "
        "Road hauliers say the closure doubled their waiting times at the border.",
    ),
    (
        "Fishermen protest new quota rules",
        "Hundreds of fishermen protested outside the agriculture ministry on Sunday against new catch quotas, "
        "which they say will cut their income by a third. Officials promised talks next week.",
        "The new rules limit the catch of herring and sprat in coastal waters from next month. Scientists "
        "advising the ministry say stocks have fallen sharply over the past decade.",
    ),
]

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Case:
    """One input: ``docs`` are the stored sources it must give; ``errors`` its error lines, each a pair
    of regexes ``(source, cause)`` matched against the printed, escaped ``source: cause`` line."""

    path: Path
    docs: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def source_of(path: Path) -> str:
    """The ``source`` wiresift stores for a path (undecodable name bytes as ``\\xNN``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown(text: str) -> str:
    """``text`` as a one-line error prints it (the CLI escapes control and bidi characters)."""
    from wiresift.escape import one_line

    return one_line(text)


def _page(title: str, body: str, more: str, desk: str = "") -> str:
    if desk:  # another outlet's copy: a near-duplicate, never an exact one
        more += f" This report was filed by the {desk} desk."
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p>"
        f"<p>{more}</p></article></body></html>"
    )


def _text(n: int, desk: str = "") -> str:
    title, body, more = ARTICLES[n]
    if desk:
        more += f" This report was filed by the {desk} desk."
    return f"{title}\n\n{body}\n\n{more}\n"


def _bomb(compress: object, unit: bytes, units: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head + unit * units + tail``, compressed as repeated members: tiny on disk, huge unpacked."""
    pack = compress  # gzip.compress, bz2.compress or lzma.compress: each output is one whole member
    member = pack(unit)  # type: ignore[operator]
    return pack(head) + member * units + pack(tail)  # type: ignore[operator]


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    return out.getvalue()


def make_corpus(root: Path, *, bomb_mb: int = 64) -> list[Case]:
    """Write the corpus under ``root``; return the cases, good inputs included, in a stable order."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    cases: list[Case] = []

    def add(name: str | bytes, data: bytes, *, doc: bool = False, cause: str | None = None) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), os.fsencode(name))))
        path.write_bytes(data)
        case = Case(path)
        if doc:
            case.docs.append(source_of(path))
        if cause is not None:
            case.errors.append((re.escape(shown(source_of(path))), cause))
        cases.append(case)
        return path

    # -- good inputs, among the bad ones ---------------------------------------------------------------
    add("good-1.txt", _text(0).encode(), doc=True)
    add("good-2.html", _page(*ARTICLES[1]).encode(), doc=True)
    add("good-3-utf8-bom.txt", b"\xef\xbb\xbf" + _text(2).encode(), doc=True)
    add("good-4-utf16-bom.txt", _text(3).encode("utf-16"), doc=True)
    add("good-5.html.gz", gzip.compress(_page(*ARTICLES[4]).encode()), doc=True)
    add("good-6.txt.bz2", bz2.compress(_text(5).encode()), doc=True)
    # Odd names holding good articles: stored, and named escaped wherever they are printed.
    add("new\nline.txt", _text(6).encode(), doc=True)
    add(b"latin1-\xff\xfe-name.txt", _text(7).encode(), doc=True)

    # -- binary and encodings ---------------------------------------------------------------------------
    add(
        "photo.html",
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)),
        cause=r"^binary file \(PNG image\), not an article$",
    )
    add("noise.txt", bytes(rng.randrange(128, 256) for _ in range(5000)), cause=r"no plausible text encoding")
    add("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8" * 50, cause=r"byte-order mark but does not decode")
    add("zero-bytes.txt", b"\x00" * 4000, cause=r"binary|empty|no plausible")
    add("empty.txt", b"", cause=r"^empty file \(0 bytes\)$")
    add(
        "nav-only.html",
        b"<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>",
        cause=r"^no article text found",  # the cause names no path: the line's source does, once
    )
    add("blank.html", b"  \n\t\n ", cause=r"^empty file \(only whitespace\)$")

    # -- bombs: small on disk, far over the 20 MB cap once unpacked --------------------------------------
    mib = b"\x00" * (1 << 20)
    add(
        "bomb.html.gz",
        _bomb(gzip.compress, mib, bomb_mb, b"<html><body><p>"),
        cause=r"^too large: over the 20 MB per-document cap once decompressed",
    )
    add(
        "bomb.txt.bz2",
        _bomb(bz2.compress, b"a" * (1 << 20), bomb_mb),
        cause=r"^too large: over the 20 MB per-document cap once decompressed",
    )
    add(
        "bomb.html.xz",
        _bomb(lzma.compress, mib, bomb_mb, b"<p>"),
        cause=r"^too large: over the 20 MB per-document cap once decompressed",
    )
    line_bomb = add(
        "line-bomb.jsonl.gz",
        _bomb(
            gzip.compress, b"a" * (1 << 20), bomb_mb, b'{"id": "lb-0", "text": "',
            b'"}\n' + json.dumps({"id": "lb-good", "text": ARTICLES[0][1]}).encode() + b"\n",
        ),
    )  # fmt: skip
    cases[-1].errors.append(
        (
            re.escape(f"{shown(source_of(line_bomb))}:line 1"),
            rf"^line too large: {bomb_mb} MB is over the 20 MB",
        )
    )
    cases[-1].docs.append(f"{source_of(line_bomb)}#line-2")

    # -- truncations ------------------------------------------------------------------------------------
    full = gzip.compress((_page(*ARTICLES[2], desk="night") * 40).encode())
    add("cut.html.gz", full[: len(full) // 2], cause=r"^truncated gzip: the compressed stream ends early")
    warc = _warc(
        [
            ("https://example.org/a", _page(*ARTICLES[3], desk="archive").encode()),
            ("https://example.org/b", _page(*ARTICLES[5], desk="archive").encode()),
        ]
    )
    cut_warc = add("cut.warc.gz", warc[: len(warc) - 40])
    cases[-1].docs.append(f"{source_of(cut_warc)}#record-0")  # the first record is whole
    cases[-1].errors.append(
        (re.escape(shown(source_of(cut_warc))) + r"#record-\d+", r"^truncated or corrupt WARC")
    )
    add(
        "cut.html", _page(*ARTICLES[6], desk="late").encode()[:-60], doc=True
    )  # a page cut short still has its text
    add("cut.jsonl.xz", lzma.compress(json.dumps({"id": "x", "text": ARTICLES[1][1]}).encode() * 3)[:-30])
    cases[-1].errors.append(
        (re.escape(shown(source_of(cases[-1].path))) + ":line 1", r"^read failed part-way \(truncated xz")
    )

    # -- huge and nested --------------------------------------------------------------------------------
    huge = root / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: no disk written
    cases.append(
        Case(
            huge,
            errors=[
                (re.escape(shown(source_of(huge))), r"^too large: 50 MB is over the 20 MB per-document cap")
            ],
        )
    )
    nested = "[" * 100_000 + "]" * 100_000
    add("nested.json", f'{{"text": {nested}}}'.encode(), cause=r"^invalid JSON \(nested too deeply")
    mixed = add(
        "mixed.jsonl",
        b"\n".join(
            [
                json.dumps({"id": "m-1", "text": ARTICLES[3][1]}).encode(),
                f'{{"id": "m-2", "text": {nested}}}'.encode(),
                b'{"id": "m-3", "text": "unterminated',
                b'["a list", "not an object"]',
                b'{"id": "m-5", "text": "caf\xe9 au lait"}',
                b'{"id": "m-6", "text": 42}',
                json.dumps({"id": "m-7", "text": ARTICLES[4][1]}).encode(),
            ]
        ),
    )
    name = re.escape(shown(source_of(mixed)))
    cases[-1].docs += [f"{source_of(mixed)}#line-1", f"{source_of(mixed)}#line-7"]
    cases[-1].errors += [
        (f"{name}:line 2", r"^invalid JSON \(nested too deeply"),
        (f"{name}:line 3", r"^invalid JSON \(Unterminated string"),
        (f"{name}:line 4", r"^expected a JSON object, got list$"),
        (f"{name}:line 5", r"^not UTF-8 \(byte \d+\)"),
        (f"{name}:line 6", r'^field "text" must be a string, got int$'),
    ]
    add(
        "not-a-feed.xml",
        b"<?xml version='1.0'?><inventory><item>bolts</item></inventory>",
        cause=r"^XML that is neither",
    )
    feed = add("broken-feed.rss", b"<rss><channel><item><title>cut")
    cases[-1].errors.append(
        (re.escape(shown(source_of(feed))) + "#entry-1", r"\(the feed XML is malformed: ")
    )

    # -- names ------------------------------------------------------------------------------------------
    add("bidi-\u202etxt.html", b"", cause=r"^empty file \(0 bytes\)$")
    add("esc-\x1b[31mred.txt", b"", cause=r"^empty file \(0 bytes\)$")
    add("tab\tand\rcr.txt", b" ", cause=r"^empty file \(only whitespace\)$")

    # -- the file system --------------------------------------------------------------------------------
    loop_a, loop_b = root / "loop-a.txt", root / "loop-b.txt"
    loop_a.symlink_to(loop_b.name)
    loop_b.symlink_to(loop_a.name)
    cases.append(
        Case(
            loop_a,
            errors=[
                (re.escape(shown(source_of(loop_a))), r"^cannot read: too many levels of symbolic links$")
            ],
        )
    )
    dangling = root / "dangling.html"
    dangling.symlink_to("gone.html")
    cases.append(
        Case(
            dangling,
            errors=[
                (re.escape(shown(source_of(dangling))), r"^broken symbolic link \(points to gone\.html\)$")
            ],
        )
    )
    folder = root / "folder"
    folder.mkdir()
    (folder / "inner.txt").write_text(_text(1, desk="folder"), encoding="utf-8")
    (folder / "self").symlink_to(".")  # a directory symlink loop inside a walk: never followed
    cases.append(Case(folder, docs=[source_of(folder / "inner.txt")]))
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    cases.append(Case(fifo, errors=[(re.escape(shown(source_of(fifo))), r"^not a regular file")]))
    locked = add("locked.txt", _text(2, desk="locked").encode())
    locked.chmod(0)
    if ROOT_USER:  # root reads it anyway: a document, not an error
        cases[-1].docs.append(source_of(locked))
    else:
        cases[-1].errors.append((re.escape(shown(source_of(locked))), r"^permission denied"))
    missing = root / "missing.html"
    cases.append(
        Case(missing, errors=[(re.escape(shown(source_of(missing))), r"^no such file or directory$")])
    )
    return cases


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in make_corpus(root):
        what = [f"doc {d!r}" for d in case.docs] + [f"error {s!r}: /{c}/" for s, c in case.errors]
        print(f"{shown(source_of(case.path))}: {'; '.join(what)}")


if __name__ == "__main__":
    main()
