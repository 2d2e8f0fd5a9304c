/* A question before anything is discarded: a link or button with data-confirm="question"
   asks it in a native <dialog> (keyboard and screen reader friendly, Escape cancels).
   data-confirm-button names the yes button; data-confirm-if-filled="form-id" asks only when
   that form holds something: it came back from the server filled in (data-filled), or a field
   was changed since the page opened. Without scripts the link or button simply works. */
(function () {
  "use strict";

  if (typeof HTMLDialogElement === "undefined") {
    return;
  }
  var dialog = null;
  var passing = false;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-question");
    dialog.innerHTML =
      '<p id="confirm-question"></p>' +
      '<div class="actions"><button type="button" data-answer="yes"></button> ' +
      '<button type="button" class="secondary" data-answer="no">Cancel</button></div>';
    document.body.appendChild(dialog);
    return dialog;
  }

  function filled(formId) {
    var form = document.getElementById(formId);
    if (!form || form.hasAttribute("data-filled")) {
      return true;
    }
    return Array.prototype.some.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit" || el.type === "button") {
        return false;
      }
      if (el.type === "checkbox" || el.type === "radio") {
        return el.checked !== el.defaultChecked;
      }
      if (el.tagName === "SELECT") {
        // With no option marked selected, a select opens on its first.
        var initial = Array.prototype.findIndex.call(el.options, function (option) {
          return option.defaultSelected;
        });
        return el.selectedIndex !== Math.max(initial, 0);
      }
      return el.value !== el.defaultValue;
    });
  }

  /* What the page wants done first (the fill page saves its draft), then the action. */
  function proceed(el) {
    var first = window.wtwforms && window.wtwforms.beforeLeave;
    Promise.resolve(first ? first() : null).then(function () {
      if (el.tagName === "A") {
        window.location.assign(el.href);
      } else if (el.form) {
        passing = true;
        try {
          el.form.requestSubmit(el);
        } finally {
          passing = false;
        }
      }
    });
  }

  function ask(el) {
    var box = dialog || build();
    box.querySelector("#confirm-question").textContent = el.getAttribute("data-confirm");
    var yes = box.querySelector("[data-answer=yes]");
    var no = box.querySelector("[data-answer=no]");
    yes.textContent = el.getAttribute("data-confirm-button") || "Yes, go on";
    box.onclick = function (event) {
      var answer = event.target.closest("[data-answer]");
      if (!answer) {
        return;
      }
      box.close();
      if (answer === yes) {
        proceed(el);
      } else {
        el.focus();
      }
    };
    box.oncancel = function () {
      setTimeout(function () { el.focus(); }, 0);
    };
    box.showModal();
    no.focus(); // the safe answer is the one Enter gives
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (!el || passing) {
      return;
    }
    var scope = el.getAttribute("data-confirm-if-filled");
    if (scope && !filled(scope)) {
      return;
    }
    event.preventDefault();
    ask(el);
  });
})();
