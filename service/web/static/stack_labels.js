// At phone width every table's rows stack (web.css) and each cell is led by its column's
// name. Templates may write that name as data-label; where one did not, it is copied here
// from the column's heading, so a stacked value never stands without saying what it is.
(function () {
  "use strict";

  function names(table) {
    var heads = table.tHead ? table.tHead.rows : [];
    var found = [];
    if (!heads.length) return found;
    Array.prototype.forEach.call(heads[heads.length - 1].cells, function (cell) {
      for (var i = 0; i < cell.colSpan; i++) found.push(cell.textContent.trim());
    });
    return found;
  }

  function label(table) {
    var columns = names(table);
    if (!columns.length) return;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var name = columns[column];
          // A cell that says its column's name already ("Manage") needs no label before it.
          var says = cell.textContent.trim() === name;
          if (name && !says && cell.colSpan === 1 && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", name);
          }
          column += cell.colSpan;
        });
      });
    });
  }

  document.querySelectorAll("main table").forEach(label);
})();
