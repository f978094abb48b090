/* Kunskapsarenan: click-to-load embeds (hooks/kunskapsarena/check/embeds.py). The page holds no iframe, only a
 * figure with a privacy note, a link and a hidden button; the iframe is made here, on a click, so
 * nothing is fetched from the video host before the visitor asks. No inline script or handler. */
(function () {
  "use strict";

  function load(figure, button) {
    var address;
    try { address = new URL(figure.getAttribute("data-ka-embed")); } catch (error) { return; }
    if (address.protocol !== "https:") return;   // the build only writes https; never anything else
    var frame = document.createElement("iframe");
    frame.src = address.href;
    frame.title = figure.getAttribute("data-ka-embed-title") || "";
    frame.className = "ka-embed__frame";
    frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    button.parentNode.replaceWith(frame);
    frame.focus();
  }

  function start() {
    document.querySelectorAll("figure.ka-embed[data-ka-embed]").forEach(function (figure) {
      var button = figure.querySelector(".ka-embed__load");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () { load(figure, button); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
