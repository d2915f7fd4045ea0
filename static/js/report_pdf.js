// A PDF rendering in the background (the report page, and the page staff get when they open a PDF
// that is not stored yet): poll its status, show the progress and, once ready, the link.
(function () {
  "use strict";
  var box = document.getElementById("pdf-status");
  if (!box || box.dataset.busy !== "true") return;
  var progress = box.querySelector("progress");
  var state = box.querySelector(".pdf-state");
  var done = box.querySelector(".pdf-done");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (progress) { progress.max = status.steps; progress.value = status.step; progress.textContent = status.step + " of " + status.steps; }
        if (state) state.textContent = status.label;
        if (status.ready) {
          if (done) done.hidden = false;
          return;
        }
        if (status.state === "failed") { if (state) state.textContent = gettext("Failed: reload the page to try again"); return; }
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
