// The writing checklist beside the page editor: fetched from the server (the rules are
// Python) for the news article being edited, and placed above the form. Never blocks.
(function () {
  "use strict";
  var script = document.currentScript;
  var template = script && script.getAttribute("data-checklist-url");
  var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\/$/);
  if (!template || !match) {
    return;
  }
  var url = template.replace(/\/0\/$/, "/" + match[1] + "/");
  function place() {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var holder = document.createElement("div");
        holder.className = "newsroom-checklist-holder nice-padding";
        holder.innerHTML = html;
        var form = document.querySelector("form[data-edit-form]") || document.querySelector("main form");
        if (form && form.parentNode) {
          form.parentNode.insertBefore(holder, form);
        }
      });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", place);
  } else {
    place();
  }
})();
