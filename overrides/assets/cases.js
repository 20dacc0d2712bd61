// Filters for the case studies: by sector, technology and year. The totals
// and the count follow the cases shown. Without this script every case and
// the totals of all of them are shown.
(function () {
  "use strict";
  var form = document.querySelector("[data-case-filters]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-case-list] .case-item"));
  var totals = Array.prototype.slice.call(document.querySelectorAll("[data-total]"));
  var count = document.querySelector("[data-case-count]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var format = new Intl.NumberFormat("en");

  function apply() {
    var shown = items.filter(function (item) {
      var match = selects.every(function (select) {
        return !select.value || item.getAttribute("data-" + select.name) === select.value;
      });
      item.hidden = !match;
      return match;
    });
    totals.forEach(function (cell) {
      var field = "data-" + cell.getAttribute("data-total");
      var sum = shown.reduce(function (total, item) { return total + Number(item.getAttribute(field) || 0); }, 0);
      cell.textContent = format.format(sum);
    });
    count.textContent = shown.length
      ? count.getAttribute("data-template").replace("{shown}", shown.length).replace("{total}", items.length)
      : count.getAttribute("data-none");
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
