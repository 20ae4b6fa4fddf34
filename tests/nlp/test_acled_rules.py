"""The rules of the ACLED-style categories (issue #14), on the coder's own fields: a clash needs two
armed sides, an explosive named makes a killing a bombing, and an assault is no deal, march or retreat
whatever its sentence's words tell the learned typer."""

from __future__ import annotations

from wiresift.model import EventActor
from wiresift.nlp.events import acled

SOLDIERS = EventActor(text="soldiers", sector="MIL")
REBELS = EventActor(text="rebels", sector="REB")


def test_a_killing_with_no_armed_side_is_an_attack() -> None:
    assert acled.category("ASSAULT", "190", "kill", None, None, None, {"kill", "people"}) == "Attack"
    assert acled.category("ASSAULT", "190", "kill", None, SOLDIERS, None, {"kill"}) == "Armed clash"
    assert acled.category("ASSAULT", "190", "fight", None, None, None, {"fight"}) == "Armed clash"


def test_an_explosive_named_makes_a_killing_a_bombing() -> None:
    context = {"kill", "bomb", "market"}
    assert (
        acled.category("ASSAULT", "190", "kill", None, None, None, context) == "Remote explosive/landmine/IED"
    )
    # fighters clashing near a mined road still clash
    clash = acled.category("ASSAULT", "190", "clash", None, SOLDIERS, REBELS, {"clash", "mine", "road"})
    assert clash == "Armed clash"


def test_an_assault_is_no_deal_march_or_retreat() -> None:
    assert not acled.fits("ASSAULT", "Agreement")
    assert not acled.fits("ASSAULT", "Peaceful protest")
    assert acled.fits("ASSAULT", "Attack")
    # other categories keep whatever their sentence's security event is
    assert acled.fits("CONSULT", "Non-violent transfer of territory")
    assert acled.fits(None, "Agreement")


def test_people_captured_are_no_territory() -> None:
    assert acled.category("ASSAULT", "190", "capture", None, SOLDIERS, REBELS, {"capture"}) == "Armed clash"
    workers = EventActor(text="aid workers", sector="CVL")
    taken = acled.category("ASSAULT", "190", "capture", None, REBELS, workers, {"capture"})
    assert taken == "Abduction/forced disappearance"
    town = acled.category("ASSAULT", "190", "capture", None, REBELS, None, {"capture", "town"})
    assert town == "Non-state actor overtakes territory"
