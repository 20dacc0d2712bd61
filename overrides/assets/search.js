// The search page: loads Pagefind's interface and the index for this page's
// language only when the page is opened, and runs the query from ?q=.
//
// The Traditional Chinese index holds each page's text in Simplified
// characters (see scripts/cleanprod/search_index.py): on that page the query
// is converted with the site's character table, and each result shows its
// Traditional title and opening words.
(function () {
  "use strict";
  var target = document.getElementById("search-ui");
  if (!target) return;
  var bundle = new URL("../pagefind/", window.location.href).href; // this language's bundle
  var traditional = document.documentElement.lang === "zh-Hant";

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function start(table) {
    var options = {
      element: "#search-ui",
      bundlePath: bundle,
      showImages: false,
      showSubResults: !traditional,
      resetStyles: false,
      ranking: { pageLength: 0 }, // a long page that explains a topic is not outranked by a short one that mentions it
    };
    if (traditional) {
      options.processTerm = function (term) {
        return term.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, function (c) {
          return table[c] || c;
        });
      };
      options.processResult = function (result) {
        result.excerpt = escapeHtml(result.meta.excerpt || "");
        return result;
      };
    }
    var search = new window.PagefindUI(options);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) search.triggerSearch(query);
  }

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);

  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-ui.js";
  ui.onload = function () {
    if (!traditional) return start({});
    fetch(new URL("characters.json", window.location.href))
      .then(function (response) { return response.json(); })
      .then(start, function () { start({}); });
  };
  document.head.appendChild(ui);
})();
