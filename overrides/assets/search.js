// The search page: loads Pagefind's interface and the index for this page's
// language only when the page is opened, and runs the query from ?q=.
(function () {
  "use strict";
  var target = document.getElementById("search-ui");
  if (!target) return;
  var script = document.currentScript;
  var bundle = new URL("../pagefind/", script.src).href;

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);

  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-ui.js";
  ui.onload = function () {
    var search = new window.PagefindUI({
      element: "#search-ui",
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) search.triggerSearch(query);
  };
  document.head.appendChild(ui);
})();
