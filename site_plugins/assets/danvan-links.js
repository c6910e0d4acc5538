/* danvan site: preview of a cited provision. A citation link that carries data-dv-preview (the text of the
   cited provision, put in the page when it was built: works from file://, no request) shows it in a small
   box on hover and on keyboard focus; Escape, blur or leaving the link closes it. DOM built with
   textContent only. */
(function () {
  "use strict";

  var box = null;
  var owner = null;
  var hideTimer = 0;

  function ensureBox() {
    if (box) { return box; }
    box = document.createElement("div");
    box.id = "dv-xref-preview";
    box.className = "dv-xref-preview";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    box.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(box);
    return box;
  }

  function show(link) {
    var text = link.getAttribute("data-dv-preview");
    if (!text) { return; }
    window.clearTimeout(hideTimer);
    var b = ensureBox();
    while (b.firstChild) { b.removeChild(b.firstChild); }
    var headText = link.getAttribute("data-dv-preview-head");
    if (headText) {
      var head = document.createElement("p");
      head.className = "dv-xref-preview-head";
      head.textContent = headText;
      b.appendChild(head);
    }
    var body = document.createElement("p");
    body.className = "dv-xref-preview-text";
    body.textContent = text;
    b.appendChild(body);
    b.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", b.id);
    place(link, b);
  }

  function place(link, b) {
    var r = link.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    b.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    b.style.left = left + "px";
    b.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (box) { box.hidden = true; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 150);
  }

  function citeOf(el) {
    return el && el.closest ? el.closest("a.dv-xref[data-dv-preview]") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var a = citeOf(e.target);
    if (a) { show(a); }
  });
  document.addEventListener("mouseout", function (e) {
    var a = citeOf(e.target);
    if (a && !(e.relatedTarget && a.contains(e.relatedTarget))) { scheduleHide(); }
  });
  document.addEventListener("focusin", function (e) {
    var a = citeOf(e.target);
    if (a) { show(a); }
  });
  document.addEventListener("focusout", function (e) {
    if (citeOf(e.target)) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && box && !box.hidden) { hide(); }
  });
})();
