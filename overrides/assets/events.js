// Events: what the reader's date changes, and the list's filters.
//
// A page is built on the day of the site's last change and read long after:
// an event that has ended since is marked as past here, on its page and in
// the events list, and a registration link goes once registration closes.
// Without this script the page is as built, and the list complete.
(function () {
  "use strict";
  var now = Date.now();
  function passed(element, attribute) {
    return Date.parse(element.getAttribute(attribute)) <= now;
  }
  function removeAll(within, selector) {
    Array.prototype.forEach.call(within.querySelectorAll(selector), function (element) { element.remove(); });
  }
  function element(tag, attributes, text) {
    var made = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { made.setAttribute(name, attributes[name]); });
    if (text) made.textContent = text;
    return made;
  }

  // An event page: the registration row once registration has closed; the
  // status once the event has ended, which the page then says.
  var panel = document.querySelector(".event-panel[data-ends]");
  if (panel) {
    Array.prototype.forEach.call(panel.querySelectorAll("[data-until]"), function (row) {
      if (passed(row, "data-until")) row.remove();
    });
    if (passed(panel, "data-ends") && !panel.querySelector(".event-past")) {
      removeAll(panel, "[data-while-upcoming]");
      panel.prepend(element("p", { class: "event-past" }, panel.getAttribute("data-past")));
    }
  }

  // The events list: each upcoming event that has ended moves to the top of
  // its year's past events (latest first), made if the list has none yet.
  var lists = document.querySelector("[data-event-lists]");
  var upcoming = lists && lists.querySelector("#upcoming + .event-list");
  if (upcoming) {
    Array.prototype.filter.call(upcoming.children, function (item) { return passed(item, "data-ends"); }).forEach(function (item) {
      removeAll(item, "[data-while-upcoming]");
      var year = item.getAttribute("data-year");
      var heading = lists.querySelector("#past-" + year);
      if (!heading) {
        if (!lists.querySelector("#past")) lists.appendChild(element("h2", { id: "past" }, lists.getAttribute("data-past")));
        heading = element("h3", { id: "past-" + year }, year);
        var later = Array.prototype.find.call(lists.querySelectorAll("h3[id^='past-']"), function (h) { return h.id.slice("past-".length) < year; });
        lists.insertBefore(heading, later || null);
        lists.insertBefore(upcoming.cloneNode(false), later || null);
      }
      heading.nextElementSibling.prepend(item);
    });
    if (!upcoming.children.length) upcoming.replaceWith(element("p", {}, lists.getAttribute("data-none-upcoming")));
  }
})();

// The events list's filters: by type and by sector.
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
