/* danvan site: highlight the part named in the URL (#dieu-5-khoan-2) and open what hides it; the printed page's
   running header (@page margin box: the document, and the provision when one is printed alone). Copying,
   printing one provision and the handout are danvan-teach.js's. Plain ES5-style script, no dependencies; works
   from file:// and without Material's instant navigation. */
(function () {
  "use strict";

  var current = null;     // element highlighted for the current #fragment
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

  /* The running header: the document, and "– Điều 5" while one provision is printed alone (danvan-teach.js). */
  function runningHead(ref) {
    setRunningHead(docRunningHead() + (ref ? " – " + ref.charAt(0).toUpperCase() + ref.slice(1) : ""));
  }

  /* ---------- wiring ---------- */

  window.addEventListener("hashchange", function () { highlight(true); });

  function init() {
    document.documentElement.classList.add("dv-js");
    runningHead("");
    // The browser has already scrolled to the fragment; scroll again once our layout is settled so
    // the fixed header does not cover the target.
    highlight(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  // preparePrint/endPrint (print one provision with its source line) are set by danvan-teach.js
  window.danvan = { highlight: highlight, runningHead: runningHead };
})();
