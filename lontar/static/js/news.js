// News article enhancements. Without JavaScript the like form posts normally and the copy
// link opens the article's address. Labels come from data attributes so they stay translated.
(function () {
  "use strict";

  document.querySelectorAll("[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) { return; }
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () {
        link.textContent = link.getAttribute("data-copied-label");
      });
    });
  });

  var form = document.querySelector("form[data-like]");
  if (!form || !window.fetch) { return; }
  var labels = {
    on: form.getAttribute("data-label-on"),
    off: form.getAttribute("data-label-off")
  };
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
      .then(function (data) {
        form.querySelector("[data-like-count]").textContent = data.count;
        button.setAttribute("aria-pressed", data.liked ? "true" : "false");
        form.querySelector("[data-like-label]").textContent = data.liked ? labels.on : labels.off;
        form.querySelector("[data-like-want]").value = data.liked ? "0" : "1";
      })
      .catch(function () {})
      .finally(function () { button.disabled = false; });
  });
}());
