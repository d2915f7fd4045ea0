// Minutes form: "Add another" buttons that clone a formset's blank row (its empty form in a <template>), so
// several motions and action items are saved at once. Without JavaScript the page keeps its one blank row.
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
    var blank = document.getElementById(prefix + "-empty");
    var total = document.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var most = document.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    if (!text || !blank || !total) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-primary mb-3";
    button.textContent = text.button;
    rows.insertAdjacentElement("afterend", button);

    button.addEventListener("click", function () {
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
      rows.appendChild(row);
      total.value = String(index + 1);
      var first = row.querySelector("select, textarea, input:not([type=hidden])");
      if (first) {
        first.focus();
      }
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text.added; }, 50);
    });
  });
})();
