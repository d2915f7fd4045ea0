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
      markAll.textContent = "Everyone marked present: change anyone who was not, then save";
    });
  }

  var search = document.getElementById("guest-search");
  var people = document.getElementById("id_person");
  if (search && people) {
    search.addEventListener("input", function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(people.options, function (option) {
        var text = option.textContent.toLowerCase();
        var match = !option.value || words.every(function (word) { return text.indexOf(word) !== -1; });
        option.hidden = !match;
        if (match && option.value && first === null) { first = option; }
      });
      if (first && words.length) { people.value = first.value; }
    });
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
        var name = row.querySelector("th").textContent.trim();
        messages.innerHTML = "";
        var done = document.createElement("div");
        done.className = "alert alert-success";
        done.setAttribute("role", "status");
        done.textContent = "Added " + name + " as present.";
        messages.appendChild(done);
        guestForm.reset();
        if (search) {
          search.focus();  // ready for the next guest; the message above is announced
        }
      });
    });
  });
})();
