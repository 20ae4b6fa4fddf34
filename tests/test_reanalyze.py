"""Corrections survive a real re-analysis: the spaCy pipeline runs again over the stored text."""

from __future__ import annotations

from pathlib import Path

from wiresift import api

ARTICLE = Path(__file__).parent / "fixtures" / "store" / "sidorov_warning.txt"


def test_reanalysis_with_the_pipeline_keeps_every_correction(tmp_path: Path) -> None:
    db = tmp_path / "re.db"
    report = api.ingest([ARTICLE], db=db)
    assert report.ingested == 1
    with api.open_store(db) as store:
        doc = store.load(report.ids[0])
        assert doc.quotes and doc.places, "the fixture should yield a quote and a place"
        quote, place = doc.quotes[0], doc.places[0]
        fixed = api.reassign_speaker(store, doc.id, quote.id, speaker_name="Dana Okoye", who="ana")
        api.reject_place(store, doc.id, place.id, who="ana", why="wrong match")
        if len(doc.quotes) > 1:
            api.reject_quote(store, doc.id, doc.quotes[1].id, who="ana")
        before = store.load(doc.id)
        assert api.reanalyze(store) == 1
        after = store.load(doc.id)
        assert after.model_dump(exclude={"stages"}) == before.model_dump(exclude={"stages"})
        assert [q.speaker_name for q in api.quotes(store) if q.start == quote.start] == ["Dana Okoye"]
        assert all(p.name != place.name or p.doc_ids != [doc.id] for p in api.places(store))
        api.undo_correction(store, fixed.id, who="ana")
        back = next(q for q in store.load(doc.id).quotes if q.start == quote.start)
        assert back.speaker_name == quote.speaker_name
