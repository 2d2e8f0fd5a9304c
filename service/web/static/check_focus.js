/* After a Check (or any post that answers with a page), the keyboard and the screen reader
   start at what the answer says: the error summary, or the message that all went well.
   A field the page itself focuses (autofocus, after adding an item) keeps the focus, and so
   does whatever the user reached before this script ran: focus is never taken back. */
(function () {
  "use strict";

  var target = document.querySelector("[data-focus-on-load]");
  var moved = document.activeElement && document.activeElement !== document.body;
  if (!target || moved || document.querySelector("[autofocus]")) {
    return;
  }
  if (!target.hasAttribute("tabindex")) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
})();
