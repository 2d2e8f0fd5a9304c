/* Routing queue page: "select all" for the print checkboxes, and nothing ticked said beside the
   print button without a round trip (the server says the same when this script is absent). */
(function () {
  "use strict";

  var all = document.getElementById("select-all");
  var form = document.getElementById("print-form");
  var error = document.getElementById("print-error");
  if (!all || !form) {
    return;
  }
  var picks = Array.prototype.slice.call(document.querySelectorAll("input.pick-slip"));

  all.closest("label").hidden = picks.length === 0;
  all.addEventListener("change", function () {
    picks.forEach(function (pick) {
      pick.checked = all.checked;
    });
  });
  picks.forEach(function (pick) {
    pick.addEventListener("change", function () {
      var ticked = picks.filter(function (p) { return p.checked; }).length;
      all.checked = ticked === picks.length;
      all.indeterminate = ticked > 0 && ticked < picks.length;
      if (ticked) {
        error.textContent = "";
      }
    });
  });
  form.addEventListener("submit", function (event) {
    if (!picks.some(function (pick) { return pick.checked; })) {
      event.preventDefault();
      error.textContent = "Select the slips to print first: none is selected.";
    }
  });
})();

/* A long print run is a job: its progress bar follows the job's URL until the PDF is ready,
   then the download link is offered (without this script, the link answers once it is). */
(function () {
  "use strict";

  var panel = document.getElementById("print-job");
  if (!panel || !window.fetch) {
    return;
  }
  var bar = document.getElementById("print-job-progress");
  var status = document.getElementById("print-job-status");
  var download = document.getElementById("print-job-download");
  var POLL_MS = 1500;

  download.hidden = true;
  function poll() {
    fetch(panel.dataset.jobUrl, { credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (job) {
        if (!job) {
          status.textContent = "The print run could not be followed; refresh the page.";
          return;
        }
        bar.max = job.total;
        bar.value = job.done;
        bar.textContent = job.done + " of " + job.total;
        if (job.state === "done") {
          status.textContent = "The PDF of " + job.total + " slips is ready.";
          download.replaceChildren(link(job.result_url));
          download.hidden = false;
        } else if (job.state === "failed") {
          status.textContent = "The print run failed: " + job.error;
        } else {
          status.textContent = job.done + " of " + job.total + " slips done.";
          window.setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () {
        window.setTimeout(poll, POLL_MS * 2);
      });
  }

  function link(url) {
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.id = "print-job-link";
    anchor.textContent = "Download the PDF";
    return anchor;
  }

  poll();
})();
