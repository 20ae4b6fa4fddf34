"""In-domain check: the shared sample article's events (the issue #14 goal)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from test_sample_quotes import sample_document

from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


def test_sample_events(sample_path: Path, nlp: Language) -> None:
    doc = sample_document(sample_path)
    doc.published = "2022-02-11"
    doc = Pipeline()(doc)
    assert doc.errors == [] and doc.check_spans() == []
    places = {p.id: p.name for p in doc.places}
    by_text = {(e.text, e.plover): e for e in doc.events}
    # The militant build-up is coded (in the general's quoted words, where the text names it again).
    build_up = [e for e in doc.events if e.plover == "MOBILIZE" and e.source and "militants" in e.source.text]
    assert build_up and build_up[0].source is not None and build_up[0].source.sector == "REB"
    assert build_up[0].acled == "Change to group/activity" and build_up[0].size == 5000
    assert ("exercises", "MOBILIZE") in by_text
    drills = by_text[("drills", "MOBILIZE")]
    assert drills.hypothetical == "planned"
    takeover = by_text[("takeover", "ASSAULT")]
    assert takeover.acled == "Non-state actor overtakes territory"
    assert takeover.source is not None and takeover.source.text == "Taliban" and takeover.time == "2021-08"
    assert (takeover.source.code, takeover.source.sector) == ("AFG", "REB")
    met = next(e for e in doc.events if e.text == "met" and e.reported_by is None)
    assert met.plover == "CONSULT" and met.quad == "VERBAL_COOPERATION"
    assert met.source is not None and met.source.code == "KAZ" and met.source.sector == "GOV"
    assert met.target is not None and met.target.code == "RUS"
    assert places.get(met.place or "") == "Moscow" and met.time == "2022-02-11"


def test_sample_main_event_is_the_build_up(sample_path: Path, nlp: Language) -> None:
    doc = sample_document(sample_path)
    doc.published = "2022-02-11"
    doc = Pipeline()(doc)
    places = {p.id: p.name for p in doc.places}
    # The lead's militant build-up is the main event, listed first: it is the root of the lead's first
    # sentence, while the meeting (after which it was revealed) and the takeover (since which the
    # alliance has worried) are modifiers.
    main = doc.events[0]
    assert main.plover == "MOBILIZE" and main.source is not None and "militants" in main.source.text
    assert main.source.sector == "REB" and main.acled == "Change to group/activity"
    assert main.size == 5000 and places.get(main.place or "") == "Afghanistan"
