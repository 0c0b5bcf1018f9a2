// risalah: small enhancements over pages that work without JavaScript —
// instant results as you type, keyboard navigation, copy to clipboard.
// DOM is built by the server (escaped); this script only moves nodes.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  // Copy the text of the element named by data-copy. The buttons are
  // hidden in the page and shown here, so none shows without the script.
  // Without the clipboard API (a page served over plain HTTP) the text is
  // selected and copied the older way; if that fails too, it stays
  // selected and the button says to copy it by hand.
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function say(button, text) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = text;
    setTimeout(function () { button.textContent = label; }, 2000);
  }
  function copyByHand(button, source) {
    selectText(source);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    say(button, copied ? button.getAttribute("data-copied") : button.getAttribute("data-copy-failed"));
  }
  onReady(function () {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    if (!navigator.clipboard || !window.isSecureContext) { copyByHand(button, source); return; }
    navigator.clipboard.writeText(source.textContent).then(function () {
      say(button, button.getAttribute("data-copied"));
    }, function () { copyByHand(button, source); });
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
