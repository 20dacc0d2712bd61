// Filters for the events list: by type and by sector. Without this script the
// list is complete and the filter form stays hidden.
(function () {
  "use strict";
  var form = document.querySelector("[data-event-filters]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-event-lists] .event-item"));
  var count = form.querySelector("[data-event-count]");
  var type = form.querySelector("#filter-type");
  var sector = form.querySelector("#filter-sector");

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var sectors = item.getAttribute("data-sectors").split(" ");
      var match = (!type.value || item.getAttribute("data-type") === type.value) &&
        (!sector.value || sectors.indexOf("all") >= 0 || sectors.indexOf(sector.value) >= 0);
      item.hidden = !match;
      if (match) shown += 1;
    });
    // A heading whose list is all hidden is hidden with it.
    Array.prototype.forEach.call(document.querySelectorAll("[data-event-lists] .event-list"), function (list) {
      var visible = list.querySelector(".event-item:not([hidden])") !== null;
      list.hidden = !visible;
      var heading = list.previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = !visible;
    });
    count.textContent = shown
      ? count.getAttribute("data-template").replace("{shown}", shown).replace("{total}", count.getAttribute("data-total"))
      : count.getAttribute("data-none");
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
