// Search as you type and filters for the partner directory.
//
// Without this script the page lists every name. With it, the rows are read
// once into a list and the table shows the first matches only, with a button
// for more: however long the directory grows (tens of thousands of names),
// each keystroke filters an array and draws at most a page of rows, so the
// page stays responsive. Each row carries its names in Traditional and
// Simplified Chinese and in English, lower-cased (data-search), so a query in
// any of them finds it.
(function () {
  "use strict";
  var PAGE = 200;
  var form = document.querySelector("[data-directory-filters]");
  if (!form) return;
  var body = document.querySelector("[data-directory]");
  var rows = Array.prototype.map.call(body.rows, function (row) {
    return { row: row, text: row.getAttribute("data-search"), year: row.getAttribute("data-year"), cls: row.getAttribute("data-class") };
  });
  var query = form.querySelector("#partner-search");
  var year = form.querySelector("#partner-year");
  var cls = form.querySelector("#partner-class");
  var count = form.querySelector("[data-directory-count]");
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button directory-more";
  body.closest(".partner-directory").after(more);
  var matches = [];
  var drawn = 0;
  var pending = 0;

  function draw(upTo) {
    var fragment = document.createDocumentFragment();
    for (var i = drawn; i < Math.min(upTo, matches.length); i++) fragment.appendChild(matches[i].row);
    body.appendChild(fragment);
    drawn = Math.min(upTo, matches.length);
    var left = matches.length - drawn;
    more.hidden = left === 0;
    more.textContent = (form.getAttribute("data-more") || "+ {count}").replace("{count}", Math.min(left, PAGE).toLocaleString("en"));
  }

  function apply() {
    pending = 0;
    var words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    matches = rows.filter(function (r) {
      if ((year.value && r.year !== year.value) || (cls.value && r.cls !== cls.value)) return false;
      for (var w = 0; w < words.length; w++) if (r.text.indexOf(words[w]) < 0) return false;
      return true;
    });
    body.textContent = "";
    drawn = 0;
    draw(PAGE);
    count.textContent = matches.length
      ? count.getAttribute("data-template").replace("{shown}", matches.length.toLocaleString("en")).replace("{total}", rows.length.toLocaleString("en"))
      : count.getAttribute("data-none");
  }

  function schedule() {
    if (!pending) pending = window.requestAnimationFrame(apply);
  }

  form.hidden = false;
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  more.addEventListener("click", function () { draw(drawn + PAGE); });
  apply();
})();
