// Attendance page: "Mark all present" without a round trip, and adding a guest without leaving the page.
(function () {
  "use strict";
  var markAll = document.getElementById("mark-all-present");
  if (markAll) {
    markAll.addEventListener("click", function (event) {
      event.preventDefault();
      document.querySelectorAll("#attendance-rows input.status-present").forEach(function (radio) {
        radio.checked = true;
      });
      markAll.textContent = gettext("Everyone on this page marked present: change anyone who was not, then save");
    });
  }

  // The guest picker lists only the people matching the search (the registry has thousands).
  var search = document.getElementById("guest-search");
  var people = document.getElementById("id_person");
  var searchForm = document.getElementById("guest-search-form");
  var help = document.getElementById("guest-search-help");
  if (search && people) {
    var timer = null;
    var latest = 0;
    var runSearch = function () {
      var query = search.value.trim();
      var ticket = ++latest;
      if (!query) {
        return;
      }
      var url = search.getAttribute("data-search-url") + "?q=" + encodeURIComponent(query);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (ticket !== latest) {
            return;  // a newer search is under way
          }
          while (people.options.length > 1) {
            people.remove(1);
          }
          data.results.forEach(function (person) {
            people.add(new Option(person.label, person.id));
          });
          people.value = data.results.length ? String(data.results[0].id) : "";
          var count = data.results.length;
          var found = count >= 20
            ? ngettext("%(count)s match for \u201c%(query)s\u201d (the first 20: type more of the name).", "%(count)s matches for \u201c%(query)s\u201d (the first 20: type more of the name).", count)
            : ngettext("%(count)s match for \u201c%(query)s\u201d.", "%(count)s matches for \u201c%(query)s\u201d.", count);
          help.textContent = count
            ? interpolate(found, { count: count, query: query }, true)
            : interpolate(gettext("Nobody in the registry matches \u201c%(query)s\u201d: type a new person's name below."), { query: query }, true);
        });
    };
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(runSearch, 200);
    });
    if (searchForm) {
      searchForm.addEventListener("submit", function (event) {
        event.preventDefault();
        window.clearTimeout(timer);
        runSearch();
      });
    }
  }

  var guestForm = document.getElementById("guest-form");
  if (!guestForm) {
    return;
  }
  guestForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var messages = document.getElementById("guest-messages");
    fetch(guestForm.action, {
      method: "POST",
      body: new FormData(guestForm),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.text().then(function (html) {
        if (!response.ok) {
          messages.innerHTML = html;
          return;
        }
        var body = document.createElement("tbody");
        body.innerHTML = html.trim();
        var row = body.querySelector("tr");
        document.getElementById("attendance-rows").appendChild(row);
        messages.innerHTML = "";
        var done = document.createElement("div");
        done.className = "alert alert-success";
        done.setAttribute("role", "status");
        done.textContent = row.getAttribute("data-added");  // worded (and translated) by the server
        row.removeAttribute("data-added");
        messages.appendChild(done);
        guestForm.reset();
        if (search) {
          search.focus();  // ready for the next guest; the message above is announced
        }
      });
    });
  });
})();
