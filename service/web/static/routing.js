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
