// The navigation drawer, below a desktop's width: its menu button is a
// checkbox (partials/header.html), so the drawer opens and closes without
// JavaScript, in any browser that reads CSS's :has(). This adds what a
// reader expects of an open menu from the keyboard: Escape closes it and
// puts the focus back on its button, and Tab past its last link closes it,
// rather than moving on under the overlay. And it marks the page "drawer-open"
// while the box is checked, which opens the drawer in a browser too old to
// read :has() (site.css).
(function () {
  "use strict";
  var menu = document.getElementById("__drawer");
  if (!menu) return;
  function mark() {
    document.documentElement.classList.toggle("drawer-open", menu.checked);
  }
  function close() {
    menu.checked = false; // which fires no "change"
    mark();
  }
  menu.addEventListener("change", mark);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !menu.checked) return;
    close();
    menu.focus();
  });
  document.addEventListener("focusin", function (event) {
    if (menu.checked && !event.target.closest(".md-sidebar--primary, .md-header")) close();
  });
  mark(); // a box the browser checked again, going back to the page
})();
