/* danvan site: copy a link to an article or clause, highlight the part named in the URL (#dieu-5-khoan-2),
   print one article. Plain ES5-style script, no dependencies; works from file:// and without
   Material's instant navigation. */
(function () {
  "use strict";

  var current = null;     // element highlighted for the current #fragment
  var toast = null;
  var toastTimer = 0;
  var pageRule = -1;      // index of our @page rule in the running-header stylesheet
  var headSheet = null;

  function docEl() { return document.querySelector(".dv-doc"); }

  /* ---------- highlight the part named in the URL ---------- */

  function targetId() {
    var h = window.location.hash;
    if (!h || h.length < 2) { return ""; }
    try { return decodeURIComponent(h.slice(1)); } catch (e) { return h.slice(1); }
  }

  function highlight(scroll) {
    if (current) { current.classList.remove("dv-target", "dv-flash"); current = null; }
    var id = targetId();
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    for (var p = el.parentElement; p; p = p.parentElement) {      // open collapsed ancestors
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; }
    }
    el.classList.add("dv-target");
    void el.offsetWidth;                                            // restart the flash animation
    el.classList.add("dv-flash");
    current = el;
    if (scroll) {
      el.scrollIntoView({ block: "start" });
    }
  }

  /* ---------- copy link ---------- */

  function linkTo(anchor) {
    return window.location.href.split("#")[0] + "#" + encodeURIComponent(anchor);
  }

  function legacyCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.top = "0";
    ta.style.left = "0";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.focus();
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }

  function showToast(message, url) {
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "dv-toast";
      toast.setAttribute("role", "status");
      toast.setAttribute("aria-live", "polite");
      document.body.appendChild(toast);
    }
    window.clearTimeout(toastTimer);
    toast.textContent = "";
    var p = document.createElement("div");
    p.textContent = message;
    toast.appendChild(p);
    if (url) {
      // Fallback: the link in a selected field, ready for Ctrl+C / long-press.
      var input = document.createElement("input");
      input.type = "text";
      input.readOnly = true;
      input.value = url;
      input.className = "dv-copy-field";
      input.setAttribute("aria-label", "Liên kết");
      toast.appendChild(input);
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Đóng";
      close.addEventListener("click", function () { toast.hidden = true; });
      toast.appendChild(close);
      toast.hidden = false;
      input.focus();
      input.select();
    } else {
      toast.hidden = false;
      toastTimer = window.setTimeout(function () { toast.hidden = true; }, 2600);
    }
  }

  function copyLink(button) {
    var anchor = button.getAttribute("data-dv-anchor");
    var ref = button.getAttribute("data-dv-ref") || anchor;
    var url = linkTo(anchor);
    var done = function () {
      button.setAttribute("data-dv-copied", url);
      showToast("Đã sao chép liên kết tới " + ref + ".");
    };
    var fallback = function () {
      if (legacyCopy(url)) { done(); return; }
      button.setAttribute("data-dv-copied", "");
      showToast("Không sao chép tự động được. Hãy sao chép liên kết dưới đây (Ctrl+C):", url);
    };
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* ---------- running header (@page margin boxes) ---------- */

  function cssString(s) {
    return "\"" + String(s).replace(/[\\"\n\r\f]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + "\"";
  }

  function setRunningHead(text) {
    try {
      if (!headSheet) {
        var style = document.createElement("style");
        style.setAttribute("data-dv", "running-head");
        document.head.appendChild(style);
        headSheet = style.sheet;
      }
      if (pageRule >= 0) { headSheet.deleteRule(pageRule); pageRule = -1; }
      if (text) {
        pageRule = headSheet.insertRule(
          "@page { @top-left { content: " + cssString(text) +
          "; font: italic 9pt \"Times New Roman\", \"Liberation Serif\", serif; color: #555; } }",
          headSheet.cssRules.length);
      }
    } catch (e) { /* engines without margin boxes: nothing to do */ }
  }

  function docRunningHead() {
    var d = docEl();
    return d ? (d.getAttribute("data-dv-running") || "") : "";
  }

  /* ---------- print one article ---------- */

  function stripIds(root) {
    if (root.id) { root.removeAttribute("id"); }
    var all = root.querySelectorAll("[id]");
    for (var i = 0; i < all.length; i++) { all[i].removeAttribute("id"); }
  }

  function preparePrint(anchor) {
    endPrint();
    var article = document.getElementById(anchor);
    if (!article) { return false; }
    var box = document.createElement("div");
    box.id = "dv-print-one";
    box.className = "md-typeset";
    var head = document.createElement("p");
    head.className = "dv-print-doc";
    var title = document.querySelector(".dv-doc .dv-title");
    head.textContent = (title ? title.textContent.replace(/\s+/g, " ").trim() : "") +
      (docRunningHead() ? " (" + docRunningHead() + ")" : "");
    box.appendChild(head);
    var copy = article.cloneNode(true);
    stripIds(copy);
    copy.classList.remove("dv-target", "dv-flash");
    box.appendChild(copy);
    document.body.appendChild(box);
    document.body.classList.add("dv-printing-one");
    var ref = "";
    var btn = article.querySelector(".dv-print");
    if (btn) { ref = btn.getAttribute("data-dv-ref") || ""; }
    setRunningHead(docRunningHead() + (ref ? " – " + ref.charAt(0).toUpperCase() + ref.slice(1) : ""));
    return true;
  }

  function endPrint() {
    var box = document.getElementById("dv-print-one");
    if (box) { box.parentNode.removeChild(box); }
    document.body.classList.remove("dv-printing-one");
    setRunningHead(docRunningHead());
  }

  function printArticle(button) {
    if (preparePrint(button.getAttribute("data-dv-anchor"))) {
      window.print();
      // Chromium blocks in print(); others return at once and fire afterprint later.
      window.setTimeout(function () { if (!printing) { endPrint(); } }, 0);
    }
  }
  var printing = false;
  window.addEventListener("beforeprint", function () { printing = true; });
  window.addEventListener("afterprint", function () { printing = false; endPrint(); });

  /* ---------- wiring ---------- */

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var btn = t && t.closest ? t.closest(".dv-copy, .dv-print") : null;
    if (!btn) { return; }
    ev.preventDefault();
    if (btn.classList.contains("dv-copy")) { copyLink(btn); } else { printArticle(btn); }
  });

  window.addEventListener("hashchange", function () { highlight(true); });

  function init() {
    document.documentElement.classList.add("dv-js");
    setRunningHead(docRunningHead());
    // The browser has already scrolled to the fragment; scroll again once our layout is settled so
    // the fixed header does not cover the target.
    highlight(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  window.danvan = { highlight: highlight, preparePrint: preparePrint, endPrint: endPrint, linkTo: linkTo };
})();
