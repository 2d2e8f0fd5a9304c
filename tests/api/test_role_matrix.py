"""Every role against every endpoint: the matrix below is the specification.

A role the matrix names must get past the role check (any answer but 401/403 on a
missing record); every other role gets 403; no credentials get 401. A new endpoint
fails the completeness test until it is added here.
"""

from __future__ import annotations

import re

import pytest

EC, SUP, CLER, CON, ADM = "ec", "supervisor", "clerical", "contractor", "admin"
ALL = (EC, SUP, CLER, CON, ADM)
MATRIX: dict[str, tuple[str, ...]] = {
    "forms.list_forms": (EC, SUP),
    "forms.describe_form": (EC, SUP),
    "forms.form_example": (EC, SUP),
    "forms.check_form": (EC, SUP),
    "forms.render_form": (EC, SUP),
    "drafts.list_drafts": (EC, SUP),
    "drafts.create_draft": (EC, SUP),
    "drafts.get_draft": (EC, SUP),
    "drafts.update_draft": (EC, SUP),
    "drafts.delete_draft": (EC, SUP),
    "documents.list_documents": (EC, SUP),
    "documents.get_document": (EC, SUP),
    "documents.get_document_file": (EC, SUP),
    "aors.upload_aor": (CON,),
    "aors.list_aors": (EC, SUP, CON),
    "aors.get_aor": (EC, SUP, CON),
    "aors.correct_aor": (EC, SUP),
    "aors.get_aor_file": (EC, SUP, CON),
    "aors.get_aor_original": (SUP,),
    "aors.export_aors": (EC, SUP, CON),
    "aors.blank_form": (EC, SUP, CON),
    "cases.list_assignments": (SUP, ADM),
    "cases.assign_case": (SUP, ADM),
    "cases.assign_cases": (SUP, ADM),
    "cases.list_case_plans": (EC, SUP),
    "slips.create_slip": (EC, SUP),
    "slips.list_slips": (EC, SUP, CLER),
    "slips.get_slip": (EC, SUP, CLER),
    "slips.slip_document": (EC, SUP, CLER),
    "slips.correct_slip": (EC, SUP),
    "slips.approve_slip": (SUP,),
    "slips.send_back_slip": (SUP,),
    "slips.slip_queue": (CLER,),
    "slips.route_slip": (CLER,),
    "slips.print_slips": (EC, SUP, CLER),
    # A job answers only its owner (or, for print runs, other clerical staff): 404 otherwise.
    "jobs.get_job": ALL,
    "jobs.get_job_result": ALL,
    "audit.read_audit": (SUP, ADM),
    "users.list_accounts": (ADM,),
    "users.create_account": (ADM,),
    "users.disable_account": (ADM,),
    "users.set_password": (ADM,),
    "users.set_contact": (ADM,),
    "users.issue_token": (ADM,),
    "units.list_units": (ADM,),
    "units.create_unit": (ADM,),
    "api-docs.openapi_json": ALL,
    "api-docs.openapi_swagger_ui": ALL,
    "session.who_is_signed_in": ALL,
    "session.sign_out": ALL,
    # Pages (service/web): any URL outside /api/.
    "web.home": ALL,
    "web.sign_out": ALL,
    "admin.accounts": (ADM,),
    "admin.create_account": (ADM,),
    "admin.disable_account": (ADM,),
    "admin.set_password": (ADM,),
    "admin.issue_token": (ADM,),
    "admin.move_account": (ADM,),
    "admin.set_contact": (ADM,),
    "admin_units.units_page": (ADM,),
    "admin_units.add_unit": (ADM,),
    "admin_units.rename_unit": (ADM,),
    "admin_units.retire_unit": (ADM,),
    "approvals.approvals": (SUP,),
    "approvals.approve": (SUP,),
    "approvals.send_back": (SUP,),
    "aor_upload.upload_page": (CON,),
    "aor_upload.upload_files": (CON,),
    "aor_upload.upload_one": (CON,),
    "aor_upload.result_page": (CON,),
    "aor_upload.result_item": (CON,),
    "routing.queue": (CLER,),
    "routing.print_selected": (CLER,),
    "routing.record_routing": (CLER,),
    "form_pages.forms": (EC, SUP),
    "form_pages.fill": (EC, SUP),
    "form_pages.submit": (EC, SUP),
    "drafts_page.delete_draft": (EC, SUP),
    "slip_pages.mine": (EC, SUP),
    "slip_pages.send": (EC, SUP),
    "slip_pages.correct": (EC, SUP),
    "slip_pages.resend": (EC, SUP),
    "documents_page.documents": (EC, SUP),
    "case_page.case_plans_page": (EC, SUP),
    "case_assign.assign_page": (SUP, ADM),
    "case_assign.assign_one": (SUP, ADM),
    "case_assign.assign_upload": (SUP, ADM),
    "inbox.inbox_page": (EC, SUP),
    "inbox.aor": (EC, SUP),
    "inbox.notice": (EC, SUP),
    "inbox.correct": (EC, SUP),
}
OPEN = {
    "health.health",
    "docs_assets.static",
    "session.sign_in",
    "static",
    "web.sign_in",
    "web.static",
    # The first-run page: its one-time link and this machine's address are the credentials.
    "first_run.setup",
    "first_run.create_admin",
}
ARGS = {
    "form_id": "42-6",
    "aor_id": "999",
    "document_id": "999",
    "slip_id": "999",
    "draft_id": "999",
    "job_id": "no-such-job",
    "case_number": "B4C7Q21",
    "username": "nobody.here",
    "filename": "x",
    "token": "not-a-setup-token",
    "code": "U404",
}


def endpoints(app) -> dict[str, tuple[str, str]]:
    """endpoint → (method, concrete path) for every API rule."""
    found = {}
    for rule in app.url_map.iter_rules():
        method = sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ARGS[m.group(1)], rule.rule)
        found[rule.endpoint] = (method, path)
    return found


def test_the_matrix_names_every_endpoint(app):
    assert set(endpoints(app)) - OPEN == set(MATRIX)


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_a_role_reaches_an_endpoint_only_when_the_matrix_says_so(app, client_as, role, endpoint):
    method, path = endpoints(app)[endpoint]
    response = client_as(role).open(path, method=method, json={})
    if role in MATRIX[endpoint]:
        assert response.status_code not in (401, 403), (role, endpoint, response.get_json())
    else:
        assert response.status_code == 403, (role, endpoint, response.status_code)


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_no_credentials_get_401_everywhere_but_the_open_endpoints(app, anonymous, endpoint):
    method, path = endpoints(app)[endpoint]
    answer = anonymous.open(path, method=method, json={})
    if path.startswith("/api/"):
        assert answer.status_code == 401
    else:
        # A page answers a person, not a program: the refusal is the sign-in page, which leads
        # back to the page asked for (a form's target cannot be opened again, so not there).
        assert answer.status_code == 302, (endpoint, answer.status_code)
        assert answer.location == (f"/sign-in?next={path}" if method == "GET" else "/sign-in")


STATE_CHANGING = [
    "forms.check_form",
    "forms.render_form",
    "drafts.create_draft",
    "drafts.update_draft",
    "drafts.delete_draft",
    "aors.upload_aor",
    "aors.correct_aor",
    "cases.assign_case",
    "cases.assign_cases",
    "case_assign.assign_one",
    "case_assign.assign_upload",
    "slips.create_slip",
    "slips.correct_slip",
    "slips.approve_slip",
    "slips.send_back_slip",
    "slips.route_slip",
    "users.create_account",
    "users.disable_account",
    "users.set_password",
    "users.set_contact",
    "users.issue_token",
    "session.sign_out",
    "web.sign_out",
    "admin.create_account",
    "admin.disable_account",
    "admin.set_password",
    "admin.issue_token",
    "admin.move_account",
    "admin.set_contact",
    "admin_units.add_unit",
    "admin_units.rename_unit",
    "admin_units.retire_unit",
    "units.create_unit",
    "approvals.approve",
    "approvals.send_back",
    "aor_upload.upload_files",
    "aor_upload.upload_one",
    "routing.record_routing",
    "form_pages.submit",
    "drafts_page.delete_draft",
    "slip_pages.send",
    "slip_pages.resend",
    "inbox.correct",
]


@pytest.mark.parametrize("endpoint", STATE_CHANGING)
def test_every_state_changing_call_leaves_an_audit_row(app, client_as, endpoint):
    from service.extensions import db
    from service.models.audit import AuditEvent

    method, path = endpoints(app)[endpoint]
    assert method != "GET"
    role = MATRIX[endpoint][0]
    response = client_as(role).open(path, method=method, json={})
    with app.app_context():
        rows = db.session.query(AuditEvent).filter_by(action=endpoint).all()
    assert [(r.role, r.status) for r in rows] == [(role, response.status_code)]
