/* The fill page: repeating items (activities, children, ...) added and removed at once.
   Without scripts the same buttons submit the form and the server adds or removes the item;
   here they do it in the page, keeping the field names in the order the server reads them. */
(function () {
  "use strict";

  var form = document.getElementById("fill-form");
  if (!form) {
    return;
  }

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function itemsOf(list) {
    var box = list.querySelector(":scope > .items");
    return Array.prototype.filter.call(box.children, function (el) {
      return el.hasAttribute("data-item");
    });
  }

  function fieldId(path) {
    return "f-" + path.split(".").join("-");
  }

  /* Give the item at ``from`` the index ``to``: names, ids and the labels' numbers. */
  function reindex(list, item, from, to) {
    var path = list.getAttribute("data-list");
    var name = new RegExp("^" + escaped(path + "." + from) + "(?=\\.|$)");
    var id = new RegExp("(^|\\s)" + escaped(fieldId(path) + "-" + from) + "(?=-|\\s|$)", "g");
    var nodes = [item].concat(Array.prototype.slice.call(item.querySelectorAll("*")));
    nodes.forEach(function (el) {
      ["name", "value"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v !== null && (attr === "name" || el.hasAttribute("data-remove"))) {
          el.setAttribute(attr, v.replace(name, path + "." + to));
        }
      });
      ["id", "for", "aria-describedby"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v !== null) {
          el.setAttribute(attr, v.replace(id, "$1" + fieldId(path) + "-" + to));
        }
      });
    });
    item.querySelectorAll("[data-item-number]").forEach(function (span) {
      if (span.closest("[data-item]") === item) {
        span.textContent = String(to + 1);
      }
    });
    item.setAttribute("data-index", String(to));
  }

  function renumber(list) {
    itemsOf(list).forEach(function (item, position) {
      var was = Number(item.getAttribute("data-index"));
      if (was !== position) {
        reindex(list, item, was, position);
      }
    });
    var max = Number(list.getAttribute("data-max") || "0");
    var add = list.querySelector(":scope > [data-add]");
    add.hidden = max > 0 && itemsOf(list).length >= max;
  }

  function firstField(el) {
    return el.querySelector("input:not([type=hidden]), select, textarea");
  }

  function addItem(list) {
    var template = list.querySelector(":scope > template");
    var index = itemsOf(list).length;
    var markup = template.innerHTML
      .split("__INDEX__").join(String(index))
      .split("__NUMBER__").join(String(index + 1));
    list.querySelector(":scope > .items").insertAdjacentHTML("beforeend", markup);
    renumber(list);
    var added = itemsOf(list)[index];
    (firstField(added) || added).focus();
  }

  function removeItem(item) {
    var list = item.parentElement.closest("[data-list]");
    var position = itemsOf(list).indexOf(item);
    item.remove();
    renumber(list);
    var left = itemsOf(list);
    var next = left[position];
    // The item that took its place, else the list's own button (never hidden after a removal).
    var target = (next && firstField(next)) || list.querySelector(":scope > [data-add]");
    target.focus();
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !form.contains(button)) {
      return;
    }
    if (button.hasAttribute("data-add")) {
      event.preventDefault();
      addItem(button.closest("[data-list]"));
    } else if (button.hasAttribute("data-remove")) {
      event.preventDefault();
      removeItem(button.closest("[data-item]"));
    }
  });
})();
