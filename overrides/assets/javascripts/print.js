/* Kunskapsarenan: printing helpers. Shows the deck's "Skriv ut" button, and records each
 * link's absolute address (data-ka-href) so the print stylesheet can write it after the text. */
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("[data-ka-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      var address = link.href.replace(/^(mailto|tel):/, "");
      // An address that is already the link text is not printed twice.
      if (link.textContent.replace(/[\s-]/g, "") === address.replace(/[\s-]/g, "")) link.setAttribute("data-ka-plain", "");
      else link.setAttribute("data-ka-href", address);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
