"""The individual plan as a document: its rows by life area, edited one row per form (long
text wraps), its steps dated, the participant's agreement, and the hand-over to the group's
coordinator, which writes the plan out for them (consent obeyed) and records to whom."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option as ListOption

from tp_tui.dates import DateParseError, parse_date
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.i18n import format_date, format_datetime, t
from tp_tui.keys import key
from tp_tui.services import plan_document as plans
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.text import literal, one_line
from tp_tui.views.base import TpModalScreen
from tp_tui.views.plan_forms import PlanForm
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys

if TYPE_CHECKING:
    from tp_tui.export.deliver import Delivered

STEPS = (PlanStatus.DRAFT, PlanStatus.OFFERED, PlanStatus.ACCEPTED, PlanStatus.DECLINED,
         PlanStatus.HANDED_OVER, PlanStatus.ACTIVE)  # fmt: skip


def _day(text: str, today: date, field: str) -> date:
    try:
        return parse_date(text or "i dag", today, "past")
    except DateParseError as error:
        raise ValidationFailed({field: FieldError(error.key, dict(error.params))}) from None


def _shown(day: date | None) -> str:
    return format_date(day) if day else "–"


class PlanItemForm(PlanForm):
    """One row: the goal in the participant's words, measures, who, by when, evaluated when."""

    title_key = "plandoc.item_title"
    labels = {field: f"plandoc.field.{'goal' if field == 'goal_text' else field}"
              for field in plans.ITEM_FIELDS}  # fmt: skip
    """Field labels for what someone else changed since the form opened (views/conflict.py)."""
    compared = plans.ITEM_FIELDS
    DEFAULT_CSS = "PlanItemForm TextArea { height: 4; width: 1fr; }"

    def fields(self) -> ComposeResult:
        item = plans.find_item(self.item_id) if self.item_id else None
        self.version = int(item.version) if item is not None else None
        shown = plans.item_input(item) if item is not None else plans.ItemInput("")
        areas = [Option(a.value, t(a.label_key), str(n)) for n, a in enumerate(LifeArea, 1)]
        area = KeyChoice(areas, item.life_area if item else None, advance=True, id="area")
        area.disabled = item is not None
        yield from self._row("area", "plan.field.area", area)
        yield from self._row("goal_text", "plandoc.field.goal", TextArea(
            shown.goal_text, id="goal_text", soft_wrap=True, compact=True))  # fmt: skip
        yield from self._row("measures", "plandoc.field.measures", TextArea(
            shown.measures, id="measures", soft_wrap=True, compact=True))  # fmt: skip
        for name, value in (("responsible", shown.responsible), ("due_on", shown.due_on),
                            ("evaluate_on", shown.evaluate_on)):  # fmt: skip
            yield from self._row(name, f"plandoc.field.{name}",
                                 Input(value, id=name, compact=True))  # fmt: skip

    def on_mount(self) -> None:
        # Not the frame's first Input: the goal, in the participant's words, comes first.
        self._initial = self.typed()
        first = "#goal_text" if self.item_id else "#area"
        # After the screen's own first focus (the first Input), which would otherwise win.
        self.call_after_refresh(lambda: self.query_one(first).focus())

    def typed(self) -> tuple[str | None, plans.ItemInput]:
        return (
            self.query_one("#area", KeyChoice).value,
            plans.ItemInput(
                self.query_one("#goal_text", TextArea).text,
                self.query_one("#measures", TextArea).text,
                self.query_one("#responsible", Input).value,
                self.query_one("#due_on", Input).value,
                self.query_one("#evaluate_on", Input).value,
            ),
        )

    def store(self) -> None:
        area, data = self.typed()
        if self.item_id:
            plans.update_item(self.item_id, data, self.tp.clock, self.version)
            return
        if area is None:
            raise ValidationFailed({"area": FieldError("plan.error.area")})
        plans.add_item(self.participant_id, LifeArea(area), data, self.tp.clock)


class PlanStepForm(PlanForm):
    """A step of the plan with the day it happened (today unless another day is typed)."""

    title_key = "plandoc.step_title"

    def __init__(self, participant_id: int, current: str) -> None:
        super().__init__(participant_id)
        self.current = current

    def fields(self) -> ComposeResult:
        choices = with_hotkeys([(s.value, t(s.label_key)) for s in STEPS])
        yield from self._row("plan_status", "plan.field.plan_status",
                             KeyChoice(choices, self.current, id="plan_status"))  # fmt: skip
        # Today written out, the same in every language (not the bokmål word "i dag").
        today = format_date(self.tp.clock.today())
        yield from self._row("on", "plandoc.field.on", Input(today, id="on", compact=True))

    def on_mount(self) -> None:
        super().on_mount()
        self._initial = self.typed()

    def typed(self) -> tuple[str | None, str]:
        return self.query_one("#plan_status", KeyChoice).value, self.query_one("#on", Input).value

    def store(self) -> None:
        status, on_text = self.typed()
        if status is None:
            raise ValidationFailed({"plan_status": FieldError("plandoc.error.step")})
        on = _day(on_text, self.tp.clock.today(), "on")
        from tp_tui.services.plan import set_plan_status

        set_plan_status(self.participant_id, PlanStatus(status), self.tp.clock, on=on)


class AgreementForm(PlanForm):
    """The participant agreed to the plan: the day, and how (their words, a signature)."""

    title_key = "plandoc.agreement_title"

    def fields(self) -> ComposeResult:
        doc = plans.plan_document(self.participant_id)
        day = format_date(doc.agreed_on or self.tp.clock.today())
        yield from self._row("agreed_on", "plandoc.field.on", Input(day, id="agreed_on",
                                                                    compact=True))  # fmt: skip
        yield from self._row("note", "plandoc.field.agreement_note",
                             Input(doc.agreement_note, id="note", compact=True))  # fmt: skip

    def on_mount(self) -> None:
        super().on_mount()
        self._initial = self.typed()

    def typed(self) -> tuple[str, str]:
        return self.query_one("#agreed_on", Input).value, self.query_one("#note", Input).value

    def store(self) -> None:
        on_text, note = self.typed()
        on = _day(on_text, self.tp.clock.today(), "agreed_on")
        plans.record_agreement(self.participant_id, on, note, self.tp.clock)


class HandOverForm(PlanForm):
    """Hand the plan to the coordinator: the day, and the file they get (PDF, Markdown, HTML)."""

    title_key = "plandoc.handover_title"

    def fields(self) -> ComposeResult:
        doc = plans.plan_document(self.participant_id)
        to = doc.coordinator.name if doc.coordinator else "–"
        yield Static(t("plandoc.handover_to", name=one_line(to)), markup=False)
        # Today written out, the same in every language (not the bokmål word "i dag").
        today = format_date(self.tp.clock.today())
        yield from self._row("plan_status", "plandoc.field.on", Input(today, id="on", compact=True))
        formats = with_hotkeys([("pdf", "PDF"), ("md", "Markdown"), ("html", "HTML")])
        yield from self._row("format", "plandoc.field.format",
                             KeyChoice(formats, "pdf", id="format"))  # fmt: skip
        self.handed: tuple[str, Path] | None = None

    def typed(self) -> tuple[str, str | None]:
        return self.query_one("#on", Input).value, self.query_one("#format", KeyChoice).value

    def store(self) -> None:
        from tp_tui.export.deliver import exports_dir

        on_text, fmt = self.typed()
        on = _day(on_text, self.tp.clock.today(), "plan_status")
        plans.hand_over(self.participant_id, self.tp.clock, on=on)
        now = self.tp.clock.now()
        self.handed = (
            fmt or "pdf",
            exports_dir() / f"plan-{self.participant_id}-{now:%Y%m%d-%H%M}",
        )

    def action_save(self) -> None:
        super().action_save()
        if self.handed is not None:
            self._write_plan(*self.handed)

    def _write_plan(self, fmt: str, stem: Path) -> None:
        """The file for the coordinator, made in a thread (a PDF takes a moment): the hand-over
        is saved already; the file and its note in the export record follow."""
        from tp_tui.export import render
        from tp_tui.services.plan_export import plan_export
        from tp_tui.services.summary import record_export
        from tp_tui.views.export_delivery import deliver_export

        app, participant_id, clock = self.tp, self.participant_id, self.tp.clock
        exported = plan_export(participant_id, clock.now())

        def written(delivered: Delivered) -> None:
            record_export(participant_id, "plan", fmt, clock)
            app.notify(t("plandoc.handed_over", path=str(delivered.path)), markup=False, timeout=12)

        path = stem.with_suffix(f".{fmt}")
        deliver_export(app, lambda: render(exported, fmt), path, False, written, force=True)


class PlanScreen(TpModalScreen[None]):
    """The plan of the current period: what it says, where it stands, what changed."""

    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = """
    PlanScreen OptionList { height: auto; max-height: 10; }
    PlanScreen #plan-head, PlanScreen #plan-history { height: auto; }
    """
    BINDINGS = [
        key("escape", "close", "form.cancel", "plan.close"),
        key("enter", "edit", "plandoc.edit", "plan.edit", show=False),
        key("n", "new", "plandoc.new", "plan.new"),
        key("d", "draft", "plandoc.draft", "plan.draft"),
        key("s", "step", "plandoc.step_key", "plan.step"),
        key("y", "agree", "plandoc.agree", "plan.agree"),
        key("h", "hand_over", "plandoc.hand_over", "plan.hand_over"),
        key("x,delete", "remove", "plan.remove", "plan.remove_row"),
        # The app's undo waits while a modal is open; here the plan's own edits are made.
        key("ctrl+z", "undo_here", "nav.undo", "plan.undo", show=False),
    ]

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.doc: plans.PlanDocument | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(t("plandoc.screen_title"), classes="form-title", markup=False)
            yield Static("", id="plan-head", markup=False)
            yield OptionList(id="plan-rows")
            yield Static(t("plandoc.versions"), classes="section-title", markup=False)
            yield Static("", id="plan-history", classes="message form-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one(OptionList).focus()

    def load(self) -> None:
        doc = self.doc = plans.plan_document(self.participant_id)
        self.query_one("#plan-head", Static).update(literal("\n".join(self._head(doc))))
        rows = self.query_one(OptionList)
        was = rows.highlighted or 0
        rows.clear_options()
        rows.add_options([ListOption(Content(self._row_text(i)), id=str(i.id)) for i in doc.items])
        if not doc.items:
            rows.add_option(ListOption(Content(t("plandoc.no_rows_yet")), id="none"))
        rows.highlighted = min(was, rows.option_count - 1)
        changes = [
            f"{format_datetime(c.at)}  {one_line(c.by) or '–'}  {self._change_text(c)}"
            for c in plans.plan_changes(self.participant_id, limit=8)
        ]
        self.query_one("#plan-history", Static).update(literal("\n".join(changes) or "–"))

    def _head(self, doc: plans.PlanDocument) -> list[str]:
        steps = ", ".join(f"{t(s.label_key)} {format_date(d)}" for s, d in doc.steps)
        lines = [t("plandoc.status", status=t(doc.status.label_key)) + (f" ({steps})" if steps
                                                                           else "")]  # fmt: skip
        lines.append(t("plandoc.agreed", date=format_date(doc.agreed_on)) if doc.agreed_on
                     else t("plandoc.not_agreed"))  # fmt: skip
        if doc.coordinator is not None:
            lines.append(t("plandoc.coordinator", name=one_line(doc.coordinator.name) or "–"))
        else:
            lines.append(t("plandoc.no_coordinator"))
        if doc.handed_to:
            lines.append(t("plandoc.handed_to", name=one_line(doc.handed_to)))
        return lines

    @staticmethod
    def _row_text(item: plans.ItemLine) -> str:
        return (
            f"{t(item.area.label_key)}: {one_line(item.goal_text)}\n"
            f"  {t('plandoc.row.measures', text=one_line(item.measures) or '–')}\n"
            f"  {t('plandoc.row.responsible', text=one_line(item.responsible) or '–')} · "
            f"{t('plandoc.row.due', date=_shown(item.due_on))} · "
            f"{t('plandoc.row.evaluate', date=_shown(item.evaluate_on))}"
        )

    @staticmethod
    def _change_text(change: plans.PlanChange) -> str:
        area = f"{t(change.area.label_key)}: " if change.area else ""
        fields = ", ".join(t(f"plandoc.changed.{f}") for f in change.fields)
        return f"{area}{t('plandoc.what.' + change.what)}" + (f" ({fields})" if fields else "")

    def _selected(self) -> int | None:
        rows = self.query_one(OptionList)
        if rows.highlighted is None:
            return None
        option = rows.get_option_at_index(rows.highlighted)
        return int(option.id) if option.id and option.id.isdigit() else None

    def _after(self, saved: bool | None) -> None:
        if saved:
            self.notify(t("plan.saved"), markup=False)
        self.load()

    def on_option_list_option_selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        item = self._selected()
        if item is None:
            self.action_new()
            return
        self.app.push_screen(PlanItemForm(self.participant_id, item), self._after)

    def action_new(self) -> None:
        self.app.push_screen(PlanItemForm(self.participant_id), self._after)

    def action_draft(self) -> None:
        added = plans.draft_from_mapping(self.participant_id, self.tp.clock)
        self.notify(t("plandoc.drafted", count=added), markup=False)
        self.load()

    def action_step(self) -> None:
        current = self.doc.status.value if self.doc else PlanStatus.NONE.value
        self.app.push_screen(PlanStepForm(self.participant_id, current), self._after)

    def action_agree(self) -> None:
        self.app.push_screen(AgreementForm(self.participant_id), self._after)

    def action_hand_over(self) -> None:
        refusal = plans.handover_refusal(self.participant_id, plans.find_plan(self.participant_id))
        if refusal is not None:
            self.notify(t(refusal), markup=False, severity="warning")
            return
        self.app.push_screen(HandOverForm(self.participant_id), self._after)

    def action_remove(self) -> None:
        item = self._selected()
        if item is not None:
            plans.remove_item(item, self.tp.clock)
            self.notify(t("plandoc.removed"), markup=False)
            self.load()

    def action_undo_here(self) -> None:
        from tp_tui.views import flows

        flows.undo(self.tp)
        self.load()

    def action_close(self) -> None:
        self.dismiss(None)
