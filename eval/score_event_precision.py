"""Score the precision of the events stage against hand judgements (``eval/gold/events_precision``).

Usage: ``python eval/score_event_precision.py [--breakdown] [tune|heldout|all]`` prints one JSON object
of scores per half; ``--dump [tune|heldout|all]`` prints every predicted event with its sentence and its verdicts
(for judging: the output holds corpus text, keep it out of the repo).

The gold names 30 news articles (15 of ``examples/corpus``, 15 pages of ``../shared/eval/extraction``)
and, for each event the pipeline predicted on them, whether it is a real event of the predicted PLOVER
type (``type``), whether its source and target are right or rightly empty (``actors``) and whether its
place is right or rightly empty (``place``). Events are matched by trigger offsets. A predicted event
with no judgement, or judged when its category, actors or place were other than they are now (each
judgement keeps what it judged: category, actor offsets — coordinated actors' too, where the event lists
any — and place name), is counted as ``unjudged`` and left out of the precision (the gold must be
completed). Coordinated actors (``also_sources``, ``also_targets``) belong to ``actors``: a wrong listed
actor, or one named in the clause and missing, makes the actors wrong.

- ``type_precision``: judged events right in type / judged events.
- ``full_precision``: judged events right in type, actors and place / judged events.
- ``errors``: judged events wrong in type (no event, or not of that type); right in type but wrong
  in actors; right in type but wrong in place (an event can be wrong in both actors and place).
- ``error_roles`` (with ``--breakdown``; counts only, safe on the held-out half): of the events right in
  type but wrong in actors, how many have a source, a target, a pronoun source; of those wrong in
  place, how many have a place or none. The verdict does not say which role is wrong: these counts
  only say what the wrong predictions hold.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gate import REPO, shared_eval
from page_gold import SPLITS
from wiresift.model import Document, Event

GOLD_DIR = Path(__file__).parent / "gold" / "events_precision"
#: The publication date of an extraction page, read from its URL (/2019/11/19/); none when absent.
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")


@dataclass
class Article:
    gold: dict[str, Any]
    doc: Document


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _example(gold: dict[str, Any]) -> Document:
    from wiresift import api

    items = [d for d in api.read([REPO / gold["id"]]) if isinstance(d, Document)]
    if not items:
        raise SystemExit(f"{gold['id']}: the example could not be read")
    return items[0]


def _page(gold: dict[str, Any], truth: dict[str, Any]) -> Document:
    record = truth[gold["id"]]
    match = _URL_DATE.search(record.get("url") or "")
    published = "-".join(match.groups()) if match else None
    return Document(id=gold["id"], text=record["articleBody"], url=record.get("url"), published=published)


def articles(eval_dir: Path | None, split: str = "all") -> Iterator[Article]:
    """The judged articles of ``split`` with their (unanalysed) documents, bodies verified by sha256."""
    truth: dict[str, Any] | None = None
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split != "all" and gold["split"] != split:
            continue
        if gold["kind"] == "page":
            if eval_dir is None:
                continue
            if truth is None:
                truth = json.loads(
                    (eval_dir / "extraction" / "ground-truth.json").read_text(encoding="utf-8")
                )
            doc = _page(gold, truth)
        else:
            doc = _example(gold)
        if sha(doc.text) != gold["body_sha256"]:
            raise SystemExit(f"{path.name}: the body changed since judging (sha256 differs)")
        yield Article(gold, doc)


def _key(event: Event) -> tuple[int, int]:
    return event.start, event.end


def snapshot(doc: Document, event: Event) -> dict[str, Any]:
    """What a judgement judged: the category, the actors' offsets and the place's name (a gazetteer
    name, not text of the article). A prediction that differs from it needs a new judgement."""
    names = {p.id: p.name for p in doc.places}
    judged: dict[str, Any] = {
        "plover": event.plover,
        "source": [event.source.start, event.source.end] if event.source else None,
        "target": [event.target.start, event.target.end] if event.target else None,
        "place": names.get(event.place or ""),
    }
    # coordinated actors are part of the actors judged: a list, once there, needs its own judgement
    for key, actors in (("also_sources", event.also_sources), ("also_targets", event.also_targets)):
        if actors:
            judged[key] = [[a.start, a.end] for a in actors]
    return judged


def _roles(event: Event, j: dict[str, Any], counts: dict[str, int]) -> None:
    """Add what an event right in type but wrong in actors or place holds to ``counts``."""
    if j["type"] and not j["actors"]:
        counts["actors_with_source"] += int(event.source is not None)
        counts["actors_with_target"] += int(event.target is not None)
        counts["actors_pronoun_source"] += int(
            event.source is not None and event.source.text.lower() in _PRONOUNS
        )
        counts["actors_both_empty"] += int(event.source is None and event.target is None)
    if j["type"] and not j["place"]:
        counts["place_given"] += int(event.place is not None)
        counts["place_empty"] += int(event.place is None)


#: Pronouns an actor's text may be (the breakdown counts pronoun sources).
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "him",
                       "them", "us", "you"})  # fmt: skip
_ROLE_KEYS = ("actors_with_source", "actors_with_target", "actors_pronoun_source", "actors_both_empty",
              "place_given", "place_empty")  # fmt: skip


def score(arts: list[Article], breakdown: bool = False) -> dict[str, Any]:
    judged = right_type = right_full = unjudged = 0
    wrong: dict[str, int] = {}
    errors = {"type": 0, "actors": 0, "place": 0}
    roles = dict.fromkeys(_ROLE_KEYS, 0)
    for art in arts:
        verdicts = {(j["start"], j["end"]): j for j in art.gold["events"]}
        for event in art.doc.events:
            j = verdicts.get(_key(event))
            if j is None or j["judged"] != snapshot(art.doc, event):
                unjudged += 1
                continue
            judged += 1
            right_type += int(j["type"])
            right_full += int(j["type"] and j["actors"] and j["place"])
            if not j["type"]:
                wrong[j.get("lemma", "")] = wrong.get(j.get("lemma", ""), 0) + 1
            errors["type"] += int(not j["type"])
            errors["actors"] += int(j["type"] and not j["actors"])
            errors["place"] += int(j["type"] and not j["place"])
            _roles(event, j, roles)
    out: dict[str, Any] = {
        "articles": len(arts),
        "judged": judged,
        "unjudged": unjudged,
        "type_precision": round(right_type / judged, 4) if judged else 0.0,
        "full_precision": round(right_full / judged, 4) if judged else 0.0,
        "errors": errors,
        "false_triggers": dict(sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    if breakdown:
        out["error_roles"] = roles
    return out


def analysed(eval_dir: Path | None, split: str) -> dict[str, list[Article]]:
    from wiresift.nlp.pipeline import Pipeline

    pipeline = Pipeline()
    out = {}
    for half in SPLITS if split == "all" else (split,):
        arts = list(articles(eval_dir, half))
        for art, doc in zip(arts, pipeline.run([a.doc for a in arts]), strict=True):
            art.doc = doc
        out[half] = arts
    return out


def evaluate(eval_dir: Path | None, split: str = "all", breakdown: bool = False) -> dict[str, dict[str, Any]]:
    return {half: score(arts, breakdown) for half, arts in analysed(eval_dir, split).items()}


def dump(eval_dir: Path | None, split: str) -> None:
    for half, arts in analysed(eval_dir, split).items():
        for art in arts:
            doc = art.doc
            verdicts = {(j["start"], j["end"]): j for j in art.gold["events"]}
            places = {p.id: p.name for p in doc.places}
            print(f"=== {half} {art.gold['id']}")
            for e in doc.events:
                s, t = max(0, e.start - 110), e.end + 110
                sent = (doc.text[s : e.start] + "[[" + doc.text[e.start : t]).replace("\n", " ")
                src = f"{e.source.text}/{e.source.code}/{e.source.sector}" if e.source else "-"
                tgt = f"{e.target.text}/{e.target.code}/{e.target.sector}" if e.target else "-"
                src += "".join(f" + {a.text}/{a.code}/{a.sector}" for a in e.also_sources)  # coordinated
                tgt += "".join(f" + {a.text}/{a.code}/{a.sector}" for a in e.also_targets)
                j = verdicts.get(_key(e))
                if j is not None and j["judged"] != snapshot(doc, e):
                    j = None  # judged on another prediction
                mark = "UNJUDGED" if j is None else f"{int(j['type'])}{int(j['actors'])}{int(j['place'])}"
                print(f"[{e.start},{e.end}] {mark} {e.text!r} {e.plover} src={src} tgt={tgt} "
                      f"place={places.get(e.place or '')} hyp={e.hypothetical}")  # fmt: skip
                print(f"    {sent}")


def main(argv: list[str]) -> int:
    eval_dir = shared_eval()
    if eval_dir is None:
        print("../shared/eval is absent: scoring the examples only", file=sys.stderr)
    args = argv[1:]
    if args and args[0] == "--dump":
        dump(eval_dir, args[1] if len(args) > 1 else "all")
        return 0
    breakdown = "--breakdown" in args
    args = [a for a in args if a != "--breakdown"]
    split = args[0] if args else "all"
    if split not in (*SPLITS, "all"):
        raise SystemExit(
            "usage: python eval/score_event_precision.py [--dump | --breakdown] [tune|heldout|all]"
        )
    print(json.dumps(evaluate(eval_dir, split, breakdown), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
