// Live reload for `arena serve`: waits for the next build and reloads the page.
// A file, not an inline script: the site's Content-Security-Policy allows scripts from the site only.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : null;
  if (version === null) return;
  function wait() {
    fetch("/__arena/wait?v=" + encodeURIComponent(version), { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (seen) {
        if (seen.trim() !== version) {
          window.location.reload();
        } else {
          wait();
        }
      })
      .catch(function () {
        // The preview was stopped or restarted: try again shortly.
        window.setTimeout(wait, 1000);
      });
  }
  wait();
})();
