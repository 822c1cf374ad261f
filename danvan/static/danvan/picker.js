// Unit picker: a result button writes its unit code into the target input.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-pick-code]");
  if (!button) return;
  var input = document.getElementById(button.dataset.pickTarget);
  if (!input) return;
  input.value = button.dataset.pickCode;
  var results = button.closest(".picker-results");
  if (results) {
    results.innerHTML = "";
    var chosen = document.createElement("p");
    chosen.className = "meta";
    chosen.textContent = "✓ " + button.textContent;
    results.appendChild(chosen);
  }
  input.focus();
});
