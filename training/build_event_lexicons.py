"""Build the events stage's lexicons from the PETRARCH2 dictionaries: ``make event-lexicons``
(``python training/build_event_lexicons.py [PETRARCH2_DIR]``, default ``../shared/resources/petrarch2``).

Training code: it lives outside the runtime package and writes only facts (lemmas, words, codes) into
``src/wiresift/nlp/events/data/``, with the MIT notice of the dictionaries beside them:

- ``verbs.json``: CAMEO verb blocks: verb lemmas (with a particle where the dictionary joins one,
  "take over"), the block's code, and the block's phrase patterns reduced to what a dependency parse
  can check (subject head, particle, object head, preposition and its object head) with their CAMEO
  code and, under ``by``, the verb of the block the pattern was written for (the dictionary's
  comment, "# BREAK"); synonym sets (``&MILITARY``) as word lists.
- ``actors.json``: country and international names, adjectives and capitals -> CAMEO actor code
  ("RUS", "IGOUNO", "AFGREB"), and named office holders with their dated roles.
- ``agents.json``: generic agent nouns -> sector code ("police" -> "COP", "rebel" -> "REB").

The coder that uses them is wiresift's own (:mod:`wiresift.nlp.events`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "resources" / "petrarch2"
OUT = REPO / "src" / "wiresift" / "nlp" / "events" / "data"

#: Words the verb patterns put right after the verb that are particles, not objects ("SET OFF").
PARTICLES = frozenset(
    [
        "up",
        "down",
        "out",
        "off",
        "over",
        "back",
        "away",
        "on",
        "in",
        "aside",
        "forward",
        "together",
        "apart",
        "around",
        "through",
    ]
)
#: Prepositions the patterns sometimes write without their parentheses ("- &MILITARY * TO"): a
#: preposition with the word after it as its object, not the verb's object.
PREPOSITIONS = frozenset({"to", "toward", "towards", "into", "in", "on", "at", "against", "with", "for", "from",
                          "of", "near", "across", "along", "by", "onto", "upon", "about"})  # fmt: skip
#: Pattern markers without a parse equivalent (TABARI's source/target/skip/compound markers).
MARKERS = frozenset({"$", "+", "^", "%"})
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def _words(phrase: str) -> list[str]:
    """ "RUSSIAN_FEDERATION_" -> ["russian", "federation"]."""
    phrase = re.sub(r"\(.*?\)", " ", phrase)
    return [w for w in phrase.lower().replace("_", " ").split() if w]


def _code(raw: str) -> str | None:
    """ "042:043" -> "042"; ":173" -> "173"; "---" -> None."""
    for part in raw.split(":"):
        part = part.strip()
        if part and part != "---":
            return part
    return None


def _pattern_parts(body: str) -> list[str]:
    """Tokens of a pattern body with braced phrases and parentheses kept as single items."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s]+", body)


def _head(item: str) -> str | None:
    """The head word of a pattern item: a word, a ``&SYNSET`` or the last word of ``{A B}``."""
    if item.startswith("{"):
        words = item.strip("{}").split()
        return _head(words[-1]) if words else None
    if item in MARKERS:
        return None
    if item.startswith("&"):
        return item.rstrip("_")
    return item.lower().replace("_", " ")


def parse_pattern(line: str) -> dict[str, object] | None:
    """ "- &MILITARY * EXERCISES [062:062] # STAGE" -> {subj, part, obj, prep, pobj, code}; a second
    prepositional phrase gives ``prep2`` and ``pobj2``."""
    body = line[1:].split("#", 1)[0]
    found = _CODE.search(body)
    if not found or "*" not in body:
        return None
    code = _code(found.group(1))
    pre, post = body[: found.start()].split("*", 1)
    pattern: dict[str, object] = {"code": code}
    pre_items = [i for i in _pattern_parts(pre) if i not in MARKERS]
    if pre_items and not pre_items[-1].startswith("("):
        pattern["subj"] = _head(pre_items[-1])
    bare_prep: str | None = None  # "- $ TROOP * TOWARD +": a preposition written without parentheses
    for item in _pattern_parts(post):
        if item in MARKERS:
            continue
        if bare_prep is not None and not item.startswith("("):
            pattern[bare_prep.replace("prep", "pobj")] = _head(item)
            bare_prep = None
            continue
        bare_prep = None
        if item.lower() in PREPOSITIONS and item.lower() not in PARTICLES and "prep2" not in pattern:
            bare_prep = "prep2" if "prep" in pattern else "prep"
            pattern[bare_prep] = item.lower().replace("towards", "toward")
            continue
        if item.startswith("("):
            inner = _pattern_parts(item.strip("()"))
            if not inner or "prep2" in pattern:
                continue
            # "* (IN ^) (FOR CONSULTATION)": both phrases must be there, the second is the telling one
            key = "prep2" if "prep" in pattern else "prep"
            pattern[key] = inner[0].lower().replace("towards", "toward")  # one spelling, as the parse's
            if len(inner) > 1:
                pattern[key.replace("prep", "pobj")] = _head(inner[-1])
        elif item.lower() in PARTICLES and "obj" not in pattern and "part" not in pattern:
            pattern["part"] = item.lower()
        elif "obj" not in pattern and "prep" not in pattern:
            pattern["obj"] = _head(item)
            words = item.strip("{}").split()[:-1] if item.startswith("{") else []
            mods = [w.lower().replace("_", " ") if not w.startswith("&") else w.rstrip("_") for w in words]
            if mods:  # "{NO &EVIDENCE}": the words before the object's head modify it
                pattern["obj_mods"] = [m for m in mods if m not in MARKERS]
    pattern = {k: v for k, v in pattern.items() if v is not None or k == "code"}
    if len(pattern) == 1:
        return None
    comment = line.split("#", 1)[1].split() if "#" in line else []
    if comment and comment[0].isupper():  # "# BREAK": the verb the pattern was written for
        pattern["by"] = " ".join(_words(comment[0]))
    return pattern


def _listed_forms(line: str) -> list[str]:
    """The irregular forms a verb line lists in braces: "GO {WENT GOES GONE GOING}" -> ["went", ...]."""
    found = re.search(r"\{([^}]*)\}", line.split("#", 1)[0])
    return [" ".join(_words(w.lstrip("+"))) for w in found.group(1).split()] if found else []


def _inflections(lemma: str) -> list[str]:
    """Regular inflections of a verb, or of the first word of a phrasal verb ("pull out" -> "pulled out",
    "pulls out", "pulling out"; "rally" -> "rallied"; "step up" -> "stepped up")."""
    verb, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    stems = {verb, verb + verb[-1]} if len(verb) > 2 and verb[-1] not in "aeiouwxy" else {verb}
    forms = {f"{verb}s", f"{verb}es", f"{verb}d"}
    for stem in stems:
        forms |= {f"{stem}ed", f"{stem}ing"}
    if verb.endswith("e"):
        forms.add(f"{verb[:-1]}ing")
    if verb.endswith("y"):
        forms |= {f"{verb[:-1]}ied", f"{verb[:-1]}ies"}
    return [form + tail for form in sorted(forms)]


def alternatives(pattern: dict[str, object]) -> list[dict[str, object]]:
    """A pattern with words written as alternatives ("(IN BOMBING/EXPLOSION)", "(BY/WITH &WEAPON)") as
    one pattern per alternative."""
    out = [pattern]
    for key in ("subj", "obj", "prep", "pobj", "prep2", "pobj2"):
        value = pattern.get(key)
        if isinstance(value, str) and "/" in value:
            out = [{**item, key: word} for item in out for word in value.split("/") if word]
    return out


def parse_verbs(path: Path) -> dict[str, object]:
    synsets: dict[str, list[str]] = {}
    blocks: list[dict[str, object]] = []
    current_set: list[str] | None = None
    block: dict[str, object] | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("&"):
            current_set = synsets.setdefault(line.split()[0].rstrip("_"), [])
            block = None
            continue
        head = _BLOCK.match(line)
        if head:
            current_set = None
            block = {"name": head.group(1).lower(), "code": _code(head.group(2)), "verbs": {}, "patterns": []}
            blocks.append(block)
            continue
        if current_set is not None and line.startswith("+"):
            current_set.append(" ".join(_words(line[1:].split("#", 1)[0])))
            continue
        if block is None or line.startswith("~"):
            continue
        if line.startswith("-"):
            pattern = parse_pattern(line)
            if pattern is not None:
                block["patterns"].extend(alternatives(pattern))  # type: ignore[attr-defined]
            continue
        text = line.split("#", 1)[0]
        found = _CODE.search(text)
        verb_code = _code(found.group(1)) if found else block["code"]
        phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()
        if not phrase:
            continue
        words = phrase[0].split("_")
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        verb_at = marked[0] if marked else 0
        if verb_at != 0:
            continue  # pre-compounded verbs ("WIRE_+TAP") are rare and the parser splits them
        lemma = " ".join(w.lstrip("+").lower() for w in words if w)
        block["verbs"][lemma] = verb_code  # type: ignore[index]
        forms = block.setdefault("forms", {})
        for form in [*_inflections(lemma), *_listed_forms(text)]:
            forms.setdefault(form, lemma)  # type: ignore[union-attr]
    for item in blocks:  # a pattern's verb is kept only when it is one of its block's verbs
        forms = item.pop("forms", {})
        for pattern in item["patterns"]:  # type: ignore[attr-defined]
            # the comment names the verb as the pattern's source text had it: "# PULLED_OUT", "# WENT_TO"
            by = pattern.get("by")
            if by is not None and by not in item["verbs"]:  # type: ignore[operator]
                by = forms.get(by)  # type: ignore[union-attr]
            if by is None:
                pattern.pop("by", None)
            else:
                pattern["by"] = by
    return {"synsets": synsets, "blocks": [b for b in blocks if b["verbs"]]}


def parse_actors(paths: list[Path]) -> dict[str, object]:
    """Names -> code (undated entries) and office holders -> dated codes."""
    names: dict[str, str] = {}
    people: dict[str, list[list[str]]] = {}
    record: list[str] = []
    default: str | None = None
    dated: list[list[str]] = []

    def flush() -> None:
        if not record:
            return
        for phrase in record:
            key = " ".join(_words(phrase))
            if not key or len(key) < 2:
                continue
            if dated:
                people.setdefault(key, dated + ([[default, "", ""]] if default else []))
            elif default and " " not in default:
                names.setdefault(key, default)
            elif default:  # "[IGOASABUS 000801-020731]" on the name's own line: a dated role
                code, span = default.split(None, 1)
                lo, _, hi = span.partition("-")
                people.setdefault(key, [[code, lo, hi]])

    for path in paths:
        for raw in path.read_text(encoding="latin-1").splitlines():
            line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
            if not line.strip():
                continue
            if raw.startswith(("\t", " ")) and line.strip().startswith("["):
                inner = line.strip().strip("[]").split()
                if not inner:
                    continue
                code = inner[0]
                if len(inner) == 1:
                    default = code
                    continue
                span = inner[1]
                if span.startswith("<"):
                    dated.append([code, "", span[1:]])
                elif span.startswith(">"):
                    dated.append([code, span[1:], ""])
                elif "-" in span:
                    lo, hi = span.split("-", 1)
                    dated.append([code, lo, hi])
                continue
            if line.startswith("+"):
                record.append(line[1:].split("[", 1)[0])
                found = _CODE.search(line)
                if found and not default:
                    default = found.group(1).strip()
                continue
            flush()
            record = [line.split("[", 1)[0]]
            found = _CODE.search(line)
            default = found.group(1).strip() if found else None
            dated = []
        flush()
        record, default, dated = [], None, []
    return {"names": names, "people": _group_people(people)}


def _date(raw: str) -> str:
    """YYMMDD or YYYYMMDD -> YYYYMMDD (two-digit years below 30 are 20xx, as in the dictionaries)."""
    if len(raw) == 6:
        return ("20" if int(raw[:2]) < 30 else "19") + raw
    return raw


#: Office holders whose every dated role ended before this date are left out: the runtime reads
#: current news, and older roles are most of the dictionary's people.
OLDEST_ROLE_END = "20050101"


def _group_people(people: dict[str, list[list[str]]]) -> list[list[object]]:
    """[[names...], [[code, from, to], ...]] per distinct role list, recent roles only."""
    grouped: dict[str, list[object]] = {}
    for name, roles in people.items():
        fixed = [[code, _date(lo), _date(hi)] for code, lo, hi in roles]
        if all(hi and hi < OLDEST_ROLE_END for _, _, hi in fixed):
            continue
        key = json.dumps(fixed)
        grouped.setdefault(key, [[], fixed])[0].append(name)  # type: ignore[union-attr]
    return sorted(grouped.values(), key=lambda item: str(item[0]))


def parse_agents(path: Path) -> dict[str, str]:
    """Agent nouns -> sector code (the first three letters after ``~``: "~COPDEF" -> "COP")."""
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            macros[name.strip()] = [v.strip().lower() for v in values.split(",")]
            continue
        found = _CODE.search(line)
        if not found:
            continue
        code = found.group(1).replace("~", "").strip()[:3]
        phrase = line[: found.start()]
        phrase = re.sub(r"\{[^}]*\}", " ", phrase).strip()
        variants = [phrase]
        for macro, words in macros.items():
            if macro in phrase:
                variants = [phrase.replace(macro, w) for w in words]
        for variant in variants:
            key = " ".join(_words(variant))
            if key and code:
                agents.setdefault(key, code)
    return agents


NOTICE = """Derived from the PETRARCH2 dictionaries (github.com/openeventdata/petrarch2, commit 676801c,
petrarch2/data/dictionaries/) by training/build_event_lexicons.py: only words, lemmas and codes.

The MIT License (MIT)

"""


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    if not (src / "CAMEO.2.0.txt").is_file():
        print(f"{src}: no CAMEO.2.0.txt here; pass the PETRARCH2 dictionary folder", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    verbs = parse_verbs(src / "CAMEO.2.0.txt")
    actors = parse_actors(
        [
            src / "Phoenix.Countries.actors.txt",
            src / "Phoenix.International.actors.txt",
            src / "Phoenix.MilNonState.actors.txt",
        ]
    )
    agents = parse_agents(src / "Phoenix.agents.txt")
    for name, data in (("verbs", verbs), ("actors", actors), ("agents", agents)):
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (OUT / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        print(f"{name}.json: {len(text):,} chars")
    licence = (src / "LICENSE").read_text(encoding="utf-8")
    (OUT / "NOTICE-PETRARCH2.txt").write_text(NOTICE + licence.split("\n", 2)[-1].lstrip(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
