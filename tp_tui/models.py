"""The data model: peewee models for everything a trust person records.

The models know nothing about the interface. Times of day are stored as UTC ISO-8601 text and come
back as aware datetimes in Europe/Oslo, so sorting is right across summer and winter time; plain
days (intake, stage dates) are dates. Codes come from :mod:`tp_tui.domain`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelDelete,
)
from peewee import TextField as PlainTextField

from tp_tui.clock import OSLO
from tp_tui.text import clean

db = DatabaseProxy()


class TextField(PlainTextField):
    """Text with no terminal control in it, whichever door it came in by (a form, a paste,
    ``tp`` arguments, an import) and however old the row: control characters and bidi
    overrides are dropped on the way in and on the way out, so none reaches the terminal,
    an edit form included. Newlines and tabs stay."""

    # peewee's own only coerce to str; a text column's affinity does the same for the rest.
    def db_value(self, value: Any) -> Any:
        return clean(value) if isinstance(value, str) else value

    def python_value(self, value: Any) -> Any:
        return clean(value) if isinstance(value, str) else value


class MomentField(PlainTextField):
    """An aware datetime stored as UTC text; read back in Europe/Oslo."""

    def db_value(self, value: Any) -> Any:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetimes are not stored; attach Europe/Oslo first")
            return value.astimezone(UTC).isoformat(timespec="seconds")
        return value

    def python_value(self, value: Any) -> Any:
        if isinstance(value, str) and value:
            return datetime.fromisoformat(value).astimezone(OSLO)
        return value


def delete_query(model: type[Model]) -> ModelDelete:
    """``model.delete()``, typed alike under every build of peewee's stubs: one build types
    ``Model.delete`` as a Self-generic attribute, which mypy refuses to read from a class."""
    return ModelDelete(model)


class BaseModel(Model):
    id = AutoField()  # peewee adds it anyway; declared so type checkers know it

    class Meta:
        database = db
        legacy_table_names = False


class TrustPerson(BaseModel):
    """A user of the app; contacts, callbacks and rounds say who logged them."""

    name = TextField()
    initials = TextField(default="")
    created_at = MomentField()
    # Made by migration m0007: found by login name; present_on is the last day "at work".
    login = TextField(default="", index=True)
    active = BooleanField(default=True)
    present_on = DateField(null=True)


class Participant(BaseModel):
    responsible_id: int | None

    name = TextField()
    # Folded name, initials and phone digits: LIKE folds only ASCII, so search runs on this.
    search_text = TextField(default="", index=True)
    # Norwegian alphabetical order (… X Y Z Æ Ø Å), which byte order does not give.
    sort_key = TextField(default="", index=True)
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

    class Meta:
        # Made by migration m0006: the working lists by status, the list in alphabetical order,
        # the participants due for erasure.
        indexes = (
            (("status", "archived_at"), False),
            (("archived_at", "sort_key", "id"), False),
            (("status", "closed_on"), False),
        )


class ConsentGrant(BaseModel):
    """One thing the participant agreed may be shared, with whom, from when (and until)."""

    participant_id: int
    participant = ForeignKeyField(Participant, backref="consents", on_delete="CASCADE")
    scope = TextField()
    recipient = TextField(default="group")
    given_on = DateField()
    withdrawn_on = DateField(null=True)
    note = TextField(default="")
    # Made by migration m0011: until when it holds (None: until withdrawn), oral or written.
    expires_on = DateField(null=True, index=True)
    given_how = TextField(default="")
    version = IntegerField(default=1)


class Goal(BaseModel):
    """The participant's own goal in one life area, in their words."""

    participant_id: int
    participant = ForeignKeyField(Participant, backref="goals", on_delete="CASCADE")
    life_area = TextField(index=True)
    text = TextField()
    status = TextField(default="wanted")
    created_on = DateField()
    status_on = DateField()
    sort_order = IntegerField(default=0)
    # Moved on by each save (m0008), so two trust persons cannot overwrite each other's edit.
    version = IntegerField(default=1)


class GoalEvent(BaseModel):
    """A goal's history: each change of wording or status, never overwritten."""

    goal = ForeignKeyField(Goal, backref="events", on_delete="CASCADE")
    at = MomentField()
    status = TextField()
    text = TextField()
    note = TextField(default="")


class AreaRating(BaseModel):
    """How a life area stands, 1–5, as the participant sees it on a given day."""

    participant = ForeignKeyField(Participant, backref="ratings", on_delete="CASCADE")
    life_area = TextField()
    rating = IntegerField()
    rated_on = DateField()
    note = TextField(default="")


class MeetingPlace(BaseModel):
    name = TextField(unique=True)
    threshold = TextField()
    weekday = IntegerField(default=3)  # Monday is 0; the rounds are on Thursdays
    start_time = TextField(default="12:00")
    planned_minutes = IntegerField(default=60)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class RoundVisit(BaseModel):
    """One visit to a meeting place; the note is anonymous by design."""

    place_id: int

    place = ForeignKeyField(MeetingPlace, backref="visits", on_delete="RESTRICT")
    visited_on = DateField(index=True)
    started_at = MomentField(null=True)
    minutes = IntegerField(default=60)
    conversations = IntegerField(default=0)
    new_people = IntegerField(default=0)
    life_areas = IntegerField(default=0)
    note = TextField(default="")
    logged_by = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL")
    created_at = MomentField()


class Contact(BaseModel):
    participant_id: int
    round_visit_id: int | None
    participant = ForeignKeyField(Participant, backref="contacts", on_delete="CASCADE")
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


class Callback(BaseModel):
    """A call owed: to a participant, or to a free name and number not yet in the programme."""

    participant_id: int | None
    contact_id: int | None
    logged_by_id: int | None
    assigned_to_id: int | None
    participant = ForeignKeyField(Participant, null=True, backref="callbacks", on_delete="CASCADE")
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
    # The colleague the call was handed to (m0007); None: it is owed by whoever logged it.
    assigned_to = ForeignKeyField(
        TrustPerson, null=True, on_delete="SET NULL", backref="assigned_callbacks"
    )
    created_at = MomentField()
    updated_at = MomentField()
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("done_at", "due_at"), False), (("participant", "done_at"), False))


class StageRecord(BaseModel):
    """Entering a stage of the process: when and why. A new period starts on reopening."""

    participant_id: int
    participant = ForeignKeyField(Participant, backref="stages", on_delete="CASCADE")
    period = IntegerField(default=1)
    stage = IntegerField()
    entered_on = DateField()
    reason = TextField(default="")
    closing_reason = TextField(null=True)
    early_close_confirmed = BooleanField(null=True)
    recorded_at = MomentField()

    class Meta:
        indexes = ((("participant", "period", "entered_on"), False),)


class ChecklistMark(BaseModel):
    """One checklist item of a stage done, with its date."""

    participant = ForeignKeyField(Participant, backref="checklist", on_delete="CASCADE")
    period = IntegerField(default=1)
    stage = IntegerField()
    item = TextField()
    done_on = DateField()
    note = TextField(default="")

    class Meta:
        indexes = ((("participant", "period", "stage", "item"), True),)


class GroupMember(BaseModel):
    """A member of the participant's responsibility group (ansvarsgruppe)."""

    participant_id: int
    participant = ForeignKeyField(Participant, backref="group", on_delete="CASCADE")
    agency = TextField()
    name = TextField(default="")
    role = TextField(default="")
    phone = TextField(null=True)
    is_coordinator = BooleanField(default=False)
    joined_on = DateField(null=True)
    left_on = DateField(null=True)
    version = IntegerField(default=1)  # moved on by each save (m0008)


class IndividualPlan(BaseModel):
    """Where the individual plan (IP) stands in one period: each step keeps its date."""

    participant_id: int
    coordinator_id: int | None
    participant = ForeignKeyField(Participant, backref="plans", on_delete="CASCADE")
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
    version = IntegerField(default=1)  # moved on by each save (m0008)
    # Made by m0012: the participant's agreement, and to whom the plan was handed over.
    agreed_on = DateField(null=True)
    agreement_note = TextField(default="")
    handed_to = TextField(default="")

    class Meta:
        indexes = ((("participant", "period"), True),)


class PlanItem(BaseModel):
    """One row of the plan document (m0012): a goal in the participant's words, the measures,
    who is responsible, by when, and when it is evaluated."""

    plan_id: int

    plan = ForeignKeyField(IndividualPlan, backref="items", on_delete="CASCADE")
    life_area = TextField()
    goal_text = TextField(default="")
    measures = TextField(default="")
    responsible = TextField(default="")
    due_on = DateField(null=True)
    evaluate_on = DateField(null=True)
    sort_order = IntegerField(default=0)
    updated_at = MomentField()
    version = IntegerField(default=1)


class ExportRecord(BaseModel):
    """A summary or list that left the app: when, what, in which format."""

    participant = ForeignKeyField(Participant, backref="exports", on_delete="CASCADE")
    at = MomentField()
    what = TextField()
    format = TextField()  # noqa: A003 - the export format, named as users say it


class Revision(BaseModel):
    """A record's state before a change, for history and undo."""

    participant_id: int | None
    made_by_id: int | None

    at = MomentField(index=True)
    entity = TextField()
    entity_id = IntegerField()
    participant = ForeignKeyField(Participant, null=True, on_delete="CASCADE")
    action = TextField()
    data = TextField(default="{}")
    undone_at = MomentField(null=True)
    # Who made the change (m0009): undo takes back one's own changes only. NULL before then.
    made_by = ForeignKeyField(TrustPerson, null=True, column_name="made_by_id")
    # One change (m0010) may keep several revisions (a contact and the call it returned): the
    # first leads it (NULL here), the others name it. Undo and redo take back a whole change.
    change_id = IntegerField(null=True)
    # On a change's first revision: what the change was ("stage.move"), when that is not told
    # by the entity and action; "undo" or "redo" for a change that took back another
    # (``reverses_id``), "final" for one that cannot be undone (an erasure).
    kind = TextField(null=True)
    role = TextField(null=True)
    reverses_id = IntegerField(null=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


class AuditEvent(BaseModel):
    """Who looked at or sent out what: ids and actions only, never names or notes."""

    at = MomentField(index=True)
    action = TextField()
    participant_id = IntegerField(null=True, index=True)
    entity = TextField(default="")
    entity_id = IntegerField(null=True)
    # Made by migration m0013: the trust person who did it (NULL on rows from before). No
    # foreign key: the rows are never changed, so nothing may cascade into them.
    trust_person_id = IntegerField(null=True)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    TrustPerson,
    Participant,
    ConsentGrant,
    Goal,
    GoalEvent,
    AreaRating,
    MeetingPlace,
    RoundVisit,
    Contact,
    Callback,
    StageRecord,
    ChecklistMark,
    GroupMember,
    IndividualPlan,
    ExportRecord,
    Revision,
    AuditEvent,
)


class SurveyResponse(BaseModel):
    """One anonymous survey form: which survey and the month only, never who or which day."""

    survey = TextField()
    answered_month = TextField()  # "YYYY-MM"

    class Meta:
        indexes = ((("survey", "answered_month"), False),)


class SurveyAnswer(BaseModel):
    """One question's score on a survey form; None is "don't know / not relevant"."""

    response_id: int

    response = ForeignKeyField(SurveyResponse, backref="answers", on_delete="CASCADE")
    question = TextField()
    score = IntegerField(null=True)

    class Meta:
        indexes = ((("response", "question"), True),)


ALL_MODELS += (SurveyResponse, SurveyAnswer)


class Handover(BaseModel):
    """A participant handed from one trust person to another (m0007); rows are only added."""

    participant_id: int

    participant = ForeignKeyField(Participant, backref="handovers", on_delete="CASCADE")
    from_person = ForeignKeyField(
        TrustPerson, null=True, on_delete="SET NULL", backref="handed_from"
    )
    to_person = ForeignKeyField(TrustPerson, null=True, on_delete="SET NULL", backref="handed_to")
    handed_on = DateField()
    note = TextField(default="")
    recorded_at = MomentField()


ALL_MODELS += (Handover,)
ALL_MODELS += (PlanItem,)


class GroupMeeting(BaseModel):
    """A meeting of the responsibility group: who came, what was decided (one per line). The
    contact logged for it (kind group_meeting) keeps the day and the free text."""

    participant_id: int
    contact_id: int | None
    participant = ForeignKeyField(Participant, backref="meetings", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    held_on = DateField(index=True)
    decisions = TextField(default="")
    created_at = MomentField()
    updated_at = MomentField()
    version = IntegerField(default=1)


class MeetingAttendee(BaseModel):
    """A group member who came to a meeting."""

    meeting_id: int
    member_id: int
    meeting = ForeignKeyField(GroupMeeting, backref="attendees", on_delete="CASCADE")
    member = ForeignKeyField(GroupMember, on_delete="CASCADE")


class ActionPoint(BaseModel):
    """Something a meeting agreed someone does by a day; open until marked done."""

    meeting_id: int
    participant_id: int
    owner_member_id: int | None
    meeting = ForeignKeyField(GroupMeeting, backref="action_points", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, on_delete="CASCADE")
    text = TextField()
    owner = TextField(default="")  # as shown: a member's name or agency, the TP, the participant
    owner_member = ForeignKeyField(GroupMember, null=True, on_delete="SET NULL")
    due_on = DateField(index=True)
    done_on = DateField(null=True)
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("participant", "done_on", "due_on"), False),)


# Made by migration m0013.
ALL_MODELS += (GroupMeeting, MeetingAttendee, ActionPoint)
