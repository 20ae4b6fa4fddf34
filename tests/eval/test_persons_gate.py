"""Gate: PERSON entities on GUM news and interviews, plus the scorer's rules on a hand-made TSV."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_persons

#: An invented two-sentence document in GUM's WebAnno TSV layout (tokens, offsets, types, identities).
TSV = "\n".join(
    [
        "#FORMAT=WebAnno TSV 3.2",
        "#Text=Mayor Ada Quill spoke .",
        "1-1\t0-5\tMayor\tperson[1]\tnew[1]\t_\tAda_Quill[1]\t_\t_\t_\t",
        "1-2\t6-9\tAda\tperson[1]\tnew[1]\t_\tAda_Quill[1]\t_\t_\t_\t",
        "1-3\t10-15\tQuill\tperson[1]\tnew[1]\t_\tAda_Quill[1]\t_\t_\t_\t",
        "1-4\t16-21\tspoke\t_\t_\t_\t_\t_\t_\t_\t",
        "1-5\t22-23\t.\t_\t_\t_\t_\t_\t_\t_\t",
        "#Text=Arabs and she agreed .",
        "2-1\t24-29\tArabs\tperson\tnew\t_\tArabs\t_\t_\t_\t",
        "2-2\t30-33\tand\t_\t_\t_\t_\t_\t_\t_\t",
        "2-3\t34-37\tshe\tperson\tgiv\t_\tAda_Quill\t_\t_\t_\t",
        "2-4\t38-44\tagreed\t_\t_\t_\t_\t_\t_\t_\t",
    ]
)


def test_scorer_on_a_hand_made_document() -> None:
    art = score_persons.parse_tsv("x", TSV)
    assert art.text.startswith("Mayor Ada Quill spoke . Arabs and she")
    named = [m for m in art.mentions if m.head is not None]
    assert [art.text[s:e] for s, e in (m.head for m in named if m.head)] == ["Quill"]  # not "Arabs", "she"
    right = [[(6, 15), (34, 37)]]  # the name and the pronoun: both overlap gold person mentions
    junk = [[(6, 15)], [(30, 33)]]  # "and" is nobody
    assert score_persons.score([art], [right])["recall"] == 1.0
    s = score_persons.score([art], [junk])
    assert s["precision"] == 0.5 and s["junk_rate"] == 0.5 and s["clean_rate"] == 0.5
    assert score_persons.score([art], [[[(0, 5)]]])["recall"] == 0.0  # the title alone misses the head


@pytest.mark.eval
def test_persons_gate(eval_dir: Path) -> None:
    scores = score_persons.run(eval_dir)
    assert scores["documents"] == 43 and scores["gold_named_mentions"] == 405
    assert gate.check("persons", scores) == [], scores
