// Filters for the case studies: by sector, technology and year. The count,
// the totals and the chart by sector follow the cases shown: a total that no
// case shown has is left out, and the chart is drawn again with only the
// sectors of the cases shown, its bars scaled to the largest. Without this
// script every case, the totals of all of them and the chart of all are shown.
(function () {
  "use strict";
  var form = document.querySelector("[data-case-filters]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-case-list] .case-item"));
  var totals = Array.prototype.slice.call(document.querySelectorAll("[data-total]"));
  var count = document.querySelector("[data-case-count]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var format = new Intl.NumberFormat("en");
  var chart = document.querySelector("[data-case-chart]");
  var chartNone = document.querySelector("[data-chart-none]");

  function sum(shown, field) {
    return shown.reduce(function (total, item) { return total + Number(item.getAttribute(field) || 0); }, 0);
  }

  // The chart by sector (render/chart.py, svg_bars with keys), drawn again
  // for the cases shown: each sector's bar and number, the sectors with no
  // case shown left out and the others moved up, and the table of its
  // numbers likewise.
  function drawChart(shown) {
    if (!chart) return;
    var field = "data-" + chart.getAttribute("data-case-chart");
    var svg = chart.querySelector("svg");
    var room = Number(svg.getAttribute("data-bar-room"));
    var step = Number(svg.getAttribute("data-group-height"));
    var groups = Array.prototype.slice.call(svg.querySelectorAll("g[data-key]"));
    var values = groups.map(function (group) {
      var key = group.getAttribute("data-key");
      var inSector = shown.filter(function (item) { return item.getAttribute("data-sector") === key && item.hasAttribute(field); });
      return inSector.length ? sum(inSector, field) : null;
    });
    var most = Math.max.apply(null, values.map(function (v) { return v || 0; })) || 1;
    var place = 0;
    groups.forEach(function (group, i) {
      var value = values[i];
      var row = chart.querySelector('tr[data-key="' + group.getAttribute("data-key") + '"]');
      group.style.display = value === null ? "none" : "";
      row.hidden = value === null;
      if (value === null) return;
      var length = value / most * room;
      group.querySelector("rect").setAttribute("width", length.toFixed(1));
      var number = group.querySelector("text.value");
      number.setAttribute("x", (length + 6).toFixed(1));
      number.textContent = format.format(value);
      row.querySelector("td").textContent = format.format(value);
      group.setAttribute("transform", "translate(0 " + (place - i) * step + ")");
      place++;
    });
    var viewBox = svg.getAttribute("viewBox").split(" ");
    viewBox[3] = String(Math.max(place * step - Number(svg.getAttribute("data-group-gap")), 0) - Number(viewBox[1]));  // viewBox[1]: the room above, negative
    svg.setAttribute("viewBox", viewBox.join(" "));
    chart.hidden = place === 0;
    chartNone.hidden = place > 0 || !shown.length; // with no case shown, the count says so
  }

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
      cell.textContent = format.format(sum(shown, field));
      cell.closest("tr").hidden = shown.length > 0 && !shown.some(function (item) { return item.hasAttribute(field); });
    });
    drawChart(shown);
    count.textContent = shown.length
      ? count.getAttribute("data-template").replace("{shown}", shown.length).replace("{total}", items.length)
      : count.getAttribute("data-none");
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
