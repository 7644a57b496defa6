"""Version 1: the first schema, frozen as it was shipped."""

from __future__ import annotations

from typing import Any

from peewee import BooleanField, DateField, ForeignKeyField, IntegerField, Model, TextField

from tp_tui.models import MomentField

MEETING_PLACES = (
    # name, threshold, weekday (Thursday), start, minutes, order
    ("Kafé 103", "low", 3, "11:00", 60, 1),
    ("Kafé X", "sober", 3, "12:30", 60, 2),
    ("Huset", "high", 3, "14:00", 60, 3),
)


def upgrade(database: Any) -> None:
    class Base(Model):
        class Meta:
            legacy_table_names = False

    class TrustPerson(Base):
        name = TextField()
        initials = TextField(default="")
        created_at = MomentField()

    class Participant(Base):
        name = TextField()
        name_is_nickname = BooleanField(default=False)
        phone = TextField(null=True)
        status = TextField(default="active", index=True)
        referral_source = TextField(null=True)
        referral_note = TextField(default="")
        first_contact_on = DateField(null=True)
        intake_on = DateField(null=True, index=True)
        closed_on = DateField(null=True)
        closing_reason = TextField(null=True)
        consent_recorded_on = DateField(null=True)
        consent_note = TextField(default="")
        about = TextField(default="")
        responsible = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL")
        archived_at = MomentField(null=True, index=True)
        created_at = MomentField()
        updated_at = MomentField()
        version = IntegerField(default=1)

    class ConsentGrant(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        scope = TextField()
        recipient = TextField(default="group")
        given_on = DateField()
        withdrawn_on = DateField(null=True)
        note = TextField(default="")

    class Goal(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        life_area = TextField(index=True)
        text = TextField()
        status = TextField(default="wanted")
        created_on = DateField()
        status_on = DateField()
        sort_order = IntegerField(default=0)

    class GoalEvent(Base):
        goal = ForeignKeyField(Goal, on_delete="CASCADE")
        at = MomentField()
        status = TextField()
        text = TextField()
        note = TextField(default="")

    class AreaRating(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        life_area = TextField()
        rating = IntegerField()
        rated_on = DateField()
        note = TextField(default="")

    class MeetingPlace(Base):
        name = TextField(unique=True)
        threshold = TextField()
        weekday = IntegerField(default=3)
        start_time = TextField(default="12:00")
        planned_minutes = IntegerField(default=60)
        active = BooleanField(default=True)
        sort_order = IntegerField(default=0)

    class RoundVisit(Base):
        place = ForeignKeyField(MeetingPlace, on_delete="RESTRICT")
        visited_on = DateField(index=True)
        started_at = MomentField(null=True)
        minutes = IntegerField(default=60)
        conversations = IntegerField(default=0)
        new_people = IntegerField(default=0)
        life_areas = IntegerField(default=0)
        note = TextField(default="")
        logged_by = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL")
        created_at = MomentField()

    class Contact(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        at = MomentField(index=True)
        kind = TextField()
        arena = TextField(null=True)
        destination = TextField(null=True)
        destination_note = TextField(default="")
        duration_minutes = IntegerField(null=True)
        life_areas = IntegerField(default=0)
        outcome = TextField(default="reached")
        note = TextField(default="")
        after_hours = BooleanField(default=False)
        round_visit = ForeignKeyField(RoundVisit, null=True, on_delete="SET NULL")
        logged_by = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL")
        created_at = MomentField()
        updated_at = MomentField()
        version = IntegerField(default=1)

        class Meta:
            indexes = ((("participant", "at"), False),)

    class Callback(Base):
        participant = ForeignKeyField(Participant, null=True, on_delete="CASCADE")
        caller_name = TextField(default="")
        caller_phone = TextField(null=True)
        reason = TextField(default="")
        received_at = MomentField()
        due_at = MomentField(index=True)
        done_at = MomentField(null=True)
        outcome = TextField(null=True)
        contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
        rescheduled_from = ForeignKeyField("self", null=True, on_delete="SET NULL")
        logged_by = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL")
        created_at = MomentField()
        updated_at = MomentField()
        version = IntegerField(default=1)

        class Meta:
            indexes = ((("done_at", "due_at"), False), (("participant", "done_at"), False))

    class StageRecord(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        period = IntegerField(default=1)
        stage = IntegerField()
        entered_on = DateField()
        reason = TextField(default="")
        closing_reason = TextField(null=True)
        early_close_confirmed = BooleanField(null=True)
        recorded_at = MomentField()

        class Meta:
            indexes = ((("participant", "period", "entered_on"), False),)

    class ChecklistMark(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        period = IntegerField(default=1)
        stage = IntegerField()
        item = TextField()
        done_on = DateField()
        note = TextField(default="")

        class Meta:
            indexes = ((("participant", "period", "stage", "item"), True),)

    class GroupMember(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        agency = TextField()
        name = TextField(default="")
        role = TextField(default="")
        phone = TextField(null=True)
        is_coordinator = BooleanField(default=False)
        joined_on = DateField(null=True)
        left_on = DateField(null=True)

    class IndividualPlan(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        period = IntegerField(default=1)
        status = TextField(default="none")
        draft_started_on = DateField(null=True)
        offered_on = DateField(null=True)
        accepted_on = DateField(null=True)
        declined_on = DateField(null=True)
        handed_over_on = DateField(null=True)
        coordinator = ForeignKeyField(GroupMember, null=True, on_delete="SET NULL")
        note = TextField(default="")
        updated_at = MomentField()

        class Meta:
            indexes = ((("participant", "period"), True),)

    class ExportRecord(Base):
        participant = ForeignKeyField(Participant, on_delete="CASCADE")
        at = MomentField()
        what = TextField()
        format = TextField()  # noqa: A003

    class Revision(Base):
        at = MomentField(index=True)
        entity = TextField()
        entity_id = IntegerField()
        participant = ForeignKeyField(Participant, null=True, on_delete="CASCADE")
        action = TextField()
        data = TextField(default="{}")
        undone_at = MomentField(null=True)

        class Meta:
            indexes = ((("entity", "entity_id"), False),)

    class AuditEvent(Base):
        at = MomentField(index=True)
        action = TextField()
        participant_id = IntegerField(null=True, index=True)
        entity = TextField(default="")
        entity_id = IntegerField(null=True)

    tables = [
        TrustPerson, Participant, ConsentGrant, Goal, GoalEvent, AreaRating, MeetingPlace,
        RoundVisit, Contact, Callback, StageRecord, ChecklistMark, GroupMember, IndividualPlan,
        ExportRecord, Revision, AuditEvent,
    ]  # fmt: skip
    with database.bind_ctx(tables):
        database.create_tables(tables)
        for name, threshold, weekday, start, minutes, order in MEETING_PLACES:
            MeetingPlace.create(
                name=name,
                threshold=threshold,
                weekday=weekday,
                start_time=start,
                planned_minutes=minutes,
                sort_order=order,
            )
