/* AOR upload page: drop or choose PDFs; each is sent on its own and its reading shown as it
   arrives. The server renders every result (the same list item the plain form's page shows);
   without this script the form posts all files at once and the page comes back with them. */
(function () {
  "use strict";

  var form = document.getElementById("aor-upload");
  if (!form || !window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }
  var input = document.getElementById("aor-files");
  var zone = document.getElementById("aor-drop");
  var list = document.getElementById("upload-results");
  var section = document.getElementById("upload-results-section");
  var recent = document.getElementById("upload-recent");
  var said = document.getElementById("upload-summary");
  // Sent as a header, never in the body: the body is read only once the upload limit applies.
  var token = form.querySelector("input[name=csrf_token]").value;
  var maxBytes = Number(form.dataset.maxBytes);
  var sent = 0;
  var queue = Promise.resolve();
  // A scan is read in the background: its item is asked for again this often, for so long.
  var POLL_MS = 3000;
  var POLL_FOR_MS = 10 * 60 * 1000;

  Array.prototype.forEach.call(list.querySelectorAll("li[data-poll]"), follow);

  zone.hidden = false;
  // Chosen files go at once, as the drop zone says: no second step, so no button for it.
  form.querySelector("button[type=submit]").hidden = true;
  input.addEventListener("change", function () {
    if (input.files.length) {
      send(input.files);
      input.value = "";
    }
  });
  zone.addEventListener("click", function () {
    input.click();
  });
  zone.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      input.click();
    }
  });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("is-over");
    });
  });
  zone.addEventListener("dragleave", function () {
    zone.classList.remove("is-over");
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("is-over");
    send(event.dataTransfer.files);
  });
  form.addEventListener("submit", function (event) {
    // No file chosen: the plain post lets the server say so beside the field.
    if (input.files.length) {
      event.preventDefault();
      send(input.files);
      input.value = "";
    }
  });

  function send(files) {
    section.hidden = false;
    var batch = [];
    said.textContent = "";
    Array.prototype.forEach.call(files, function (file) {
      var item = placeholder(file.name);
      list.appendChild(item);
      queue = queue.then(function () {
        return upload(file).then(function (result) {
          name(result);
          item.replaceWith(result);
          batch.push(result);
          follow(result);
        });
      });
    });
    queue = queue.then(function () {
      summarise(batch);
    });
    queue = queue.then(refreshRecent);
  }

  function upload(file) {
    if (file.size > maxBytes) {
      return Promise.resolve(refusal(file.name, form.dataset.tooLarge));
    }
    var body = new FormData();
    body.append("file", file, file.name);
    return fetch(form.dataset.one, {
      method: "POST",
      body: body,
      headers: { "X-CSRF-Token": token },
      credentials: "same-origin",
      redirect: "manual"
    })
      .then(function (response) {
        if (response.type === "opaqueredirect") {
          return refusal(file.name, "Your session has ended: sign in again, then send this file again.");
        }
        return response.text().then(function (text) {
          return fromPage(text, file.name);
        });
      })
      .catch(function () {
        return refusal(file.name, "The service could not be reached; send this file again.");
      });
  }

  // The result's list item, or the message of the error page that came instead.
  function fromPage(text, filename) {
    var page = new DOMParser().parseFromString(text, "text/html");
    var item = page.querySelector("li.upload-result");
    if (item) {
      return document.importNode(item, true);
    }
    var error = page.querySelector(".form-error, .field-error");
    return refusal(filename, error ? error.textContent.trim() : "The file could not be sent.");
  }

  function placeholder(filename) {
    var item = document.createElement("li");
    item.className = "upload-result panel is-pending";
    item.setAttribute("aria-busy", "true");
    var title = document.createElement("h3");
    title.textContent = filename;
    var note = document.createElement("p");
    note.className = "meta";
    note.textContent = "Reading…";
    item.append(title, note);
    return item;
  }

  function refusal(filename, message) {
    var item = document.createElement("li");
    item.className = "upload-result panel is-error";
    item.dataset.outcome = "refused";
    var title = document.createElement("h3");
    title.textContent = filename;
    var note = document.createElement("p");
    note.className = "form-error";
    note.setAttribute("role", "alert");
    note.textContent = "Not read: " + message;
    item.append(title, note);
    return item;
  }

  // "3 read, 1 refused, 1 already received": the words of service/web/aor_batch.py's summary.
  function summarise(items) {
    var counts = { "read": 0, "refused": 0, "already received": 0, "being read": 0 };
    items.forEach(function (item) {
      counts[item.dataset.outcome || "refused"] += 1;
    });
    var parts = ["read", "refused", "already received"].map(function (outcome) {
      return counts[outcome] + " " + outcome;
    });
    if (counts["being read"]) {
      parts.push(counts["being read"] + " being read");
    }
    said.textContent = parts.join(", ") + ".";
  }

  // Each item's heading names it; ids stay unique however many files are sent.
  function name(item) {
    sent += 1;
    var title = item.querySelector("h3");
    title.id = "aor-sent-" + sent;
    item.setAttribute("aria-labelledby", title.id);
  }

  // A scan's item, asked for again until its status is no longer "reading"; then replaced by
  // the reading. While its job runs, the job says how many pages are read, for the bar.
  // On any failure the item stays, with its link to refresh the page.
  function follow(item) {
    if (!item.dataset || !item.dataset.poll) {
      return;
    }
    var until = Date.now() + POLL_FOR_MS;
    var url = item.dataset.poll;
    var bar = item.querySelector("progress[data-job]");
    function again() {
      if (Date.now() > until) {
        return;
      }
      window.setTimeout(bar ? progress : reread, POLL_MS);
    }
    function progress() {
      fetch(bar.dataset.job, { credentials: "same-origin", redirect: "manual" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (job) {
          if (!job || job.state === "done" || job.state === "failed") {
            reread();
            return;
          }
          bar.max = job.total;
          bar.value = job.done;
          bar.textContent = job.done + " of " + job.total + " pages read";
          again();
        })
        .catch(again);
    }
    function reread() {
      fetch(url, { credentials: "same-origin", redirect: "manual" })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (text) {
          var fresh = text && new DOMParser().parseFromString(text, "text/html").querySelector("li.upload-result");
          if (!fresh || fresh.dataset.poll) {
            again();
            return;
          }
          fresh = document.importNode(fresh, true);
          name(fresh);
          item.replaceWith(fresh);
          refreshRecent();
        })
        .catch(again);
    }
    again();
  }

  // The recent uploads table, fetched again: a new reading may have replaced an older one.
  function refreshRecent() {
    return fetch(window.location.pathname, { credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (text) {
        var fresh = text && new DOMParser().parseFromString(text, "text/html").getElementById("upload-recent");
        if (fresh) {
          recent.replaceWith(document.importNode(fresh, true));
          recent = document.getElementById("upload-recent");
        }
      })
      .catch(function () {
        return null;
      });
  }
})();
