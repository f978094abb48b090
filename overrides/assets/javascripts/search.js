/* The site search box in the header, over Pagefind's index (pagefind/pagefind.js, built by
 * hooks/kunskapsarena_mkdocs/pagefind.py). Nothing is fetched until the visitor starts a search;
 * then only the index fragments the query needs.
 *
 * Keys: "/" or "s" anywhere opens the search; ArrowDown/ArrowUp move between the results and the
 * field; Enter in the field opens the first result; Escape closes. The number of results is
 * announced through a polite live region.
 *
 * Safety: titles, types and section names are set as text. Pagefind's excerpts are HTML (it
 * escapes the page text and adds <mark> around the matches); they are parsed in an inert
 * document and only their text and <mark> elements are kept, so even an unescaped excerpt
 * could not add markup to the page. */
(function () {
  "use strict";

  var root = document.querySelector("[data-ka-search]");
  if (!root || !window.URL || !window.DOMParser) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector("input[name=query]");
  var form = root.querySelector("[data-ka-search-form]");
  var status = root.querySelector("[data-ka-search-status]");
  var list = root.querySelector("[data-ka-search-results]");
  var filterBox = root.querySelector("[data-ka-search-filters]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("[data-ka-search-filter]"));
  var opener = document.querySelector("[data-ka-search-toggle]");
  var bundle = new URL(root.getAttribute("data-ka-bundle"), document.baseURI);
  var MAX_RESULTS = 10;

  root.hidden = false;
  if (opener) opener.hidden = false;

  var engine = null;   // the promise of Pagefind's module, once loaded
  var generation = 0;  // each query's number; an older query's answer is dropped

  function load() {
    if (!engine) {
      engine = import(bundle.href).then(function (pagefind) {
        // Result URLs from the site's root, wherever the site is published.
        return pagefind.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24 })
          .then(function () { pagefind.init(); return pagefind; });
      });
      engine.catch(function () {
        engine = null;
        say("Sökningen kunde inte laddas. Försök igen senare.");
      });
    }
    return engine;
  }

  function say(text) {
    status.textContent = text;
  }

  function open() {
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-ka-search-filter")] = select.value;
    });
    return filters;
  }

  // Pagefind's excerpt as nodes: its text and <mark> elements, nothing else.
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var out = document.createDocumentFragment();
    (function copy(node, into) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          into.appendChild(document.createTextNode(child.textContent));
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.tagName === "MARK") {
            var mark = document.createElement("mark");
            mark.textContent = child.textContent;
            into.appendChild(mark);
          } else {
            copy(child, into);
          }
        }
      });
    })(parsed, out);
    return out;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  // The section that matched best: the one with the highest summed score of its matches,
  // leaving out the page's own top (its url has no #fragment).
  function bestSection(data) {
    var best = null, bestScore = 0;
    (data.sub_results || []).forEach(function (sub) {
      if (!sub.url || sub.url.indexOf("#") < 0 || sub.url === data.url) return;
      if (data.meta && sub.title === data.meta.title) return;   // the page's own heading
      var score = 0;
      (sub.weighted_locations || []).forEach(function (loc) { score += loc.balanced_score || loc.weight || 0; });
      if (!sub.weighted_locations) score = (sub.locations || []).length;
      if (score > bestScore) { best = sub; bestScore = score; }
    });
    return best;
  }

  function resultItem(data) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = data.url;
    var article = element("article", "md-search-result__article md-typeset");
    var type = data.meta && data.meta.type;
    if (type) article.appendChild(element("p", "ka-search__type", type));
    article.appendChild(element("p", "ka-search__title", (data.meta && data.meta.title) || data.url));
    var text = element("p", "ka-search__excerpt");
    text.appendChild(excerpt(data.excerpt || ""));
    article.appendChild(text);
    link.appendChild(article);
    item.appendChild(link);
    var section = bestSection(data);
    if (section && section.title) {
      var sub = element("a", "md-search-result__link ka-search__section");
      sub.href = section.url;
      var subArticle = element("article", "md-search-result__article md-typeset");
      subArticle.appendChild(element("p", "ka-search__title", section.title));
      var subText = element("p", "ka-search__excerpt");
      subText.appendChild(excerpt(section.excerpt || ""));
      subArticle.appendChild(subText);
      sub.appendChild(subArticle);
      item.appendChild(sub);
    }
    return item;
  }

  // Swedish beyond Pagefind's stemming. Pagefind finds pages with every word of the query,
  // matching word starts, accents folded (ideslussen → Idésluss). Two more searches fill in:
  // - each long word cut to its start, ranked at half weight: an inflection the stemmer takes
  //   apart differently (idéverkstäder → Idéverkstad) or a typo near a word's end
  //   (retrospektv → Retrospektiv, hackaton → Hackathon);
  // - when that still finds little, any of the words, ranked at a quarter weight (a compound:
  //   "försenade bussar" → "försenade skolbussar").
  var RELAXED_WEIGHT = 0.5, ANY_WORD_WEIGHT = 0.25, ENOUGH = 3;

  function relax(word) {
    var letters = Array.from(word);
    return letters.length < 7 ? word : letters.slice(0, Math.max(5, letters.length - 4)).join("");
  }

  // `early` gets Pagefind's own results as soon as they are there, before the fallbacks finish.
  function find(pagefind, query, filters, early) {
    var words = query.split(/\s+/).filter(Boolean);
    var ranked = {};
    function add(search, weight) {
      search.results.forEach(function (result) {
        var score = result.score * weight;
        if (!ranked[result.id] || ranked[result.id].score < score) ranked[result.id] = { result: result, score: score };
      });
    }
    function sorted() {
      return Object.keys(ranked).map(function (id) { return ranked[id]; })
        .sort(function (a, b) { return b.score - a.score; }).map(function (entry) { return entry.result; });
    }
    var relaxed = words.map(relax).join(" ");
    var exact = pagefind.search(query, { filters: filters });
    exact.then(function (search) { if (search.results.length) early(search.results); });
    return Promise.all([exact, relaxed === words.join(" ") ? null : pagefind.search(relaxed, { filters: filters })])
      .then(function (found) {
        add(found[0], 1);
        if (found[1]) add(found[1], RELAXED_WEIGHT);
        if (words.length < 2 || Object.keys(ranked).length >= ENOUGH) return sorted();
        return Promise.all(words.map(function (word) { return pagefind.search(relax(word), { filters: filters }); }))
          .then(function (each) {
            // A page with more of the words ranks higher: their scores add up.
            var summed = {};
            each.forEach(function (search) {
              search.results.forEach(function (result) {
                summed[result.id] = summed[result.id] || { results: [result], score: 0 };
                summed[result.id].score += result.score;
              });
            });
            add({ results: Object.keys(summed).map(function (id) {
              return { id: id, score: summed[id].score, data: summed[id].results[0].data.bind(summed[id].results[0]) };
            }) }, ANY_WORD_WEIGHT);
            return sorted();
          });
      });
  }

  // A page whose whole title is what was typed comes first ("treboxmodell" → the method
  // Treboxmodellen before the cases "Treboxmodellen på …"); otherwise Pagefind's order.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function titled(pages, query) {
    var asked = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    function covered(data) {
      var words = fold((data.meta && data.meta.title) || "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return words.length > 0 && words.every(function (word) {
        return asked.some(function (q) {
          return q === word || word.indexOf(relax(q)) === 0 || (word.length >= 3 && q.indexOf(word) === 0);
        });
      });
    }
    return pages.filter(covered).concat(pages.filter(function (data) { return !covered(data); }));
  }

  // The filters' values are fetched only when the visitor opens them (not with every query).
  var filterToggle = root.querySelector("[data-ka-search-filter-toggle]");
  var filtersFilled = false;
  function fillFilters(pagefind) {
    if (filtersFilled) return;
    filtersFilled = true;
    pagefind.filters().then(function (available) {
      selects.forEach(function (select) {
        var values = available[select.getAttribute("data-ka-search-filter")] || {};
        Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "sv"); }).forEach(function (value) {
          var option = element("option", "", value);
          option.value = value;
          select.appendChild(option);
        });
      });
    });
  }

  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    if (!query) {
      list.textContent = "";
      list.removeAttribute("data-ka-shown");
      say("Skriv ett eller flera ord");
      return;
    }
    var final = false;   // the first, exact results are drawn only if the final ones are not there yet
    function show(results, last) {
      return Promise.all(results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
        .then(function (pages) {
          if (mine !== generation || final) return;
          final = last;
          pages = titled(pages, query);
          var urls = pages.map(function (data) { return data.url; }).join(" ");
          if (list.getAttribute("data-ka-shown") !== urls) {
            // Redrawn (the fallbacks changed the list): focus stays on the result it was on.
            var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
            list.textContent = "";
            pages.forEach(function (data) { list.appendChild(resultItem(data)); });
            list.setAttribute("data-ka-shown", urls);
            var again = focused && list.querySelector('a[href="' + CSS.escape(focused) + '"]');
            if (again) again.focus(); else if (focused) input.focus();
          }
          if (!last) return;   // the count is announced once, for the final list
          var count = results.length;
          say(count === 0 ? "Inga träffar för ”" + query + "”" :
              count === 1 ? "1 träff för ”" + query + "”" :
              count + " träffar för ”" + query + "”" +
              (count > MAX_RESULTS ? ", de " + MAX_RESULTS + " bästa visas" : ""));
        });
    }
    load().then(function (pagefind) {
      return find(pagefind, query, chosenFilters(), function (results) {
        if (mine === generation) show(results, false);
      }).then(function (results) {
        if (mine !== generation) return null;
        return show(results, true);
      });
    }).catch(function () {
      if (mine === generation) say("Sökningen kunde inte genomföras. Försök igen.");
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("focus", function () { open(); load(); });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  if (filterToggle) {
    filterToggle.addEventListener("click", function () {
      var opening = filterBox.hidden;
      filterToggle.setAttribute("aria-expanded", String(opening));
      if (!opening) { filterBox.hidden = true; return; }
      load().then(function (pagefind) { fillFilters(pagefind); filterBox.hidden = false; });
    });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== input) input.focus();
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  root.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && (event.target === input || at >= 0)) {
      event.preventDefault();
      if (all.length) all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    } else if (event.key === "Enter" && event.target === input && all.length) {
      event.preventDefault();
      all[0].click();
    }
  });

  function editable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || editable(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
      input.focus();
      input.select();
    }
  });
})();
