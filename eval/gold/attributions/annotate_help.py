"""Annotation helper for the multi-outlet attribution gold (holds no corpus text).

The annotator writes, outside the repository, one plain-text work file per page in a tiny line
language that names spans by short snippets of the body; this script turns it into the committed
JSON of offsets and ids, checks every span (word edges, cue outside content) and renders a stored
gold file back for review. Work files hold corpus text and are never committed.

Usage::

    python eval/gold/attributions/annotate_help.py body ID          # print the body, numbered
    python eval/gold/attributions/annotate_help.py find ID SNIPPET  # every offset of a snippet
    python eval/gold/attributions/annotate_help.py compile ID WORKDIR  # WORKDIR/ID.ann -> ID.json
    python eval/gold/attributions/annotate_help.py compile ID WORKDIR --fresh  # -> ../attributions_fresh
    python eval/gold/attributions/annotate_help.py compile ID WORKDIR --fresh2  # -> ../attributions_fresh2
    python eval/gold/attributions/annotate_help.py compile ID WORKDIR --persons  # -> ../persons_dev
    python eval/gold/attributions/annotate_help.py show ID          # render ID.json for review

``--fresh`` writes into ``eval/gold/attributions_fresh`` (split ``fresh``, its README says why),
``--fresh2`` into ``eval/gold/attributions_fresh2`` (split ``fresh2``, blind: aggregate scores only);
``show`` looks in every folder.

Work file lines (``#`` starts a comment line)::

    E <id> <PERSON|ORG|NOM|GPE> <snippet>[{n}]   entity: its fullest mention (n-th occurrence, default 1)
    T <id> <snippet>[{n}]                        a title/role word run of a person (default: the
                                                 occurrence nearest the fullest mention)
    @ <snippet>[{n}]                             move the search cursor to a snippet
    Q <d|i|m> <s|b|i|k|o> <id|-> | <content> | <cue|-> | <mention|->

A content is ``start ~~ end`` (or one exact snippet), pieces joined by `` ;; ``; its first piece is
searched from the cursor on, and the cursor moves to it. Cue and mention take the occurrence
nearest the content (a mention: nearest the cue), unless ``{n}`` names an absolute occurrence.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
FRESH = HERE.parent / "attributions_fresh"
FRESH2 = HERE.parent / "attributions_fresh2"
PERSONS_DEV = HERE.parent / "persons_dev"
#: compile flag -> (folder, split) of the later page sets
LATER = {
    "--fresh": (FRESH, "fresh"),
    "--fresh2": (FRESH2, "fresh2"),
    "--persons": (PERSONS_DEV, "persons_dev"),
}
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO / "eval"))

from score_attributions import _distance, _edge_ok, span_problems  # noqa: E402

KINDS = {"d": "direct", "i": "indirect", "m": "mixed"}
MODES = {"s": "statement", "b": "belief", "i": "intention", "k": "knowledge", "o": "other"}
NTH = re.compile(r"\{(\d+)\}$")
Span = tuple[int, int]


def bodies() -> dict[str, str]:
    from gate import shared_eval

    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("../shared/eval is absent")
    data = json.loads((eval_dir / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v["articleBody"] for k, v in data.items()}


def occurrences(text: str, snippet: str) -> list[Span]:
    out, i = [], text.find(snippet)
    while i >= 0:
        if _edge_ok(text, i, i + len(snippet)):
            out.append((i, i + len(snippet)))
        i = text.find(snippet, i + 1)
    return out


def _split_nth(snippet: str) -> tuple[str, int | None]:
    m = NTH.search(snippet)
    return (snippet[: m.start()], int(m.group(1))) if m else (snippet, None)


def _absolute(text: str, snippet: str, default: int = 1) -> Span:
    snip, nth = _split_nth(snippet.strip())
    occ = occurrences(text, snip)
    n = nth or default
    if len(occ) < n:
        raise ValueError(f"snippet not found ({len(occ)} hits, wanted #{n}): {snip!r}")
    return occ[n - 1]


def _nearest(text: str, snippet: str, targets: list[Span]) -> Span:
    snip, nth = _split_nth(snippet.strip())
    if nth:
        return _absolute(text, snippet)
    occ = occurrences(text, snip)
    if not occ:
        raise ValueError(f"snippet not found: {snip!r}")
    return min(occ, key=lambda sp: _distance(sp, targets))


def _content(text: str, spec: str, cursor: int) -> list[Span]:
    pieces: list[Span] = []
    for k, piece in enumerate(spec.split(" ;; ")):
        start_s, sep, end_s = piece.strip().partition(" ~~ ")
        snip, nth = _split_nth(start_s)
        begin = cursor if k == 0 else pieces[-1][1]
        occ = [o for o in occurrences(text, snip) if o[0] >= begin]
        if nth:
            occ = occurrences(text, snip)[nth - 1 :]
        if not occ:
            raise ValueError(f"content start not found after {begin}: {snip!r}")
        start = occ[0][0]
        if not sep:
            pieces.append(occ[0])
            continue
        ends = [o for o in occurrences(text, end_s.strip()) if o[0] >= start]
        if not ends:
            raise ValueError(f"content end not found: {end_s!r}")
        pieces.append((start, ends[0][1]))
    return pieces


def compile_file(doc_id: str, text: str, work: Path) -> dict[str, object]:
    entities: dict[str, dict[str, object]] = {}
    rows: list[dict[str, object]] = []
    cursor = 0
    errors: list[str] = []
    for lineno, raw in enumerate(work.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            tag, _, rest = line.partition(" ")
            if tag == "E":
                eid, etype, snippet = rest.split(" ", 2)
                entities[eid] = {"type": etype, "span": list(_absolute(text, snippet)), "titles": []}
            elif tag == "T":
                eid, snippet = rest.split(" ", 1)
                span = entities[eid]["span"]
                assert isinstance(span, list)
                title = _nearest(text, snippet, [(span[0], span[1])])
                titles = entities[eid]["titles"]
                assert isinstance(titles, list)
                titles.append(list(title))
            elif tag == "@":
                cursor = _absolute(text, rest)[0]
            elif tag == "Q":
                head, content_s, cue_s, mention_s = (p.strip() for p in rest.split(" | "))
                kind, mode, spk = head.split()
                content = _content(text, content_s, cursor)
                cursor = content[0][0]
                cue = None if cue_s == "-" else _nearest(text, cue_s, content)
                mention = None if mention_s == "-" else _nearest(text, mention_s, [cue] if cue else content)
                if spk != "-" and spk not in entities:
                    raise ValueError(f"unknown entity {spk}")
                rows.append(
                    {
                        "content": [list(p) for p in content],
                        "cue": list(cue) if cue else None,
                        "mention": list(mention) if mention else None,
                        "speaker": None if spk == "-" else spk,
                        "kind": KINDS[kind],
                        "mode": MODES[mode],
                    }
                )
            else:
                raise ValueError(f"unknown line tag {tag!r}")
        except (ValueError, KeyError, AssertionError, IndexError) as exc:
            errors.append(f"{work.name}:{lineno}: {exc}")
    if errors:
        raise SystemExit("\n".join(errors))
    return {
        "id": doc_id,
        "split": "",
        "body_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "body_chars": len(text),
        "entities": entities,
        "attributions": rows,
    }


def show(gold: dict[str, object], text: str) -> None:
    entities = gold["entities"]
    assert isinstance(entities, dict)
    for eid, ent in entities.items():
        s, e = ent["span"]
        titles = " / ".join(text[a:b] for a, b in ent["titles"])
        print(f"{eid:4} {ent['type']:6} {text[s:e]!r}  titles: {titles}")
    rows = gold["attributions"]
    assert isinstance(rows, list)
    for row in rows:
        content = " ~~ ".join(
            text[a:b] if b - a < 90 else f"{text[a : a + 45]}…{text[b - 40 : b]}" for a, b in row["content"]
        )
        cue = text[slice(*row["cue"])] if row["cue"] else "-"
        mention = text[slice(*row["mention"])] if row["mention"] else "-"
        print(f"{row['kind'][:3]} {row['mode'][:4]} {row['speaker'] or '-':4} [{cue}] [{mention}] {content}")


def assign_splits() -> None:
    """Write each gold file's split by the fixed rule of ``score_attributions.split_of``."""
    from score_attributions import split_of

    paths = sorted(HERE.glob("*.json"))
    splits = split_of([p.stem for p in paths])
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["split"] = splits[path.stem]
        path.write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    print({name: sum(v == name for v in splits.values()) for name in ("tune", "heldout")})


def main(argv: list[str]) -> None:
    texts = bodies()
    cmd, short = argv[0], (argv[1] if len(argv) > 1 else "")
    if cmd == "split":
        assign_splits()
        return
    (doc_id,) = [k for k in texts if k.startswith(short)]
    text = texts[doc_id]
    if cmd == "body":
        for i, para in enumerate(text.split("\n")):
            if para.strip():
                print(f"[{i}] {para}")
    elif cmd == "find":
        print(occurrences(text, argv[2]))
    elif cmd == "compile":
        gold = compile_file(doc_id, text, Path(argv[2]) / f"{short}.ann")
        problems = span_problems(gold["entities"], gold["attributions"], text)
        if problems:
            raise SystemExit("\n".join(problems))
        folder = HERE
        for flag, (later, split) in LATER.items():
            if flag in argv[3:]:
                folder, gold["split"] = later, split
        out = folder / f"{doc_id}.json"
        out.write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(gold['attributions'])} rows, {len(gold['entities'])} entities")
    elif cmd == "split":
        assign_splits()
    elif cmd == "show":
        path = next(
            (d / f"{doc_id}.json" for d in (FRESH, FRESH2, PERSONS_DEV) if (d / f"{doc_id}.json").exists()),
            None,
        )
        path = HERE / f"{doc_id}.json" if path is None else path
        show(json.loads(path.read_text(encoding="utf-8")), text)


if __name__ == "__main__":
    main(sys.argv[1:])
