"""The pages' navigation: one list, in display order; each role sees only its entries."""

from __future__ import annotations

from dataclasses import dataclass

from service.auth.permissions import Role


@dataclass(frozen=True)
class NavEntry:
    """A link in the header: the view's endpoint, its label, and the roles that see it."""

    endpoint: str
    label: str
    roles: frozenset[Role]
    # The label is followed by counts of what waits there (service/web/inbox_counts.py).
    counted: bool = False


ROLE_LABELS: dict[str, str] = {
    Role.EC: "Employment Counselor",
    Role.SUPERVISOR: "Supervisor",
    Role.CLERICAL: "Clerical",
    Role.CONTRACTOR: "Contractor",
    Role.ADMIN: "Administrator",
}

# A role's first entry is its home page (where "/" and sign-in lead).
# The view itself still checks the role (``requires``): the nav only hides what cannot be used.
NAV: tuple[NavEntry, ...] = (
    NavEntry("approvals.approvals", "Approvals", frozenset({Role.SUPERVISOR})),
    NavEntry("form_pages.forms", "Forms", frozenset({Role.EC, Role.SUPERVISOR})),
    NavEntry("slip_pages.mine", "My slips", frozenset({Role.EC, Role.SUPERVISOR})),
    NavEntry("admin.accounts", "Accounts", frozenset({Role.ADMIN})),
    NavEntry("admin_units.units_page", "Units", frozenset({Role.ADMIN})),
    NavEntry("case_assign.assign_page", "Cases", frozenset({Role.SUPERVISOR, Role.ADMIN})),
    NavEntry("documents_page.documents", "Documents", frozenset({Role.EC, Role.SUPERVISOR})),
    NavEntry("inbox.inbox_page", "AOR inbox", frozenset({Role.EC, Role.SUPERVISOR}), counted=True),
    NavEntry("aor_upload.upload_page", "AOR upload", frozenset({Role.CONTRACTOR})),
    NavEntry("routing.queue", "Routing queue", frozenset({Role.CLERICAL})),
)


def entries_for(role: str) -> list[NavEntry]:
    return [entry for entry in NAV if role in entry.roles]


def home_endpoint(role: str) -> str | None:
    """The endpoint of the role's first page, or None while no page serves the role."""
    entries = entries_for(role)
    return entries[0].endpoint if entries else None
