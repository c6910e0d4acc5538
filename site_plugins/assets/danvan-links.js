/* danvan site: preview of a cited provision. A citation link that carries data-dv-preview (the text of the
   cited provision, put in the page when it was built: works from file://, no request) shows it in a small
   box on hover and on keyboard focus; Escape, blur or leaving the link closes it. A link to a provision of the
   same page (href="#…", data-dv-preview-head only) shows that provision's text, read from the page. DOM built
   with textContent only. */
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

  var PREVIEW_CHARS = 600;           // as render/links.py
  var NOT_TEXT = ".dv-tools, .dv-menu, .dv-xref-by, .dv-topic-tags, .dv-al-note, .dv-al-coverage";

  /* The text of the provision a same-page link points to, as the build would have written it. */
  function pageText(link) {
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return ""; }
    var id;
    try { id = decodeURIComponent(href.slice(1)); } catch (e) { id = href.slice(1); }
    var el = document.getElementById(id);
    if (!el) { return ""; }
    var copy = el.cloneNode(true);
    var drop = copy.querySelectorAll(NOT_TEXT);
    for (var i = 0; i < drop.length; i++) { drop[i].parentNode.removeChild(drop[i]); }
    var text = (copy.textContent || "").replace(/\s+/g, " ").trim();
    return text.length <= PREVIEW_CHARS ? text : text.slice(0, PREVIEW_CHARS - 1) + "…";
  }

  function show(link) {
    var text = link.getAttribute("data-dv-preview") || pageText(link);
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
    return el && el.closest ? el.closest("a.dv-xref[data-dv-preview], a.dv-xref[data-dv-preview-head]") : null;
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
