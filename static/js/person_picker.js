// Minutes form: the mover, seconder and owner selects list the meeting's attendees; the search under each finds
// anyone else in the registry (meetings:people_search) and adds the matches to that select, the first chosen.
// Without JavaScript the search stays hidden and the selects offer the attendees (and whoever a row names).
(function () {
  "use strict";
  var form = document.querySelector("form[data-people-search-url]");
  if (!form) {
    return;
  }
  var url = form.getAttribute("data-people-search-url");
  form.classList.add("people-search-ready");
  var timers = new WeakMap();
  var tickets = new WeakMap();

  function parts(input) {
    var picker = input.closest("[data-person-picker]");
    return {
      select: picker.querySelector("select"),
      label: picker.querySelector("label"),
      status: picker.querySelector(".person-search .form-text"),
    };
  }

  function search(input) {
    var query = input.value.trim();
    var ticket = (tickets.get(input) || 0) + 1;
    tickets.set(input, ticket);
    if (!query) {
      return;
    }
    var picker = parts(input);
    fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (tickets.get(input) !== ticket) {
          return;  // a newer search is under way
        }
        var previous = picker.select.querySelector("optgroup[data-found]");
        if (previous) {
          previous.remove();
        }
        var results = data.results;
        if (!results.length) {
          picker.status.textContent = interpolate(gettext("Nobody in the registry matches \u201c%(query)s\u201d."), { query: query }, true);
          return;
        }
        var group = document.createElement("optgroup");
        group.label = gettext("Found in the registry");
        group.setAttribute("data-found", "");
        results.forEach(function (person) {
          group.appendChild(new Option(person.label, person.id));
        });
        picker.select.appendChild(group);
        picker.select.value = String(results[0].id);
        picker.select.dispatchEvent(new Event("change", { bubbles: true }));
        var field = picker.label ? picker.label.textContent.replace("*", "").trim() : "";
        var found = results.length >= 20
          ? gettext("%(count)s matches for \u201c%(query)s\u201d (the first 20: type more of the name); %(name)s is chosen as \u201c%(field)s\u201d.")
          : ngettext("%(count)s match for \u201c%(query)s\u201d; %(name)s is chosen as \u201c%(field)s\u201d.", "%(count)s matches for \u201c%(query)s\u201d; %(name)s is chosen as \u201c%(field)s\u201d: the others are in its list.", results.length);
        picker.status.textContent = interpolate(found, { count: results.length, query: query, name: results[0].label, field: field }, true);
      });
  }

  form.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches(".person-search input")) {
      return;
    }
    window.clearTimeout(timers.get(input));
    timers.set(input, window.setTimeout(function () { search(input); }, 250));
  });
  form.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key === "Enter" && input.matches(".person-search input")) {
      event.preventDefault();  // Enter searches now; it does not save the minutes
      window.clearTimeout(timers.get(input));
      search(input);
    }
  });
})();
