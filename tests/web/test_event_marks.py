"""Events on the article page: the trigger's mark names its actors, place and time; the side list too."""

from __future__ import annotations

from wiresift.model import Document, Event, EventActor, Place
from wiresift.web.highlight import event_line, notes

TEXT = "Freedonian troops massed near Sylvania on Monday."


def document() -> Document:
    return Document(
        id="d1",
        text=TEXT,
        places=[Place(id="p1", name="Sylvania", mentions=[(30, 38)])],
        events=[
            Event(
                id="v1", text="massed", start=18, end=24, plover="MOBILIZE", cameo="154",
                source=EventActor(text="Freedonian troops", start=0, end=17, code="FRE", sector="MIL"),
                place="p1", time="2024-05-06", hypothetical="planned",
            )
        ],
    )  # fmt: skip


def test_event_mark_names_actors_place_and_time() -> None:
    label = next(n.label for n in notes(document()) if n.layer == "event")
    assert "MOBILIZE" in label and "Freedonian troops [FRE/MIL] → ?" in label
    assert "at Sylvania" in label and "on 2024-05-06" in label and "planned" in label


def test_event_line_for_the_side_list() -> None:
    assert event_line(document().events[0], document()).startswith(
        "Freedonian troops [FRE/MIL] → ?; at Sylvania"
    )
