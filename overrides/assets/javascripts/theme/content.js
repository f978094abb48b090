/* Material for MkDocs 9.8.1, partials/javascripts/content.html, moved out of the page (Content
 * Security Policy, see base.js). Opens the content tab a link or the visitor's last choice points at. */
if (document.currentScript.hasAttribute("data-md-tabs-link")) {
  var tabs = __md_get("__tabs");
  if (Array.isArray(tabs))
    e: for (var set of document.querySelectorAll(".tabbed-set")) {
      var labels = set.querySelector(".tabbed-labels");
      for (var tab of tabs)
        for (var label of labels.getElementsByTagName("label"))
          if (label.innerText.trim() === tab) {
            var input = document.getElementById(label.htmlFor);
            input.checked = !0;
            continue e;
          }
    }
}
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
