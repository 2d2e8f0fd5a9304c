/* The session's idle limit, said before it ends: a dialog a few minutes before, whose
   "Stay signed in" asks the server (which renews the session); afterwards, "Sign in again".
   Any page script that reaches the server says so with a "wtwforms:server-contact" event. */
(function () {
  "use strict";

  var script = document.getElementById("session-script");
  if (!script || typeof HTMLDialogElement === "undefined") {
    return;
  }
  var idle = Number(script.getAttribute("data-idle-seconds")) * 1000;
  var warn = Number(script.getAttribute("data-warn-seconds")) * 1000;
  var sessionUrl = script.getAttribute("data-session-url");
  var signInUrl = script.getAttribute("data-sign-in-url");
  var lastContact = Date.now();
  var timer = null;
  var dialog = null;
  var over = false;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "session-dialog";
    dialog.setAttribute("aria-labelledby", "session-title");
    dialog.setAttribute("aria-describedby", "session-text");
    dialog.innerHTML =
      '<h2 id="session-title"></h2><p id="session-text"></p>' +
      '<div class="actions"><button type="button" id="session-action"></button></div>';
    document.body.appendChild(dialog);
    dialog.querySelector("#session-action").addEventListener("click", act);
    dialog.addEventListener("cancel", function (event) {
      if (over) {
        event.preventDefault(); // nothing works signed out: the way on is signing in
      }
    });
    return dialog;
  }

  function show(title, text, action) {
    var box = dialog || build();
    box.querySelector("#session-title").textContent = title;
    box.querySelector("#session-text").textContent = text;
    var button = box.querySelector("#session-action");
    button.textContent = action;
    if (!box.open) {
      box.showModal();
    }
    button.focus();
  }

  function at(moment) {
    return new Date(moment).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  }

  function warnNow(left) {
    var minutes = Math.max(1, Math.round(left / 60000));
    show(
      "Your session is about to end",
      "For your security you will be signed out at " + at(Date.now() + left) + " (in about " +
        minutes + " minute" + (minutes === 1 ? "" : "s") + ") because nothing has been sent " +
        "for a while. What you typed on a form is kept as a draft.",
      "Stay signed in"
    );
  }

  function ended() {
    over = true;
    document.dispatchEvent(new CustomEvent("wtwforms:session-ended"));
    show(
      "Your session has ended",
      "You were signed out after a period of inactivity. Sign in again to go on: what you " +
        "typed on a form comes back after you sign in.",
      "Sign in again"
    );
  }

  function schedule() {
    clearTimeout(timer);
    var left = lastContact + idle - Date.now();
    if (left <= 0) {
      ended();
    } else if (left > warn) {
      timer = setTimeout(schedule, left - warn);
    } else {
      warnNow(left);
      timer = setTimeout(schedule, left);
    }
  }

  function touched() {
    lastContact = Date.now();
    if (dialog && dialog.open && !over) {
      dialog.close();
    }
    schedule();
  }

  function signInAgain() {
    var asked = new CustomEvent("wtwforms:sign-in-again", { cancelable: true });
    if (document.dispatchEvent(asked)) {
      var here = window.location.pathname + window.location.search;
      window.location.assign(signInUrl + "?next=" + encodeURIComponent(here));
    }
  }

  function act() {
    if (over) {
      signInAgain();
      return;
    }
    fetch(sessionUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (answer.status === 401) {
          ended();
        } else {
          touched();
        }
      }, function () {
        dialog.querySelector("#session-text").textContent =
          "The server could not be reached. Check the connection and try again.";
      });
  }

  document.addEventListener("wtwforms:server-contact", function () {
    if (!over) {
      touched();
    }
  });
  document.addEventListener("wtwforms:session-lost", ended);
  schedule();
})();
