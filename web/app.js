// risalah: small enhancements over pages that work without JavaScript —
// instant results as you type, keyboard navigation, copy to clipboard.
// DOM is built by the server (escaped); this script only moves nodes.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  // Copy the text of the element named by data-copy.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied") || "OK";
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });

  // Instant results: fetch the server-rendered page for the form's query and
  // swap its results section in, keeping the address shareable.
  onReady(function () {
    var form = document.querySelector("form.search[data-instant]");
    if (!form || !window.fetch || !window.DOMParser) return;
    var input = form.querySelector("#q");
    var timer = null;
    var latest = 0;
    function refresh() {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (k) { if (params.get(k) === "") params.delete(k); });
      var url = "/search?" + params.toString();
      var ticket = ++latest;
      fetch(url, { headers: { Accept: "text/html" } }).then(function (response) {
        return response.text();
      }).then(function (html) {
        if (ticket !== latest) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("results");
        var current = document.getElementById("results");
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          history.replaceState(null, "", url);
          // On the home page the results take the introduction's place.
          var intro = document.querySelector("section.intro");
          if (intro) intro.hidden = true;
          if (page.title) document.title = page.title;
        }
      }).catch(function () { /* the form still works by submitting */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length === 0) return;
      timer = setTimeout(refresh, 250);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== input) refresh();
    });
  });

  // Keyboard: "/" to search, j/k or arrows to move between results, Enter to open.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "/" && !typing) {
      var q = document.getElementById("q");
      if (q) { event.preventDefault(); q.focus(); q.select(); }
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    var hits = Array.from(document.querySelectorAll("article.hit"));
    if (hits.length === 0) return;
    var index = hits.indexOf(document.activeElement);
    if (event.key === "j" || event.key === "ArrowDown") {
      event.preventDefault();
      hits[Math.min(index + 1, hits.length - 1)].focus();
    } else if (event.key === "k" || event.key === "ArrowUp") {
      event.preventDefault();
      hits[Math.max(index - 1, 0)].focus();
    } else if (event.key === "Enter" && index >= 0) {
      window.location.href = hits[index].getAttribute("data-href");
    }
  });
})();
