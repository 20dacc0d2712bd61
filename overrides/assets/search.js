// The search page: loads Pagefind's interface and the index for this page's
// language only when the page is opened, and runs the query from ?q=.
//
// Chinese pages are indexed in Simplified characters, with each run of
// Chinese characters written as its overlapping pairs (see
// scripts/cleanprod/search_index.py): on those pages the query is converted
// with the language's character table, beside the page, and turned into pairs
// in the same way, and each result shows its title and opening words from the
// page's record. In every language, a word the site does not use is read as
// the site's word for it (補貼 as 資助: docs/_data/search-words.yml). The
// table and the words are in search/query.json, beside the page.
(function () {
  "use strict";
  var target = document.getElementById("search-ui");
  if (!target) return;
  var bundle = new URL("../pagefind/", window.location.href).href; // this language's bundle
  var lang = document.documentElement.lang;
  var chinese = lang === "zh-Hant" || lang === "zh-Hans";
  var han = /[\u3400-\u9fff\uf900-\ufaff]/g;
  var hanRun = new RegExp(han.source + "+", "g");
  var labels = JSON.parse(document.currentScript.dataset.labels); // the site's words for Pagefind's interface

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  // As search_index.pairs: each run of Chinese characters as its overlapping
  // pairs, each pair one word of letters (节能 → iciciapn), a character alone
  // as its own four letters, which Pagefind matches as the start of every
  // word that begins with that character (the index ends a lone character
  // with "z", so that it never stands for a pair the query asks for).
  function letters(c) {
    return ("000" + c.charCodeAt(0).toString(16)).slice(-4).replace(/./g, function (d) {
      return "abcdefghijklmnop".charAt(parseInt(d, 16));
    });
  }
  function pairs(text) {
    return text.replace(hanRun, function (run) {
      var chars = run.split("").map(letters);
      var words = [];
      for (var i = 0; i + 1 < chars.length; i++) words.push(chars[i] + chars[i + 1]);
      return " " + (words.length ? words : chars).join(" ") + " ";
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The query with each word the site does not use replaced by the site's
  // word: anywhere in Chinese, which has no spaces; as a whole word, in any
  // case, elsewhere.
  function siteWords(words) {
    var found = Object.keys(words).sort(function (a, b) { return b.length - a.length; });
    if (!found.length) return function (text) { return text; };
    var pattern = found.map(escapeRegExp).join("|");
    var any = new RegExp(chinese ? pattern : "\\b(?:" + pattern + ")\\b", "gi");
    return function (text) {
      return text.replace(any, function (word) { return words[word.toLowerCase()]; });
    };
  }

  function start(query) {
    var table = query.characters || {};
    var replace = siteWords(query.words || {});
    var options = {
      element: "#search-ui",
      bundlePath: bundle,
      showImages: false,
      showSubResults: !chinese,
      resetStyles: false,
      translations: labels,
      ranking: { pageLength: 0 }, // a long page that explains a topic is not outranked by a short one that mentions it
    };
    options.processTerm = function (term) {
      if (!chinese) return replace(term);
      return pairs(replace(term.replace(han, function (c) {
        return table[c] || c;
      }))).trim();
    };
    if (chinese) {
      options.processResult = function (result) {
        result.excerpt = escapeHtml(result.meta.excerpt || "");
        delete result.meta.excerpt; // or the interface shows it again, as a tag
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
    fetch(new URL("query.json", window.location.href))
      .then(function (response) { return response.json(); })
      .then(start, function () { start({}); });
  };
  document.head.appendChild(ui);
})();
