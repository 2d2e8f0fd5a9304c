/* The fill page's drafts: what is typed is saved on the server as a draft, a few seconds
   after a change and with "Save draft". Before Check or a download the draft is saved too;
   if the session has ended by then, the fields are kept in this tab (sessionStorage), the
   page goes to sign-in, and on the way back the draft is brought back whole. */
(function () {
  "use strict";

  var form = document.getElementById("fill-form");
  if (!form || !window.fetch) {
    return;
  }
  var formId = form.getAttribute("data-form-id");
  var url = form.getAttribute("data-drafts-url");
  var delay = Number(form.getAttribute("data-autosave-seconds") || "20") * 1000;
  var draftInput = document.getElementById("draft-id");
  var status = document.getElementById("draft-status");
  var sessionScript = document.getElementById("session-script");
  var signInUrl = sessionScript ? sessionScript.getAttribute("data-sign-in-url") : "/sign-in";
  var KEY = "wtwforms.unsaved." + formId;
  // A pre-submit save waits at most this long; then the form goes as it would without scripts.
  var PATIENCE = 8000;
  var dirty = false;
  var timer = null;
  var saving = Promise.resolve("saved");
  var passing = false;
  // The session is over: no more saves from this page (a refused one would clear the cookie
  // the sign-in page's form needs).
  var over = false;

  function csrf() {
    var token = form.querySelector("input[name=csrf_token]");
    return token ? token.value : "";
  }

  /* The fields as the form would post them (the names the server reads), "_" buttons aside. */
  function fields() {
    var found = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.charAt(0) === "_" || el.name === "csrf_token" || el.disabled) {
        return;
      }
      if (el.type === "submit" || el.type === "button") {
        return;
      }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) {
        return;
      }
      found[el.name] = el.value;
    });
    return found;
  }

  function say(text) {
    status.textContent = text;
  }

  function send(body, keepalive) {
    var id = draftInput.value;
    if (!id) {
      body.form_id = formId;
    }
    return fetch(id ? url + "/" + encodeURIComponent(id) : url, {
      method: id ? "PUT" : "POST",
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrf(),
      },
      body: JSON.stringify(body),
    });
  }

  function stash(typed) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ draft: draftInput.value, fields: typed }));
    } catch (e) {
      // Storage full or refused: the server's draft, as last saved, is what comes back.
    }
  }

  function saved(draft) {
    draftInput.value = String(draft.id);
    // A reload opens the draft, not the example or the document it began from.
    history.replaceState(null, "", window.location.pathname + "?draft=" + draft.id);
    var time = new Date().toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
    say("Draft saved at " + time + ".");
    document.dispatchEvent(new CustomEvent("wtwforms:server-contact"));
    return "saved";
  }

  /* One save: "saved", "ended" (the session is over; the fields are kept in the tab) or
     "failed" (said beside the buttons; tried again after the next change). */
  function saveNow() {
    clearTimeout(timer);
    timer = null;
    var typed = fields();
    dirty = false;
    return send({ fields: typed }).then(function (answer) {
      if (answer.status === 404 && draftInput.value) {
        draftInput.value = ""; // deleted on another page: saved as a new draft
        dirty = true;
        return saveNow();
      }
      if (answer.status === 401) {
        stash(typed);
        dirty = true;
        over = true;
        return "ended";
      }
      if (!answer.ok) {
        dirty = true;
        return answer.json().then(function (body) {
          say("The draft could not be saved: " + (body.message || answer.statusText));
          return "failed";
        }, function () {
          say("The draft could not be saved (" + answer.status + ").");
          return "failed";
        });
      }
      return answer.json().then(saved);
    }, function () {
      dirty = true;
      say("The draft could not be saved: the server could not be reached.");
      return "failed";
    });
  }

  /* Saves run one after another: the first one's id is the one the next one updates. */
  function save() {
    saving = saving.then(saveNow, saveNow);
    return saving;
  }

  function autosave() {
    if (over) {
      return;
    }
    save().then(function (result) {
      if (result === "ended") {
        document.dispatchEvent(new CustomEvent("wtwforms:session-lost"));
      }
    });
  }

  function changed() {
    dirty = true;
    if (!timer) {
      timer = setTimeout(function () {
        timer = null;
        autosave();
      }, delay);
    }
  }

  function returnPath() {
    var id = draftInput.value;
    var draft = id ? "draft=" + encodeURIComponent(id) + "&" : "";
    return window.location.pathname + "?" + draft + "restore=1";
  }

  function signInAgain() {
    window.location.assign(signInUrl + "?next=" + encodeURIComponent(returnPath()));
  }

  function patiently(promise) {
    return Promise.race([
      promise,
      new Promise(function (resolve) {
        setTimeout(function () { resolve("failed"); }, PATIENCE);
      }),
    ]);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("click", function (event) {
    if (event.target.closest("[data-add], [data-remove]")) {
      changed();
    }
  });

  form.addEventListener("submit", function (event) {
    if (passing) {
      return;
    }
    var button = event.submitter;
    var draftButton = button && button.name === "_action" && button.value === "draft";
    if (!draftButton && !dirty && !draftInput.value) {
      return; // nothing typed to keep: the form goes as it is
    }
    event.preventDefault();
    if (draftButton) {
      save();
      return;
    }
    // Sent again once the save has answered (a later task: while its submit event is being
    // handled, a form cannot be submitted again).
    patiently(save()).then(function (result) {
      if (result === "ended") {
        signInAgain();
        return;
      }
      passing = true;
      try {
        form.requestSubmit(button || undefined);
      } finally {
        passing = false;
      }
    });
  });

  document.addEventListener("wtwforms:session-ended", function () {
    over = true;
    stash(fields());
  });
  document.addEventListener("wtwforms:sign-in-again", function (event) {
    event.preventDefault();
    stash(fields());
    signInAgain();
  });
  window.addEventListener("pagehide", function () {
    if (dirty && !over) {
      send({ fields: fields() }, true);
    }
  });
  window.wtwforms = window.wtwforms || {};
  window.wtwforms.beforeLeave = function () {
    return dirty ? patiently(save()) : Promise.resolve("saved");
  };

  /* Back from sign-in: what was kept in the tab is saved to the draft, then shown whole. */
  function restore() {
    var params = new URLSearchParams(window.location.search);
    if (params.has("restored")) {
      say("You are signed in again and the form is as you left it.");
      history.replaceState(null, "", window.location.pathname + "?draft=" + draftInput.value);
    }
    if (!params.has("restore")) {
      return;
    }
    var kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
    } catch (e) {
      kept = null;
    }
    if (!kept || (kept.draft || "") !== draftInput.value) {
      history.replaceState(null, "", window.location.pathname +
        (draftInput.value ? "?draft=" + draftInput.value : ""));
      return;
    }
    say("Bringing back what you typed…");
    send({ fields: kept.fields }).then(function (answer) {
      return answer.ok ? answer.json() : Promise.reject(answer);
    }).then(function (draft) {
      sessionStorage.removeItem(KEY);
      window.location.replace(window.location.pathname + "?draft=" + draft.id + "&restored=1");
    }, function () {
      say("What you typed could not be brought back yet; reload the page to try again.");
    });
  }

  restore();
})();
