"""Article similarity: features and score on hand-built documents, the API and the CLI on invented
articles (no text from the evaluation corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import wiresift
from wiresift.cli import cli
from wiresift.model import Claim, Document, Entity, Place
from wiresift.stories.similarity import (
    DATE_WINDOW,
    Background,
    Weights,
    content_words,
    cosine,
    date_factor,
    features,
    load_weights,
    normal_name,
    similarity,
    term_key,
    text_language,
    weighted,
)

FLOOD_A = (
    "Floods cut off villages in northern Valdoria\n\n"
    "Heavy rain sent the Marrow River over its banks on Tuesday, cutting off at least 40 villages near "
    "Kessington, officials in Valdoria said. Interior minister Petra Lindqvist said 1,200 people had been "
    "moved to shelters and that army boats were reaching the worst-hit hamlets."
)
FLOOD_B = (
    "Thousands flee as Marrow River floods Valdoria towns\n\n"
    "The Marrow River burst its banks near Kessington after days of rain, leaving about 40 villages cut "
    "off. Minister Petra Lindqvist told reporters that some 1,300 residents were in shelters while army "
    "boats ferried food to the flooded hamlets."
)
CUP = (
    "Harbour City Rovers win cup final\n\n"
    "Harbour City Rovers beat Eastfield United 3-1 on Saturday to lift the national cup for the first "
    "time in a decade, with striker Tomas Brenner scoring twice before a sell-out crowd."
)


def doc(text: str, **layers: object) -> Document:
    return Document(text=text, **layers).finalize()  # type: ignore[arg-type]


def test_names_fold_case_accents_and_the() -> None:
    assert normal_name("the U.N.") == normal_name("UN") == "un"
    assert normal_name("São Paulo") == normal_name("Sao  Paulo") == "sao paulo"


def test_features_count_shared_layers() -> None:
    lindqvist = Entity(id="e1", name="Petra Lindqvist", type="PERSON", mentions=[(0, 5)])
    place = Place(id="p1", name="Kessington", geonames_id=111, country="VD")
    claim_a = Claim(id="c1", text="at least 40 villages", start=0, end=5, value=40, counted="villages")
    claim_b = Claim(id="c2", text="about 42 villages", start=0, end=5, value=42, counted="Villages")
    far = Claim(id="c3", text="400 villages", start=0, end=5, value=400, counted="villages")
    a = doc("rain floods", entities=[lindqvist], places=[place], claims=[claim_a])
    b = doc("floods rain", entities=[lindqvist], places=[place], claims=[claim_b])
    c = doc("cup final", claims=[far])
    shared = features(a, b)
    assert shared["text_cosine"] == pytest.approx(1.0)
    assert shared["entity_jaccard"] == shared["place_jaccard"] == shared["country_jaccard"] == 1.0
    assert shared["claim_match"] == 1.0
    none = features(a, c)
    assert none["text_cosine"] == none["entity_jaccard"] == none["claim_match"] == 0.0
    assert all(0.0 <= v <= 1.0 + 1e-9 for v in [*shared.values(), *none.values()])


def test_more_shared_evidence_never_lowers_the_score() -> None:
    weights = load_weights()
    a = doc(FLOOD_A)
    b = doc(FLOOD_B)
    base = similarity(a, b).similarity
    place = Place(id="p1", name="Kessington", geonames_id=111, country="VD")
    richer = similarity(a.model_copy(update={"places": [place]}), b.model_copy(update={"places": [place]}))
    assert richer.similarity >= base
    assert "Kessington" in richer.evidence["places"]
    layer = [k for k in weights.coef if not k.endswith("cosine") or k == "entity_cosine"]
    assert all(weights.coef[k] >= 0 for k in layer)


def test_score_is_clipped_and_thresholded() -> None:
    model = Weights(intercept=0.2, coef={"text_cosine": 2.0}, threshold=0.5)
    same = similarity(doc("river floods valley"), doc("valley river floods"), model)
    assert same.similarity == 1.0 and same.same_story
    other = similarity(doc("river floods valley"), doc("cup final won"), model)
    assert other.similarity == 0.2 and not other.same_story


def test_dates_inside_the_window_are_evidence_only() -> None:
    a = doc("river floods", published="2026-03-01")
    b = doc("river floods", published="2026-03-04")
    result = similarity(a, b)
    assert result.evidence["days_apart"] == 3
    assert similarity(a, b.model_copy(update={"published": None})).similarity == result.similarity


def test_articles_far_apart_in_time_score_lower() -> None:
    a, b = doc(FLOOD_A, published="2026-03-01"), doc(FLOOD_B, published="2026-03-02")
    near = similarity(a, b)
    late = similarity(a, b.model_copy(update={"published": "2027-03-02"}))
    assert near.same_story and not late.same_story
    assert late.similarity == pytest.approx(near.similarity * DATE_WINDOW / 366, abs=1e-3)
    assert date_factor(None) == date_factor(DATE_WINDOW) == 1.0 and date_factor(4 * DATE_WINDOW) == 0.25


def test_every_coefficient_is_monotone_in_evidence() -> None:
    weights = load_weights()
    assert weights.coef and all(c >= 0 for c in weights.coef.values())
    assert weights.background is not None and weights.background.documents > 100


GERMAN_A = (
    "Der Stadtrat von Lindenau hat am Montag beschlossen, die alte Brücke über den Fluss im nächsten "
    "Jahr abzureißen. Die Bürger sind nicht alle damit einverstanden, und es gibt eine Petition dagegen."
)
GERMAN_B = (
    "In der Bäckerei am Marktplatz gibt es seit dieser Woche ein neues Brot mit Kürbiskernen, das nach "
    "einem Rezept der Großmutter des Bäckers gebacken wird. Es ist schon am Vormittag ausverkauft."
)


def test_unrelated_pages_in_another_language_score_low() -> None:
    """A page declared English but written in German keeps no German function words as content."""
    assert text_language(GERMAN_A, "en") == "de" and text_language(FLOOD_A, None) == "en"
    assert "der" not in content_words(GERMAN_A, "de") and "stadtrat" in content_words(GERMAN_A, "de")
    result = similarity(doc(GERMAN_A, language="en"), doc(GERMAN_B, language="en"))
    assert result.similarity < 0.3 and not result.same_story
    assert similarity(doc(GERMAN_A), doc(GERMAN_A)).same_story


def test_rare_names_weigh_more_than_common_ones() -> None:
    back = Background(documents=99, df={term_key("valdoria"): 60})
    assert back.idf("valdoria") < back.idf("kessington") == 1.0
    assert term_key("valdoria") != "valdoria" and len(term_key("valdoria")) == 8
    common = {"valdoria": 1.0, "floods": 1.0}
    rare = {"kessington": 1.0, "floods": 1.0}
    shared_common = cosine(weighted(common, back), weighted({"valdoria": 1.0, "cup": 1.0}, back))
    shared_rare = cosine(weighted(rare, back), weighted({"kessington": 1.0, "cup": 1.0}, back))
    assert shared_rare > shared_common


def test_title_counts_with_the_text() -> None:
    whole = doc(FLOOD_A)
    title, _, body = FLOOD_A.partition("\n\n")
    split = doc(body, title=title)
    other = doc(FLOOD_B)
    assert similarity(split, other).similarity == pytest.approx(similarity(whole, other).similarity)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = {}
    for name, text in (("a", FLOOD_A), ("b", FLOOD_B), ("c", CUP)):
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_same_story_through_the_api(articles: dict[str, Path]) -> None:
    same = wiresift.api.compare(articles["a"], articles["b"])
    other = wiresift.api.compare(articles["a"], articles["c"])
    assert same.same_story and not other.same_story
    assert same.similarity > other.similarity
    assert "Petra Lindqvist" in same.evidence["entities"]
    assert wiresift.similarity is wiresift.api.similarity


def test_compare_cli_two_articles(articles: dict[str, Path], tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["compare", str(articles["a"]), str(articles["b"]), "--format", "json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert set(result) == {"similarity", "same_story", "evidence"} and result["same_story"] is True
    text = runner.invoke(cli, ["compare", str(articles["a"]), str(articles["c"])])
    assert text.exit_code == 0 and "different stories" in text.output
    missing = runner.invoke(cli, ["compare", str(articles["a"]), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt" in missing.output
    assert runner.invoke(cli, ["compare", str(articles["a"])]).exit_code == 1


def test_compare_cli_pairs(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        json.dumps(
            {"id": "flood", "a": {"text": FLOOD_A}, "b": {"text": FLOOD_B, "published": "2026-03-02"}}
        ),
        "{not json",
        json.dumps({"id": "mixed", "a": {"text": FLOOD_A}, "b": {"text": CUP}}),
        json.dumps({"id": "half", "a": {"text": FLOOD_A}}),
    ]
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["compare", "--pairs", str(pairs), "--format", "jsonl"])
    assert out.exit_code == 0
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["flood", "mixed"]
    assert set(rows[0]) == {"id", "similarity", "same_story", "evidence"}
    assert rows[0]["same_story"] and not rows[1]["same_story"]
    assert f"{pairs}:line 2: invalid JSON" in out.stderr
    assert f'{pairs}:line 4: field "b"' in out.stderr
