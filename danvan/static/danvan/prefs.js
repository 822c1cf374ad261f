// Font size and contrast preferences, kept in localStorage and applied
// before the page paints so nothing jumps.
(function () {
  var root = document.documentElement;
  // Styles for the scripted page (the folding menu) apply only with scripts.
  root.classList.add("js");
  function apply() {
    var step = parseInt(localStorage.getItem("danvan-font") || "0", 10);
    root.style.fontSize = (100 + step * 12.5) + "%";
    root.classList.toggle("high-contrast", localStorage.getItem("danvan-contrast") === "1");
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    // <select data-autosubmit>: choosing an option submits its form.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    var contrast = document.querySelector("[data-contrast]");
    if (contrast) {
      contrast.setAttribute("aria-pressed", root.classList.contains("high-contrast") ? "true" : "false");
      contrast.addEventListener("click", function () {
        var on = localStorage.getItem("danvan-contrast") === "1";
        localStorage.setItem("danvan-contrast", on ? "0" : "1");
        apply();
        contrast.setAttribute("aria-pressed", on ? "false" : "true");
      });
    }
    document.querySelectorAll("[data-font]").forEach(function (button) {
      button.addEventListener("click", function () {
        var delta = parseInt(button.getAttribute("data-font"), 10);
        var step = delta === 0 ? 0 : Math.max(-2, Math.min(4,
          parseInt(localStorage.getItem("danvan-font") || "0", 10) + delta));
        localStorage.setItem("danvan-font", String(step));
        apply();
      });
    });
  });
})();
