"""50-20e rules: who may receive a case, and when a case may be routed to closed files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from marshmallow import Schema, fields

from schemas.routing_slip import RoutingSlipSchema
from service.counties import County
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.catalog import rule

# Handbook 42-7.38 J: the EC routes a case discontinued "for more than 30 days".
CLOSED_FILES_AFTER_DAYS = 30
NEEDS_63_62 = ("tcf", "nacf")

ACTION_LABELS = {
    "new_assignment": "New assignment",
    "transfer": "Transfer to another EC or unit",
    "closed_files": "Route to closed files",
}
CHECKLIST_LABELS = {
    "discontinued_status_verified": "Discontinued status verified in CalWIN",
    "activities_end_dated": "Activities end-dated",
    "supportive_services_ended": "Supportive services ended and notice sent",
    "case_comments_entered": "Case comments entered",
    "registration_status_closed": "Registration status is Closed",
}


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    # Each step apart: with fields refused by the schema, the others still speak (one Check).
    ev = Evaluation(partial=rules.partial)
    ev.computed.update(
        action_label=None,
        from_office_name=None,
        to_office_name=None,
        closed_files_bank=None,
        eligible_for_closed_files_on=None,
        days_since_discontinuance=None,
        route_to=None,
    )
    from_office = None
    with ev.step():
        ev.computed["action_label"] = ACTION_LABELS[data["action"]]
    with ev.step():
        from_office = _office(rules.county, data["from_ec"]["office"], "from_ec.office", ev)
        ev.computed["from_office_name"] = from_office and from_office.name
    with ev.step():
        if data["slip_date"] > rules.today:
            ev.warn("slip_date", "The slip is dated in the future.")
    with ev.step():
        if data["action"] == "closed_files":
            _closed_files(data, from_office, ev)
        else:
            _check_assignment(data, rules.county, ev)
    with ev.step():
        _check_approval(data, ev)
    return ev


def _closed_files(data: dict[str, Any], from_office: Any, ev: Evaluation) -> None:
    with ev.step():
        _check_closed_files(data, ev)
    bank = from_office and from_office.closed_files_bank
    if from_office and not bank:
        ev.error("from_ec.office", f"The {from_office.name} office has no closed files bank.")
    ev.computed["closed_files_bank"] = bank
    ev.computed["route_to"] = bank and f"Closed files bank {bank} ({from_office.name})"


def _office(county: County, office_id: str, path: str, ev: Evaluation) -> Any:
    office = county.office(office_id)
    if office is None:
        ev.error(path, county.unknown_office(office_id))
    return office


def _check_assignment(data: dict[str, Any], county: County, ev: Evaluation) -> None:
    label = ACTION_LABELS[data["action"]]
    if data["closed_files"] is not None:
        ev.error("closed_files", f"Closing details belong to closed files routing, not '{label}'.")
    to = data["to_ec"]
    if to is None:
        ev.error("to_ec", f"'{label}' needs the EC, unit and office receiving the case.")
        return
    to_office = _office(county, to["office"], "to_ec.office", ev)
    ev.computed["to_office_name"] = to_office and to_office.name
    if to_office:
        ev.computed["route_to"] = (
            f"{to['name']} ({to['worker_number']}), {to['unit']}, {to_office.name}"
        )
    same_ec = to["worker_number"].casefold() == data["from_ec"]["worker_number"].casefold()
    if data["action"] == "transfer" and same_ec and to["unit"] == data["from_ec"]["unit"]:
        ev.error("to_ec.worker_number", "A transfer goes to another EC or another unit.")


@rule("50-20e")
def _check_closed_files(data: dict[str, Any], ev: Evaluation) -> None:
    """Handbook 42-7.38 II.J: a closed case goes to its office's bank with reason and date."""
    if data["to_ec"] is not None:
        ev.error("to_ec", "A case routed to closed files goes to the office's bank, not to an EC.")
    closing = data["closed_files"]
    if closing is None:
        ev.error("closed_files", "Give the reason, discontinuance date and closing checklist.")
        return
    with ev.step():
        _check_discontinuance(closing["discontinuance_date"], data["slip_date"], ev)
    with ev.step():
        if closing["good_cause_deferral"] != "none":
            kind = "good cause" if closing["good_cause_deferral"] == "good_cause" else "a deferral"
            ev.error(
                "closed_files.good_cause_deferral",
                f"A case with {kind} stays with the EC of record; it cannot go to closed files.",
            )
    with ev.step():
        if closing["reason"] == "removed_other_reason" and not closing["reason_detail"]:
            ev.warn("closed_files.reason_detail", "Say why the case was removed from cash aid.")
    with ev.step():
        _check_checklist(closing, ev)


@rule("50-20e")
def _check_discontinuance(discontinued: dt.date, slip_date: dt.date, ev: Evaluation) -> None:
    """Handbook 42-7.38 II.J: only cases discontinued more than 30 days go to closed files."""
    path = "closed_files.discontinuance_date"
    eligible = discontinued + dt.timedelta(days=CLOSED_FILES_AFTER_DAYS + 1)
    days = (slip_date - discontinued).days
    ev.computed["eligible_for_closed_files_on"] = eligible
    ev.computed["days_since_discontinuance"] = days
    if days < 0:
        ev.error(path, "The discontinuance date cannot follow the date of this slip.")
    elif days <= CLOSED_FILES_AFTER_DAYS:
        ev.error(
            path,
            f"Discontinued {days} days before this slip; a case goes to closed files only when "
            f"discontinued more than {CLOSED_FILES_AFTER_DAYS} days: "
            f"on or after {eligible:%m/%d/%Y}.",
        )


@rule("50-20e")
def _check_checklist(closing: dict[str, Any], ev: Evaluation) -> None:
    """Handbook 42-7.38 II.J.1: the EC's closing steps, the 63-62 among them, come first."""
    checklist = closing["checklist"]
    path = "closed_files.checklist"
    if closing["household_calfresh"] in NEEDS_63_62 and not checklist["notice_63_62_sent"]:
        # An error, not a warning: the 63-62 tells the person of a right, and once the case
        # sits in the closed bank no EC is left to send it.
        ev.error(
            f"{path}.notice_63_62_sent",
            "The household gets Transitional or Non-Assistance CalFresh: send the 63-62 first.",
        )
    elif closing["household_calfresh"] == "none" and checklist["notice_63_62_sent"]:
        ev.warn(f"{path}.notice_63_62_sent", "The 63-62 goes only to TCF or NACF households.")
    for key, label in CHECKLIST_LABELS.items():
        if not checklist[key]:
            ev.warn(f"{path}.{key}", f"Not checked: {label}. The supervisor will review it.")


def _check_approval(data: dict[str, Any], ev: Evaluation) -> None:
    supervisor = data["supervisor"] or {}
    clerical = data["clerical"] or {}
    approved_on, routed_on = supervisor.get("approved_on"), clerical.get("routed_on")
    if approved_on and approved_on < data["slip_date"]:
        ev.error("supervisor.approved_on", "The supervisor cannot approve before the slip's date.")
    if bool(supervisor.get("name")) != bool(approved_on):
        ev.warn("supervisor", "Give both the approving supervisor's name and the date.")
    if routed_on and not approved_on and data["action"] == "closed_files":
        ev.error("clerical.routed_on", "Clerical routes to closed files only after approval.")
    elif routed_on and routed_on < (approved_on or data["slip_date"]):
        when = "approved" if approved_on else "dated"
        ev.error("clerical.routed_on", f"The case cannot be routed before the slip was {when}.")
    bank = ev.computed["closed_files_bank"]
    routed_to = clerical.get("routed_to")
    if bank and routed_to and bank.casefold() not in routed_to.casefold():
        ev.warn("clerical.routed_to", f"The case belongs in closed files bank {bank}.")


def build_context(data: dict[str, Any], ev: Evaluation, rules: RuleInput) -> dict[str, Any]:
    """The payload with absent blocks as blank ones, so the slip prints empty lines for them.

    Office ids print as the county's office record (``from_ec.office.name``).
    """
    context = {**data, "computed": ev.computed}
    for key, schema in _BLOCKS.items():
        if context[key] is None:
            context[key] = blank(schema())
    for key in ("from_ec", "to_ec"):
        office = rules.county.office(context[key]["office"] or "")
        context[key] = {**context[key], "office": _office_record(office)}
    return context


_BLOCKS: dict[str, type[Schema]] = {
    name: field.schema.__class__
    for name, field in RoutingSlipSchema().fields.items()
    if isinstance(field, fields.Nested) and field.load_default is None
}


def blank(schema: Schema) -> dict[str, Any]:
    """Every field of ``schema`` with no value; nested schemas as blank dicts, lists empty."""
    out: dict[str, Any] = {}
    for name, field in schema.fields.items():
        if isinstance(field, fields.Nested):
            out[name] = blank(field.schema)
        else:
            out[name] = [] if isinstance(field, fields.List) else None
    return out


def _office_record(office: Any) -> dict[str, Any]:
    keys = ("id", "name", "address", "phone", "closed_files_bank")
    return {k: getattr(office, k, None) for k in keys}


SPEC = FormSpec(
    id="50-20e",
    title="Case Assignment and Routing Slip",
    number="50-20e",
    revision="Rev. 3/24",
    agency="Alameda County Social Services Agency",
    county="alameda",
    schema=RoutingSlipSchema,
    template="50-20e.docx",
    evaluate=evaluate,
    build_context=build_context,
    description="Assigns a case, transfers it to another EC or unit, or routes it to closed files.",
)
