// The app shell: the menu button on narrow screens, lists as cards on a
// phone (each cell labelled by its column), filters folded on a phone.
(function () {
  var phone = window.matchMedia("(max-width: 40rem)");

  function labelCells(root) {
    root.querySelectorAll("table").forEach(function (table) {
      var heads = Array.prototype.map.call(
        table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length) return;
      table.classList.add("cards");
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i]);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var nav = document.getElementById("site-nav");
    if (button && nav) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", open ? "true" : "false");
        document.body.classList.toggle("nav-open", open);
        if (open) { var first = nav.querySelector("a"); if (first) first.focus(); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
          document.body.classList.remove("nav-open");
          button.setAttribute("aria-expanded", "false");
          button.focus();
        }
      });
    }
    if (phone.matches) {
      // Long tables (a province's 94 wards as cards) folded under their title.
      document.querySelectorAll("details.long-table[open]").forEach(function (details) {
        details.removeAttribute("open");
      });
      document.querySelectorAll("details.filters[open]").forEach(function (details) {
        // Folded unless a filter is in use, so results come first.
        if (!window.location.search) details.removeAttribute("open");
      });
    }
    labelCells(document);
    // A form sent back with errors: its summary is read first.
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  });
  // Results replaced by htmx (filters, pages) get their labels too.
  document.addEventListener("htmx:afterSwap", function (event) { labelCells(event.target); });
})();
