// The navigation drawer, below a desktop's width: its menu button is a
// checkbox (partials/header.html), so the drawer opens and closes without
// JavaScript. This adds what a reader expects of an open menu from the
// keyboard: Escape closes it and puts the focus back on its button.
(function () {
  "use strict";
  var menu = document.getElementById("__drawer");
  if (!menu) return;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !menu.checked) return;
    menu.checked = false;
    menu.focus();
  });
})();
