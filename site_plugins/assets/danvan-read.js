/* danvan document page, reading aids: the sticky line that says where the reader is ("Chương II › Điều 5 ›
   khoản 2"), kept by an IntersectionObserver (no scroll handler, no layout reads while scrolling); a notice
   (role="alert") when the #address names no part of this text, with a link to the nearest part that exists.
   DOM built with createElement/textContent only; works from file://. */
(function () {
  "use strict";
  var doc = document.querySelector(".dv-doc");
  var bar = document.getElementById("dv-context");
  if (!doc || !bar) { return; }

  /* the folded preamble (render/fold.py): open on wide screens, always open in print; run now, before danvan.js
     scrolls to the #address, so the page does not move under the reader */
  var WIDE = "screen and (min-width: 45em)";
  var folds = doc.querySelectorAll("details.dv-fold");
  var reclose = [];
  if (window.matchMedia && window.matchMedia(WIDE).matches) {
    for (var f = 0; f < folds.length; f++) { folds[f].open = true; }
  }
  window.addEventListener("beforeprint", function () {
    reclose = [];
    for (var i = 0; i < folds.length; i++) { if (!folds[i].open) { folds[i].open = true; reclose.push(folds[i]); } }
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < reclose.length; i++) { reclose[i].open = false; }
    reclose = [];
  });

  var KINDS = ["dv-annex", "dv-part", "dv-chapter", "dv-section", "dv-article", "dv-clause", "dv-point"];
  var WATCH = ".dv-part, .dv-chapter, .dv-section, .dv-article, .dv-clause, .dv-point, .dv-annex";
  var NAMES = { phan: "Phần", chuong: "Chương", muc: "Mục", dieu: "Điều", khoan: "khoản", diem: "điểm" };

  function clean(s) { return String(s || "").replace(/\s+/g, " ").trim().replace(/[.:;,)\-–]+$/, ""); }

  function kindOf(el) {
    for (var i = 0; i < KINDS.length; i++) { if (el.classList.contains(KINDS[i])) { return KINDS[i]; } }
    return "";
  }
  function childText(el, sel) {
    var x = el.querySelector(sel);
    return x ? clean(x.textContent) : "";
  }
  // The name a part is cited by, read from its own label.
  function nameOf(el) {
    var k = kindOf(el);
    if (k === "dv-annex") {
      var t = el.querySelector(".dv-annex-title .dv-h1-type") || el.querySelector(".dv-annex-title");
      var s = t ? clean(t.textContent) : "";
      return s.length > 40 ? s.slice(0, 39) + "…" : s;
    }
    if (k === "dv-article") { return childText(el, ".dv-alabel"); }
    if (k === "dv-clause" || k === "dv-point") {
      var lead = el.firstElementChild;
      var lab = lead && lead.classList.contains("dv-lead") ? lead.querySelector(".dv-label") : null;
      var v = lab ? clean(lab.textContent) : "";
      return v ? (k === "dv-clause" ? "khoản " : "điểm ") + v : "";
    }
    var h = el.firstElementChild;
    if (h && h.classList.contains("dv-heading")) {
      return childText(h, ".dv-hlabel") || childText(h, ".dv-htitle");
    }
    return "";
  }
  function pathOf(el) {
    var names = [];
    for (var p = el; p && p !== doc; p = p.parentElement) {
      if (p.classList && kindOf(p)) {
        var n = nameOf(p);
        if (n) { names.unshift(n); }
      }
    }
    return names;
  }

  var shown = "";
  function show(names) {
    var key = names.join("\u0001");
    if (key === shown) { return; }
    shown = key;
    bar.textContent = "";
    if (!names.length) {
      var top = document.createElement("span");
      top.className = "dv-context-path";
      top.textContent = bar.getAttribute("data-dv-top") || "";
      bar.appendChild(top);
      return;
    }
    names.forEach(function (n, i) {
      if (i) {
        var sep = document.createElement("span");
        sep.className = "dv-ctx-sep";
        sep.setAttribute("aria-hidden", "true");
        sep.textContent = " › ";
        bar.appendChild(sep);
      }
      var s = document.createElement("span");
      s.className = i === names.length - 1 ? "dv-ctx-last" : "dv-ctx-part";
      s.textContent = n;
      bar.appendChild(s);
    });
  }

  /* ---------- where the reader is ---------- */
  var inBand = [];
  function deepest() {
    var best = null;
    for (var i = 0; i < inBand.length; i++) {
      var el = inBand[i];
      if (!best || (best.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) { best = el; }
    }
    return best;
  }
  function observe() {
    if (!("IntersectionObserver" in window)) { return; }
    var header = document.querySelector(".md-header");
    var top = (header ? header.offsetHeight : 48) + bar.offsetHeight + 4;
    // a thin band just under the header and this line: the parts crossing it are the ones being read
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var i = inBand.indexOf(e.target);
        if (e.isIntersecting && i < 0) { inBand.push(e.target); }
        if (!e.isIntersecting && i >= 0) { inBand.splice(i, 1); }
      });
      var el = deepest();
      show(el ? pathOf(el) : []);
    }, { rootMargin: "-" + top + "px 0px -" + Math.max(0, window.innerHeight - top - 12) + "px 0px", threshold: 0 });
    var parts = doc.querySelectorAll(WATCH);
    for (var i = 0; i < parts.length; i++) { io.observe(parts[i]); }
  }

  /* ---------- an address that names nothing here ---------- */
  function targetId() {
    var h = window.location.hash;
    if (!h || h.length < 2) { return ""; }
    try { return decodeURIComponent(h.slice(1)); } catch (e) { return h.slice(1); }
  }
  // "dieu-5-khoan-9-diem-a" -> ["dieu-5-khoan-9-diem-a", "dieu-5-khoan-9", "dieu-5"], then the part before it
  function nearest(id) {
    var parts = id.split("-");
    for (var n = parts.length - 2; n >= 2; n -= 2) {
      var cand = parts.slice(0, n).join("-");
      if (/-\d+$|-[a-zđ]$/.test(cand) && document.getElementById(cand)) { return document.getElementById(cand); }
    }
    // "dieu-99": the last article of the same text numbered below it, else the first
    var m = /^(.*?)(dieu|chuong|phan|muc)-(\d+)/.exec(id);
    if (m) {
      var best = null, first = null;
      var all = doc.querySelectorAll("[id^='" + m[1] + m[2] + "-']");
      for (var i = 0; i < all.length; i++) {
        var mm = new RegExp("^" + m[1] + m[2] + "-(\\d+)$").exec(all[i].id);
        if (!mm) { continue; }
        if (!first) { first = all[i]; }
        if (parseInt(mm[1], 10) <= parseInt(m[3], 10)) { best = all[i]; }
      }
      return best || first;
    }
    return null;
  }
  // "dieu-5-khoan-9" -> "khoản 9 Điều 5"
  function spoken(id) {
    var out = [], re = /(phan|chuong|muc|dieu|khoan|diem)-([0-9a-zđ]+)/g, m;
    while ((m = re.exec(id))) { out.unshift(NAMES[m[1]] + " " + m[2].toUpperCase().replace(/^([0-9]+)$/, "$1")); }
    return out.map(function (s) { return /^(khoản|điểm)/.test(s) ? s.replace(/ (\S+)$/, function (x) { return x.toLowerCase(); }) : s; }).join(" ") || id;
  }

  var notice = null;
  function checkTarget() {
    var id = targetId();
    if (notice) { notice.parentNode.removeChild(notice); notice = null; }
    if (!id) { return; }
    var el = document.getElementById(id);
    if (el) { show(pathOf(el)); return; }
    if (!/^[a-z0-9-]+$/.test(id)) { return; }          // not an address of ours
    notice = document.createElement("div");
    notice.className = "dv-missing";
    notice.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.appendChild(document.createTextNode("Văn bản này không có " + spoken(id) + " (#" + id + ")."));
    var near = nearest(id);
    if (near) {
      p.appendChild(document.createTextNode(" Phần gần nhất có trong văn bản: "));
      var a = document.createElement("a");
      a.href = "#" + near.id;
      var names = pathOf(near);
      a.textContent = names.length ? names.join(" › ") : spoken(near.id);
      p.appendChild(a);
      p.appendChild(document.createTextNode("."));
    }
    notice.appendChild(p);
    bar.parentNode.insertBefore(notice, bar.nextSibling);
    window.scrollTo(0, 0);
  }

  window.addEventListener("hashchange", checkTarget);
  function init() {
    observe();
    checkTarget();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.danvanRead = { pathOf: pathOf, nearest: nearest, spoken: spoken };
})();
