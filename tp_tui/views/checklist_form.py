"""The stage's checklist: what is done in the current stage, and the consent form from it.

Apart from plan_forms.py: the consent form (consent_forms.py) is built on the plan's form
frame there, and this form opens it, so plan_forms.py does not import consent_forms.py back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.views.plan_forms import PlanForm
from tp_tui.widgets.choice import KeyChoice, Option


class ChecklistForm(PlanForm):
    """What is done in the current stage; ticking dates it today, unticking takes it back."""

    title_key = "process.checklist_title"
    BINDINGS = [
        key("ctrl+o", "consent", "checklist.consent_key", "checklist.consent", priority=True),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from tp_tui.domain import Stage

        if action == "consent":  # consent is recorded in stage 1, establishing cooperation
            return getattr(self, "stage", None) == Stage.ESTABLISH
        return True

    def action_consent(self) -> None:
        from tp_tui.views.consent_forms import ConsentForm

        def saved(done: bool | None) -> None:
            if done:  # the service ticked "consent recorded": the form shows it ticked too
                choice = self.query_one("#items", KeyChoice)
                choice.set_values([*choice.values, "consent_recorded"])

        self.app.push_screen(ConsentForm(self.participant_id), saved)

    def fields(self) -> ComposeResult:
        from tp_tui.domain import CHECKLIST, Stage
        from tp_tui.services.process import checklist_done, current_record

        record = current_record(self.participant_id)
        self.stage = Stage(record.stage) if record else Stage.ESTABLISH
        done = checklist_done(self.participant_id)
        items = [
            Option(item, t(f"checklist.{item}"), str(n))
            for n, item in enumerate(CHECKLIST[self.stage], start=1)
        ]
        choice = KeyChoice(items, multiple=True, id="items")
        choice.set_values([item for item in CHECKLIST[self.stage] if item in done])
        yield Static(t(self.stage.label_key), markup=False)
        yield from self._row("items", "process.checklist", choice)

    def typed(self) -> frozenset[str]:
        return frozenset(self.query_one("#items", KeyChoice).values)

    def store(self) -> None:
        from tp_tui.domain import CHECKLIST
        from tp_tui.services.process import tick

        chosen = set(self.query_one("#items", KeyChoice).values)
        for item in CHECKLIST[self.stage]:
            tick(self.participant_id, self.stage, item, item in chosen, self.tp.clock)
