"""The routing page's long print run: a progress bar following the job, then the download."""

from __future__ import annotations

import re

import pytest

from service.jobs.queue import wait_for_jobs
from tests.api import test_routing_page as routing_page
from tests.conftest import read_pdf

# The routing page tests' fixtures: a signed-in clerk, and slips in the queue.
clerk, queued = routing_page.clerk, routing_page.queued


@pytest.fixture
def small_threshold(app):
    app.config["PRINT_JOB_THRESHOLD"] = 2


def test_a_long_run_shows_a_progress_bar_that_follows_its_job_to_the_pdf(
    app, clerk, queued, pdf, small_threshold
):
    ids = queued("transfer", "closed", "transfer")
    answer = clerk.post("/routing/print", data={"csrf_token": clerk.csrf, "ids": ids})
    assert answer.status_code == 202
    page = answer.text
    assert "Printing 3 slips" in page
    assert re.search(r'<progress id="print-job-progress" max="3" value="0"', page)
    url = re.search(r'data-job-url="(/api/v1/jobs/[0-9a-f-]{36})"', page).group(1)
    assert f'href="{url}/result"' in page
    assert wait_for_jobs(app, timeout=120)
    job = clerk.get(url).json
    assert (job["state"], job["done"]) == ("done", 3)
    pages = read_pdf(clerk.get(job["result_url"]).data).pages
    assert len(pages) == 3 and "Quintero-001, Marisol" in pages[1]


def test_a_run_within_the_threshold_downloads_at_once(clerk, queued, pdf, small_threshold):
    ids = queued("transfer", "closed")
    answer = clerk.post("/routing/print", data={"csrf_token": clerk.csrf, "ids": ids})
    assert answer.status_code == 200
    assert answer.mimetype == "application/pdf"
