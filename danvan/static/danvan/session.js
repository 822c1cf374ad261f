// Warns before the session expires for inactivity and offers to renew it.
(function () {
  var dialog = document.getElementById("session-warning");
  if (!dialog) return;
  var timeout = parseInt(dialog.dataset.timeout, 10);
  var warning = parseInt(dialog.dataset.warning, 10);
  var countdown = document.getElementById("session-countdown");
  var deadline, timer;

  function csrf() {
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    return headers["X-CSRFToken"] || "";
  }
  function reset() {
    deadline = Date.now() + timeout * 1000;
    if (dialog.open) dialog.close();
  }
  function tick() {
    var left = Math.round((deadline - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(timer);
      window.location.href = dialog.dataset.login + "?next=" + encodeURIComponent(location.pathname);
      return;
    }
    if (left <= warning) {
      countdown.textContent = left;
      if (!dialog.open) dialog.showModal();
    }
  }
  document.getElementById("session-extend").addEventListener("click", function () {
    fetch(dialog.dataset.keepalive, {method: "POST", headers: {"X-CSRFToken": csrf()}, credentials: "same-origin"})
      .then(function (r) { if (r.ok) reset(); else window.location.href = dialog.dataset.login; });
  });
  document.body.addEventListener("htmx:afterRequest", reset);
  reset();
  timer = setInterval(tick, 1000);
})();
