"""Two trust persons editing one record: the second save is refused and told what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.models import Contact, Participant, TrustPerson
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.contacts import ContactInput, contact_input, log_contact, update_contact
from tp_tui.services.handover import HandoverInput, hand_over_participant
from tp_tui.services.participants import ParticipantInput, add_participant, update_participant


def test_the_second_save_of_a_participant_is_told_what_changed(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", phone="91234567"), clock)
    # Two sessions read the same version.
    first = Participant.get_by_id(kari.id)
    second = Participant.get_by_id(kari.id)
    update_participant(
        kari.id, ParticipantInput(name="Kari Nordmann", phone="98765432"), clock, first.version
    )
    typed = ParticipantInput(name="Kari N. Nordmann", phone="91234567", about="Liker kaffe")
    with pytest.raises(ChangedSince) as refused:
        update_participant(kari.id, typed, clock, second.version)
    assert [change.field for change in refused.value.changes] == ["phone"]
    assert refused.value.changes[0].now == "+4798765432"
    assert Participant.get_by_id(kari.id).name == "Kari Nordmann"  # nothing overwritten
    # Saving again on top of what is stored is the user's explicit choice.
    update_participant(kari.id, typed, clock, refused.value.version)
    assert Participant.get_by_id(kari.id).name == "Kari N. Nordmann"


def test_a_handover_meanwhile_is_named(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    opened = Participant.get_by_id(kari.id).version
    eva = TrustPerson.create(name="Eva Solheim", login="eva", created_at=clock.now())
    hand_over_participant(kari.id, HandoverInput(eva.id), clock)
    with pytest.raises(ChangedSince) as refused:
        update_participant(kari.id, ParticipantInput(name="Kari"), clock, opened)
    assert [change.field for change in refused.value.changes] == ["responsible"]


def test_the_second_save_of_a_contact_is_told_what_changed(
    db_path: Path, clock: FrozenClock
) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    contact = log_contact(ContactInput(ola.id, "i dag 09:00", note="Kaffe"), clock)
    stored = contact_input(contact.id)
    assert stored is not None
    data, version = stored
    update_contact(
        contact.id, ContactInput(ola.id, "i dag 09:00", note="Kaffe og prat"), clock, version
    )
    with pytest.raises(ChangedSince) as refused:
        update_contact(
            contact.id, ContactInput(ola.id, "i dag 10:00", note="Kaffe"), clock, version
        )
    assert [change.field for change in refused.value.changes] == ["note"]
    assert Contact.get_by_id(contact.id).note == "Kaffe og prat"
