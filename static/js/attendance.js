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

  // The guest form's pickers list only what their searches found (the registry has thousands of people and
  // hundreds of organizations): typing fills the select named by the box's data-fills, the first match chosen.
  // Without JavaScript the same boxes submit the search form and the page comes back with the matches listed.
  var nobody = {
    "guest-search": gettext("Nobody in the registry matches \u201c%(query)s\u201d: type a new person's name below."),
    "guest-organization-search": gettext("No organization matches \u201c%(query)s\u201d: type a new organization's name below."),
  };
  var searches = {};
  document.querySelectorAll("#guest-form input[data-search-url]").forEach(function (box) {
    var select = document.getElementById(box.getAttribute("data-fills"));
    var help = document.getElementById(box.getAttribute("aria-describedby"));
    var instructions = help.getAttribute("data-instructions");
    var timer = null;
    var latest = 0;
    var run = function () {
      var query = box.value.trim();
      var ticket = ++latest;
      if (!query) {
        return;
      }
      var url = box.getAttribute("data-search-url") + "?q=" + encodeURIComponent(query);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (ticket !== latest) {
            return;  // a newer search is under way
          }
          while (select.options.length > 1) {
            select.remove(1);
          }
          data.results.forEach(function (found) {
            select.add(new Option(found.label, found.id));
          });
          select.value = data.results.length ? String(data.results[0].id) : "";
          var count = data.results.length;
          var found = count >= 20
            ? ngettext("%(count)s match for \u201c%(query)s\u201d (the first 20: type more of the name).", "%(count)s matches for \u201c%(query)s\u201d (the first 20: type more of the name).", count)
            : ngettext("%(count)s match for \u201c%(query)s\u201d.", "%(count)s matches for \u201c%(query)s\u201d.", count);
          help.textContent = interpolate(count ? found : nobody[box.id], { count: count, query: query }, true);
        });
    };
    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 200);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();  // Enter searches this box now, in place
        window.clearTimeout(timer);
        run();
      }
    });
    searches[box.id] = {
      run: function () {
        window.clearTimeout(timer);
        run();
      },
      clear: function () {  // after a guest is added: ready for the next one
        window.clearTimeout(timer);
        latest++;
        box.value = "";
        while (select.options.length > 1) {
          select.remove(1);
        }
        help.textContent = instructions;
      },
    };
  });
  var searchForm = document.getElementById("guest-search-form");
  if (searchForm) {
    searchForm.addEventListener("submit", function (event) {
      var box = event.submitter && event.submitter.getAttribute("data-search");
      if (searches[box]) {
        event.preventDefault();
        searches[box].run();
      }
    });
  }
  var search = document.getElementById("guest-search");

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
        Object.keys(searches).forEach(function (box) { searches[box].clear(); });
        if (search) {
          search.focus();  // ready for the next guest; the message above is announced
        }
      });
    });
  });
})();
