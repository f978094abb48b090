/* Kunskapsarenan: faceted filtering of explorer cards (metodbank, goda exempel, utskriftsdeck).
 *
 * Progressive enhancement: the server-rendered page lists every item; this script reveals the
 * filter form, hides cards that do not match and keeps the filter in the URL query string
 * (?phase=förstå&q=intervju), so a filtered view can be shared, reloaded and navigated back to.
 * Facet values come from each card's data-ka-facets attribute (JSON): no inline script, no network.
 * Within one facet the choices are alternatives (OR); different facets narrow together (AND).
 */
(function () {
  "use strict";

  function normalise(text) {
    return (text || "").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
  }

  function readState(facetKeys) {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", facets: {} };
    facetKeys.forEach(function (key) {
      var values = params.getAll(key).filter(Boolean);
      if (values.length) state.facets[key] = values;
    });
    return state;
  }

  function queryString(state) {
    var params = new URLSearchParams();
    Object.keys(state.facets).forEach(function (key) {
      state.facets[key].forEach(function (value) { params.append(key, value); });
    });
    if (state.q) params.set("q", state.q);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function matches(item, state, words) {
    for (var key in state.facets) {
      var wanted = state.facets[key];
      var have = item.facets[key] || [];
      if (!wanted.some(function (value) { return have.indexOf(value) !== -1; })) return false;
    }
    return words.every(function (word) { return item.text.indexOf(word) !== -1; });
  }

  function init(root) {
    var form = root.querySelector("[data-ka-filters]");
    var count = root.querySelector("[data-ka-count]");
    var empty = root.querySelector("[data-ka-empty]");
    var noun = root.getAttribute("data-ka-noun") || "";
    var items = Array.prototype.map.call(root.querySelectorAll("[data-ka-item]"), function (element) {
      return {
        element: element,
        facets: JSON.parse(element.getAttribute("data-ka-facets") || "{}"),
        text: normalise(element.textContent)
      };
    });
    var facetKeys = [];
    items.forEach(function (item) {
      Object.keys(item.facets).forEach(function (key) {
        if (facetKeys.indexOf(key) === -1) facetKeys.push(key);
      });
    });

    function apply(state) {
      var words = normalise(state.q).split(" ").filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, state, words);
        item.element.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) {
        var filtered = shown !== items.length;
        var text = filtered ? "Visar " + shown + " av " + items.length + " " + noun : items.length + " " + noun;
        if (count.textContent !== text) count.textContent = text;
      }
      if (empty) empty.hidden = shown !== 0;
      var query = queryString(state);
      document.querySelectorAll("a[data-ka-keep-query]").forEach(function (link) {
        link.href = link.href.split("?")[0] + query;
      });
    }

    if (!form) {        // a page without controls (the print deck) follows the URL only
      apply(readState(facetKeys));
      return;
    }

    var search = form.querySelector('input[name="q"]');

    function showState(state) {
      form.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
        box.checked = (state.facets[box.name] || []).indexOf(box.value) !== -1;
      });
      if (search) search.value = state.q;
    }

    function formState() {
      var state = { q: search ? search.value.trim() : "", facets: {} };
      form.querySelectorAll('input[type="checkbox"]:checked').forEach(function (box) {
        (state.facets[box.name] = state.facets[box.name] || []).push(box.value);
      });
      return state;
    }

    function update(push) {
      var state = formState();
      apply(state);
      var url = window.location.pathname + queryString(state) + window.location.hash;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") update(true);
    });
    if (search) search.addEventListener("input", function () { update(false); });
    var clear = form.querySelector("[data-ka-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        showState({ q: "", facets: {} });
        update(true);
        if (search) search.focus();
      });
    }
    window.addEventListener("popstate", function () {
      var state = readState(facetKeys);
      showState(state);
      apply(state);
    });

    var initial = readState(facetKeys);
    showState(initial);
    apply(initial);
  }

  function start() {
    document.querySelectorAll("[data-ka-explorer]").forEach(init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
