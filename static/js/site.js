// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";

  // "Show email address": fetch the revealed contact and put it in place, instead of
  // leaving the page. Without JavaScript the form posts and shows a contact page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-reveal]")) return;
    event.preventDefault();
    var card = form.closest(".contact");
    fetch(form.action, { method: "POST", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var revealed = doc.getElementById(card.id);
        if (!revealed) throw new Error("contact not found");
        card.replaceWith(revealed);
        var link = revealed.querySelector("a[href^='mailto:']");
        if (link) link.focus();
      })
      .catch(function () {
        form.submit();
      });
  });

  // Printing: CSS cannot open <details> (the deadline history, the maps' descriptions),
  // so open them for the printout and close again those the reader had closed.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) {
      details.open = false;
    });
    openedForPrint = [];
  });
})();
