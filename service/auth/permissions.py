"""What each role may do: one table, read by the API's ``requires`` decorator."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EC = "ec"
    SUPERVISOR = "supervisor"
    CLERICAL = "clerical"
    CONTRACTOR = "contractor"
    ADMIN = "admin"


class Action(StrEnum):
    USE_API = "use_api"  # the API description itself
    FILL_FORMS = "fill_forms"
    READ_DOCUMENTS = "read_documents"
    UPLOAD_AOR = "upload_aor"
    READ_AORS = "read_aors"
    READ_AOR_ORIGINALS = "read_aor_originals"  # the file as uploaded, active content and all
    READ_AOR_INBOX = "read_the_aor_inbox"  # the caseload view: readings of one's cases
    CORRECT_AORS = "correct_aors"  # correct a reading's values, mark it reviewed
    BLANK_AOR = "blank_aor"
    ASSIGN_CASES = "assign_cases"
    CREATE_SLIPS = "create_slips"
    READ_SLIPS = "read_slips"
    APPROVE_SLIPS = "approve_slips"
    ROUTE_SLIPS = "route_slips"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"


EVERYONE = frozenset(Role)
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.USE_API: EVERYONE,
    Action.FILL_FORMS: frozenset({Role.EC, Role.SUPERVISOR}),
    Action.READ_DOCUMENTS: frozenset({Role.EC, Role.SUPERVISOR}),
    Action.UPLOAD_AOR: frozenset({Role.CONTRACTOR}),
    Action.READ_AORS: frozenset({Role.EC, Role.SUPERVISOR, Role.CONTRACTOR}),
    Action.READ_AOR_ORIGINALS: frozenset({Role.SUPERVISOR}),
    Action.READ_AOR_INBOX: frozenset({Role.EC, Role.SUPERVISOR}),
    Action.CORRECT_AORS: frozenset({Role.EC, Role.SUPERVISOR}),
    Action.BLANK_AOR: frozenset({Role.CONTRACTOR, Role.EC, Role.SUPERVISOR}),
    Action.ASSIGN_CASES: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Action.CREATE_SLIPS: frozenset({Role.EC, Role.SUPERVISOR}),
    Action.READ_SLIPS: frozenset({Role.EC, Role.SUPERVISOR, Role.CLERICAL}),
    Action.APPROVE_SLIPS: frozenset({Role.SUPERVISOR}),
    Action.ROUTE_SLIPS: frozenset({Role.CLERICAL}),
    Action.READ_AUDIT: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
}


def allowed(role: str, action: Action) -> bool:
    return role in ALLOWED[action]
