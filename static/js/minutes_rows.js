// An agenda item's minutes page (and the page of the action items of no agenda item): the "Add a motion" and
// "Add an action item" links become buttons that clone a formset's blank row (its empty form, fetched from the
// rows' data-blank-url, the item's own meetings:minutes_blank_row, the first time and kept in a <template>), so
// several motions and action items of the item are saved at once. Without JavaScript the link opens the page
// again with one blank row (?add=motions).
(function () {
  "use strict";
  var labels = {
    motion: {
      button: gettext("Add another motion"),
      added: gettext("A blank motion was added below; its first field has the focus."),
    },
    action: {
      button: gettext("Add another action item"),
      added: gettext("A blank action item was added below; its first field has the focus."),
    },
  };
  var announcer = document.getElementById("rows-added");
  var ATTRIBUTES = ["id", "name", "for", "aria-describedby", "aria-labelledby"];

  document.querySelectorAll("[data-formset]").forEach(function (rows) {
    var prefix = rows.getAttribute("data-formset");
    var text = labels[rows.getAttribute("data-row-kind")];
    var blankUrl = rows.getAttribute("data-blank-url");
    var blank = null;  // the <template> of the blank row, once fetched
    var total = document.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var most = document.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    if (!text || !blankUrl || !total) {
      return;
    }

    function withBlank(then) {
      if (blank) {
        then();
        return;
      }
      fetch(blankUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok || response.redirected) {  // a lapsed session answers with the log-in page
            throw new Error(response.status);
          }
          return response.text();
        })
        .then(function (html) {
          if (!blank) {
            blank = document.createElement("template");
            blank.innerHTML = html.trim();
          }
          then();
        })
        .catch(function () {
          announcer.textContent = gettext("The blank row could not be loaded: check the connection and try again.");
        });
    }
    var link = document.querySelector('[data-add-row="' + prefix + '"]');
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-primary mb-3";
    button.textContent = link ? link.textContent : text.button;
    if (link) {
      link.replaceWith(button);
    } else {
      rows.insertAdjacentElement("afterend", button);
    }

    button.addEventListener("click", function () {
      withBlank(addRow);
    });

    function addRow() {
      var index = parseInt(total.value, 10);
      var limit = most ? parseInt(most.value, 10) : NaN;
      if (!isNaN(limit) && index >= limit) {
        announcer.textContent = interpolate(gettext("At most %(count)s rows can be saved at once: save, then add the rest."), { count: limit }, true);
        return;
      }
      var row = blank.content.firstElementChild.cloneNode(true);
      [row].concat(Array.prototype.slice.call(row.querySelectorAll("*"))).forEach(function (element) {
        ATTRIBUTES.forEach(function (name) {
          var value = element.getAttribute(name);
          if (value && value.indexOf("__prefix__") !== -1) {
            element.setAttribute(name, value.split("__prefix__").join(String(index)));
          }
        });
      });
      rows.querySelectorAll("[data-no-rows]").forEach(function (empty) { empty.remove(); });
      rows.appendChild(row);
      total.value = String(index + 1);
      var first = row.querySelector("select, textarea, input:not([type=hidden])");
      if (first) {
        first.focus();
      }
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text.added; }, 50);
    }
  });
})();
