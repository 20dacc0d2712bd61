// Search as you type and filters for the partner directory. Each row carries
// its names in Traditional and Simplified Chinese and in English, lower-cased
// (data-search), so a query in any of them finds it. Rows are read once;
// each change only touches rows whose visibility changes, so the page stays
// responsive with tens of thousands of rows.
(function () {
  "use strict";
  var form = document.querySelector("[data-directory-filters]");
  if (!form) return;
  var body = document.querySelector("[data-directory]");
  var rows = Array.prototype.map.call(body.rows, function (row) {
    return {
      row: row,
      text: row.getAttribute("data-search"),
      year: row.getAttribute("data-year"),
      cls: row.getAttribute("data-class"),
      shown: true
    };
  });
  var query = form.querySelector("#partner-search");
  var year = form.querySelector("#partner-year");
  var cls = form.querySelector("#partner-class");
  var count = form.querySelector("[data-directory-count]");
  var pending = 0;

  function apply() {
    pending = 0;
    var words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var match = (!year.value || r.year === year.value) && (!cls.value || r.cls === cls.value);
      for (var w = 0; match && w < words.length; w++) match = r.text.indexOf(words[w]) >= 0;
      if (match !== r.shown) {
        r.row.hidden = !match;
        r.shown = match;
      }
      if (match) shown++;
    }
    count.textContent = shown
      ? count.getAttribute("data-template").replace("{shown}", shown.toLocaleString("en")).replace("{total}", Number(count.getAttribute("data-total")).toLocaleString("en"))
      : count.getAttribute("data-none");
  }

  function schedule() {
    if (!pending) pending = window.requestAnimationFrame(apply);
  }

  form.hidden = false;
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
