/* danvan site: cite, print and teach. Copy a provision's citation (data-cite, built at build time) or a link
   (at the public address when one is configured, else the local one, said to be local); print one article,
   clause, point or chapter with its source line and the date printed; a handout basket kept in localStorage
   (works from file://) with its page, print and a .docx made here; a presentation mode for a projector.
   Plain ES5-style script, no dependencies; builds DOM with createElement/textContent only. */
(function () {
  "use strict";

  var STORE = "danvan.handout.v1";
  var cfg = window.danvanConfig || {};
  var toast = null;
  var toastTimer = 0;

  /* ---------- addresses ---------- */

  /* The page's own site-relative path (data-dv-page, written at build time), else from Material's "base". */
  function pageAttr() {
    var el = document.querySelector("[data-dv-page]");
    return el ? el.getAttribute("data-dv-page") : "";
  }

  function siteRoot() {
    var page = pageAttr();
    var base = ".";
    if (page) {
      base = new Array(page.split("/").length).join("../") || ".";
    } else {
      var el = document.getElementById("__config");
      if (el) { try { base = JSON.parse(el.textContent).base || "."; } catch (e) { base = "."; } }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href).href;
  }

  function pagePath() {
    if (pageAttr()) { return pageAttr(); }
    var here = window.location.href.split("#")[0].split("?")[0];
    var root = siteRoot();
    return here.indexOf(root) === 0 ? here.slice(root.length) : here.split("/").pop();
  }

  /* {url, local}: the public address when configured; else this page's address (local when from file://). */
  function linkTo(anchor, path) {
    var frag = anchor ? "#" + encodeURIComponent(anchor) : "";
    var p = path || pagePath();
    if (cfg.siteUrl) { return { url: cfg.siteUrl + p + frag, local: false }; }
    var here = path ? siteRoot() + path : window.location.href.split("#")[0];
    return { url: here + frag, local: window.location.protocol === "file:" };
  }
  var LOCAL_NOTE = "Liên kết này chỉ mở được trên máy này (trang chưa cấu hình địa chỉ công khai).";

  function today() {
    var d = new Date();
    return d.getDate() + "/" + (d.getMonth() + 1) + "/" + d.getFullYear();
  }

  /* ---------- feedback ---------- */

  function say(message, field) {
    toast = toast || document.querySelector(".dv-toast");
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "dv-toast";
      toast.setAttribute("role", "status");
      toast.setAttribute("aria-live", "polite");
      document.body.appendChild(toast);
    }
    window.clearTimeout(toastTimer);
    toast.textContent = "";
    var lines = message.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement("div");
      p.textContent = lines[i];
      if (i > 0) { p.className = "dv-toast-note"; }
      toast.appendChild(p);
    }
    toast.hidden = false;
    if (field) {
      var input = document.createElement("input");
      input.type = "text";
      input.readOnly = true;
      input.value = field;
      input.className = "dv-copy-field";
      input.setAttribute("aria-label", "Nội dung cần sao chép");
      toast.appendChild(input);
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Đóng";
      close.addEventListener("click", function () { toast.hidden = true; });
      toast.appendChild(close);
      input.focus();
      input.select();
    } else {
      toastTimer = window.setTimeout(function () { toast.hidden = true; }, 4000);
    }
  }

  function legacyCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.top = "0";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }

  /* Copies text; records it on the button (data-dv-copied, a test hook) and says so. */
  function copyText(text, button, message) {
    window.danvanTeach.lastCopy = text;
    var done = function () {
      if (button) { button.setAttribute("data-dv-copied", text); }
      say(message);
    };
    var fallback = function () {
      if (legacyCopy(text)) { done(); return; }
      if (button) { button.setAttribute("data-dv-copied", ""); }
      say("Không sao chép tự động được. Hãy sao chép dưới đây (Ctrl+C):", text);
    };
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* ---------- what a control acts on ---------- */

  function toolsOf(el) { return el.closest(".dv-tools") || (menu && menu.tools); }

  /* The citation a control stands for: its data-cite, the whole citation written at build time
     (render/cite.py). Every consumer goes through here. */
  function citation(tools) {
    return tools ? tools.getAttribute("data-cite") || "" : "";
  }

  function infoOf(tools) {
    var node = tools.closest(".dv-node");
    return {
      tools: tools, node: node, anchor: node ? node.id : "",
      cite: citation(tools),
      ref: tools.getAttribute("data-dv-ref") || ""
    };
  }

  function docInfo() {
    var t = document.querySelector(".dv-teach");
    var d = document.querySelector(".dv-doc");
    return {
      id: d ? d.getAttribute("data-dv-doc") : "",
      source: t ? t.getAttribute("data-dv-source") : "",
      title: t ? t.getAttribute("data-dv-title") : document.title
    };
  }

  function copyCite(tools, button) {
    var i = infoOf(tools);
    copyText(i.cite, button, "Đã sao chép trích dẫn: " + i.cite);
  }

  function copyLink(tools, button) {
    var i = infoOf(tools);
    var l = linkTo(i.anchor);
    copyText(l.url, button, "Đã sao chép liên kết tới " + (i.ref || i.anchor) + "." + (l.local ? "\n" + LOCAL_NOTE : ""));
  }

  /* ---------- print one provision or chapter ---------- */

  function sourceLine(cite, anchor, path) {
    var l = linkTo(anchor, path);
    var p = document.createElement("p");
    p.className = "dv-print-source";
    p.textContent = "Nguồn: " + cite + ". Liên kết: " + l.url + (l.local ? " (chỉ mở được trên máy này)" : "") +
      ". In ngày " + today() + ".";
    return p;
  }

  /* what the site adds inside the text (topic tags, cited-by lists, alignment notes): not printed, not shown on
     a slide, not part of a handout or a Word file */
  var SITE_ADDITIONS = ".dv-xref-by, .dv-topic-tags, .dv-al-note, .dv-al-coverage";

  function cleanClone(el) {
    var copy = el.cloneNode(true);
    var drop = copy.querySelectorAll(".dv-tools, .dv-menu, " + SITE_ADDITIONS);
    for (var i = 0; i < drop.length; i++) { drop[i].parentNode.removeChild(drop[i]); }
    if (copy.id) { copy.removeAttribute("id"); }
    var ids = copy.querySelectorAll("[id]");
    for (var j = 0; j < ids.length; j++) { ids[j].removeAttribute("id"); }
    copy.classList.remove("dv-target", "dv-flash");
    return copy;
  }

  function runningHead(ref) { if (window.danvan && window.danvan.runningHead) { window.danvan.runningHead(ref); } }

  function endPrint() {
    var box = document.getElementById("dv-print-one");
    if (box) { box.parentNode.removeChild(box); }
    document.body.classList.remove("dv-printing-one");
    runningHead("");
  }

  function preparePrint(anchor) {
    endPrint();
    var el = document.getElementById(anchor);
    if (!el) { return false; }
    var cite = citation(el.querySelector(".dv-tools"));
    var box = document.createElement("div");
    box.id = "dv-print-one";
    box.className = "md-typeset";
    var head = document.createElement("p");
    head.className = "dv-print-doc";
    head.textContent = docInfo().title;
    box.appendChild(head);
    box.appendChild(cleanClone(el));
    box.appendChild(sourceLine(cite || docInfo().source, anchor));
    document.body.appendChild(box);
    document.body.classList.add("dv-printing-one");
    var tools = el.querySelector(".dv-tools");
    runningHead(tools ? infoOf(tools).ref : "");
    return true;
  }

  var printing = false;
  window.addEventListener("beforeprint", function () { printing = true; });
  window.addEventListener("afterprint", function () { printing = false; endPrint(); });

  function printOne(anchor) {
    if (preparePrint(anchor)) {
      window.print();
      window.setTimeout(function () { if (!printing) { endPrint(); } }, 0);
    }
  }

  /* ---------- handout basket (localStorage) ---------- */

  function load() {
    try { var v = JSON.parse(window.localStorage.getItem(STORE) || "[]"); return Array.isArray(v) ? v : []; }
    catch (e) { return []; }
  }

  function save(items) {
    try { window.localStorage.setItem(STORE, JSON.stringify(items)); return true; }
    catch (e) { say("Trình duyệt không cho lưu tài liệu phát tay (bộ nhớ cục bộ bị tắt hoặc đầy)."); return false; }
  }

  function textOf(el) { return (el.textContent || "").replace(/\s+/g, " ").trim(); }

  /* The text of a provision as blocks: {k: "h" heading | "lead" labelled line | "p" paragraph, t, d depth}. */
  var PROVISION_BLOCKS = ".dv-heading, .dv-article-title, p.dv-lead, p.dv-p, p.dv-para, tr";
  /* a whole document: its title, preamble, text, closing, signers and annexed texts */
  var DOCUMENT_BLOCKS = PROVISION_BLOCKS + ", .dv-doc-head .dv-title, p.dv-pre, p.dv-closing, .dv-adoption p," +
    " .dv-rec-head, .dv-rec-list li, .dv-signer p, .dv-annex-kicker, .dv-annex-heading p, .dv-annex-title," +
    " .dv-annex-note";
  /* what the site adds around the text: never part of a handout or a Word file */
  var NOT_TEXT = SITE_ADDITIONS + ", .dv-aside, .dv-notes, .dv-al-panel, .dv-tools, .dv-menu, .dv-context, .dv-back," +
    " .dv-teach, .dv-sig-space";

  function blocksOf(root, sel) {
    var out = [];
    sel = sel || PROVISION_BLOCKS;
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll(sel)));
    for (var i = 0; i < els.length; i++) {
      var e = els[i];
      if (!e.matches(sel) || e.closest(NOT_TEXT)) { continue; }
      var depth = 0;
      for (var p = e.parentElement; p && p !== root.parentElement; p = p.parentElement) {
        if (p.classList.contains("dv-clause") || p.classList.contains("dv-point") || p.classList.contains("dv-item")) { depth++; }
      }
      var k = e.matches(".dv-heading, .dv-article-title, .dv-title, .dv-annex-title") ? "h" :
        (e.matches("p.dv-lead") ? "lead" : "p");
      var t;
      if (e.tagName === "TR") {
        var cells = [];
        for (var c = 0; c < e.children.length; c++) { cells.push(textOf(e.children[c])); }
        t = cells.join(" | ");
      } else if (e.matches(".dv-heading")) {       // "Chương III" + "TỔ CHỨC THỰC HIỆN": spans without a space
        var words = [];
        for (var h = 0; h < e.children.length; h++) { words.push(textOf(e.children[h])); }
        t = words.join(" ").trim() || textOf(e);
      } else {
        t = textOf(cleanClone(e));
      }
      if (t) { out.push({ k: k, t: t, d: Math.max(0, depth - (k === "lead" ? 1 : 0)) }); }
    }
    return out;
  }

  function keyOf(docId, anchor) { return docId + "#" + anchor; }

  function inBasket(docId, anchor) {
    var k = keyOf(docId, anchor);
    return load().some(function (x) { return x.key === k; });
  }

  function toggleBasket(tools) {
    var i = infoOf(tools);
    var d = docInfo();
    var items = load();
    var k = keyOf(d.id, i.anchor);
    var at = -1;
    for (var n = 0; n < items.length; n++) { if (items[n].key === k) { at = n; } }
    if (at >= 0) {
      items.splice(at, 1);
      if (save(items)) { say("Đã bỏ " + i.ref + " khỏi tài liệu phát tay (còn " + items.length + ")."); }
    } else {
      items.push({ key: k, doc: d.id, anchor: i.anchor, cite: i.cite, ref: i.ref, title: d.title, source: d.source,
                   path: pagePath(), blocks: blocksOf(i.node), added: new Date().toISOString() });
      if (save(items)) { say("Đã thêm " + i.ref + " vào tài liệu phát tay (" + items.length + " mục)."); }
    }
    refreshBasketButtons();
  }

  function refreshBasketButtons() {
    var d = docInfo();
    var items = load();
    var keys = {};
    items.forEach(function (x) { keys[x.key] = true; });
    var btns = document.querySelectorAll(".dv-basket");
    for (var i = 0; i < btns.length; i++) {
      var node = btns[i].closest(".dv-node");
      var on = !!(node && keys[keyOf(d.id, node.id)]);
      btns[i].setAttribute("aria-pressed", on ? "true" : "false");
      btns[i].setAttribute("data-t", on ? "Đã chọn" : "Phát tay");
    }
    var link = document.querySelector(".dv-basket-link");
    if (link) { link.setAttribute("data-t", "Tài liệu phát tay (" + items.length + ")"); }
  }

  /* ---------- the menu of a clause or point ---------- */

  var menu = null;

  function closeMenu(refocus) {
    if (!menu) { return; }
    var opener = menu.opener;
    menu.el.parentNode.removeChild(menu.el);
    opener.setAttribute("aria-expanded", "false");
    menu = null;
    if (refocus) { opener.focus(); }
  }

  function openMenu(button) {
    closeMenu(false);
    var tools = button.closest(".dv-tools");
    var i = infoOf(tools);
    var kind = i.node && i.node.classList.contains("dv-point") ? "điểm" : "khoản";
    var el = document.createElement("div");
    el.className = "dv-menu";
    el.setAttribute("role", "menu");
    el.setAttribute("aria-label", i.ref);
    var entries = [
      ["cite", "Sao chép trích dẫn"], ["link", "Sao chép liên kết"], ["print", "In " + kind + " này"],
      ["basket", inBasket(docInfo().id, i.anchor) ? "Bỏ khỏi tài liệu phát tay" : "Thêm vào tài liệu phát tay"]
    ];
    entries.forEach(function (e) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.setAttribute("data-dv-action", e[0]);
      b.className = "dv-menu-item";
      b.textContent = e[1];
      el.appendChild(b);
    });
    tools.appendChild(el);
    // keep the menu inside the window: left-aligned under the button, else right-aligned, else a bottom sheet
    var r = el.getBoundingClientRect();
    if (r.right > window.innerWidth - 4) {
      el.style.left = "auto";
      el.style.right = "0";
      r = el.getBoundingClientRect();
    }
    if (r.left < 4) { el.className += " dv-menu-sheet"; }
    button.setAttribute("aria-expanded", "true");
    menu = { el: el, opener: button, tools: tools };
    el.firstChild.focus();
  }

  function menuAction(item) {
    var tools = menu.tools;
    var action = item.getAttribute("data-dv-action");
    closeMenu(true);
    if (action === "cite") { copyCite(tools, tools.querySelector(".dv-more")); }
    else if (action === "link") { copyLink(tools, tools.querySelector(".dv-more")); }
    else if (action === "print") { printOne(infoOf(tools).anchor); }
    else if (action === "basket") { toggleBasket(tools); }
  }

  /* ---------- presentation mode ---------- */

  var show = null;

  function slidesOfDocument() {
    var arts = document.querySelectorAll(".dv-doc .dv-article");
    var out = [];
    for (var i = 0; i < arts.length; i++) { out.push({ el: arts[i], cite: citation(arts[i].querySelector(".dv-tools")) }); }
    return out;
  }

  function present(slides, start) {
    if (!slides.length) { say("Không có điều nào để trình chiếu."); return; }
    var overlay = document.createElement("div");
    overlay.className = "dv-show";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Trình chiếu");
    overlay.tabIndex = -1;
    var stage = document.createElement("div");
    stage.className = "dv-show-stage md-typeset";
    var bar = document.createElement("div");
    bar.className = "dv-show-bar";
    var count = document.createElement("span");
    count.className = "dv-show-count";
    count.setAttribute("aria-live", "polite");
    function btn(cls, text, fn) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "dv-show-btn " + cls;
      b.textContent = text;
      b.addEventListener("click", fn);
      bar.appendChild(b);
    }
    btn("dv-show-prev", "← Trước", function () { go(show.at - 1); });
    bar.appendChild(count);
    btn("dv-show-next", "Sau →", function () { go(show.at + 1); });
    btn("dv-show-exit", "Thoát (Esc)", function () { endPresent(); });
    overlay.appendChild(stage);
    overlay.appendChild(bar);
    document.body.appendChild(overlay);
    document.documentElement.classList.add("dv-showing");
    show = { overlay: overlay, stage: stage, count: count, slides: slides, at: 0, back: document.activeElement };
    go(start || 0);
    overlay.focus();
  }

  function go(n) {
    if (!show) { return; }
    var s = show.slides;
    show.at = Math.max(0, Math.min(s.length - 1, n));
    var cur = s[show.at];
    show.stage.textContent = "";
    var body = cur.el ? cleanClone(cur.el) : cur.make();
    show.stage.appendChild(body);
    if (cur.cite) {
      var src = document.createElement("p");
      src.className = "dv-show-source";
      src.textContent = cur.cite;
      show.stage.appendChild(src);
    }
    show.stage.scrollTop = 0;
    show.count.textContent = (show.at + 1) + " / " + s.length;
    show.overlay.setAttribute("data-dv-slide", String(show.at + 1));
  }

  function endPresent() {
    if (!show) { return; }
    show.overlay.parentNode.removeChild(show.overlay);
    document.documentElement.classList.remove("dv-showing");
    var back = show.back;
    show = null;
    if (back && back.focus) { back.focus(); }
  }

  document.addEventListener("keydown", function (ev) {
    if (show) {
      var k = ev.key;
      if (k === "Escape") { endPresent(); }
      else if (k === "ArrowRight" || k === "PageDown" || k === " " || k === "ArrowDown") { go(show.at + 1); }
      else if (k === "ArrowLeft" || k === "PageUp" || k === "ArrowUp") { go(show.at - 1); }
      else if (k === "Home") { go(0); }
      else if (k === "End") { go(show.slides.length - 1); }
      else { return; }
      ev.preventDefault();
      return;
    }
    if (menu) {
      var items = Array.prototype.slice.call(menu.el.querySelectorAll(".dv-menu-item"));
      var at = items.indexOf(document.activeElement);
      if (ev.key === "Escape") { closeMenu(true); ev.preventDefault(); }
      else if (ev.key === "ArrowDown") { items[(at + 1) % items.length].focus(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { items[(at - 1 + items.length) % items.length].focus(); ev.preventDefault(); }
      else if (ev.key === "Tab") { closeMenu(false); }
    }
  });

  /* ---------- the handout page ---------- */

  function blockEl(b) {
    var p = document.createElement(b.k === "h" ? "h3" : "p");
    p.className = "dv-ho-" + b.k;
    if (b.d) { p.style.marginLeft = (b.d * 1.2) + "em"; }
    p.textContent = b.t;
    return p;
  }

  function itemEl(x, i, n) {
    var li = document.createElement("li");
    li.className = "dv-ho-item";
    li.setAttribute("data-key", x.key);
    var head = document.createElement("div");
    head.className = "dv-ho-head";
    var ref = document.createElement("a");
    ref.className = "dv-ho-ref";
    ref.href = siteRoot() + x.path + "#" + encodeURIComponent(x.anchor);
    ref.textContent = x.ref || x.anchor;
    head.appendChild(ref);
    var tools = document.createElement("span");
    tools.className = "dv-ho-tools";
    function btn(t, label, fn, disabled) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "dv-btn dv-ho-btn";
      b.setAttribute("data-t", t);
      b.setAttribute("aria-label", label + ": " + (x.ref || x.anchor));
      b.disabled = !!disabled;
      b.addEventListener("click", fn);
      tools.appendChild(b);
    }
    btn("↑", "Đưa lên", function () { move(i, -1); }, i === 0);
    btn("↓", "Đưa xuống", function () { move(i, 1); }, i === n - 1);
    btn("Bỏ", "Bỏ khỏi tài liệu", function () { removeAt(i); });
    head.appendChild(tools);
    li.appendChild(head);
    var body = document.createElement("div");
    body.className = "dv-ho-body";
    (x.blocks || []).forEach(function (b) { body.appendChild(blockEl(b)); });
    li.appendChild(body);
    /* an article or chapter opens with its own heading ("Điều 2. …"): the printout does not repeat its reference */
    var first = (x.blocks || [])[0];
    if (first && first.k === "h" && (x.ref || "") && first.t.indexOf(x.ref) === 0) { li.classList.add("dv-ho-headed"); }
    li.appendChild(sourceLine(x.cite || x.source, x.anchor, x.path));
    return li;
  }

  function renderHandout() {
    var list = document.getElementById("dv-handout-list");
    if (!list) { return; }
    var items = load();
    list.textContent = "";
    items.forEach(function (x, i) { list.appendChild(itemEl(x, i, items.length)); });
    document.getElementById("dv-handout-empty").hidden = items.length > 0;
    var tools = document.querySelectorAll(".dv-handout-tools .dv-btn:not(.dv-handout-clear)");
    for (var t = 0; t < tools.length; t++) { tools[t].disabled = items.length === 0; }
  }

  function move(i, by) {
    var items = load();
    var j = i + by;
    if (j < 0 || j >= items.length) { return; }
    var x = items[i]; items[i] = items[j]; items[j] = x;
    save(items);
    renderHandout();
    var btn = document.querySelectorAll(".dv-ho-item")[j];
    if (btn) { (btn.querySelector(by < 0 ? ".dv-ho-btn" : ".dv-ho-btn:nth-of-type(2)") || btn).focus(); }
    say("Đã chuyển " + (x.ref || x.anchor) + " tới vị trí " + (j + 1) + ".");
  }

  function removeAt(i) {
    var items = load();
    var x = items.splice(i, 1)[0];
    save(items);
    renderHandout();
    say("Đã bỏ " + (x.ref || x.anchor) + " khỏi tài liệu phát tay.");
  }

  function printHandout() {
    var list = document.getElementById("dv-handout");
    var stamp = document.getElementById("dv-ho-date") || document.createElement("p");
    stamp.id = "dv-ho-date";
    stamp.className = "dv-ho-date";
    stamp.textContent = "In ngày " + today() + ".";
    list.appendChild(stamp);
    window.print();
  }

  function handoutSlides() {
    return load().map(function (x) {
      return { cite: x.cite, make: function () {
        var d = document.createElement("div");
        (x.blocks || []).forEach(function (b) { d.appendChild(blockEl(b)); });
        return d;
      } };
    });
  }

  /* ---------- a minimal .docx writer (stored zip of WordprocessingML) ---------- */

  var CRC = null;
  function crc32(bytes) {
    if (!CRC) {
      CRC = [];
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
        CRC[n] = c >>> 0;
      }
    }
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { crc = CRC[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }

  function zip(files) {           // files: [{name, data: Uint8Array}] -> Uint8Array (no compression)
    var enc = new TextEncoder();
    var parts = [], central = [], offset = 0;
    function u16(v) { return [v & 255, (v >>> 8) & 255]; }
    function u32(v) { return [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255]; }
    files.forEach(function (f) {
      var name = enc.encode(f.name);
      var crc = crc32(f.data);
      var common = [].concat(u16(20), u16(0x0800), u16(0), u16(0), u16(0x21), u32(crc), u32(f.data.length),
                             u32(f.data.length), u16(name.length));
      var local = new Uint8Array([].concat(u32(0x04034b50), common, u16(0)));
      parts.push(local, name, f.data);
      central.push(new Uint8Array([].concat(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u16(0),
                                            u32(0), u32(offset))), name);
      offset += local.length + name.length + f.data.length;
    });
    var size = 0;
    central.forEach(function (c) { size += c.length; });
    var end = new Uint8Array([].concat(u32(0x06054b50), u16(0), u16(0), u16(files.length), u16(files.length),
                                       u32(size), u32(offset), u16(0)));
    var all = parts.concat(central, [end]);
    var total = 0;
    all.forEach(function (a) { total += a.length; });
    var out = new Uint8Array(total), at = 0;
    all.forEach(function (a) { out.set(a, at); at += a.length; });
    return out;
  }

  function xmlText(s) {
    return String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function wPara(text, opt) {
    opt = opt || {};
    var ppr = (opt.style ? '<w:pStyle w:val="' + opt.style + '"/>' : "") +
      (opt.indent ? '<w:ind w:left="' + opt.indent + '"/>' : "");
    var rpr = (opt.bold ? "<w:b/>" : "") + (opt.italic ? "<w:i/>" : "") + (opt.size ? '<w:sz w:val="' + opt.size + '"/>' : "");
    return "<w:p>" + (ppr ? "<w:pPr>" + ppr + "</w:pPr>" : "") + "<w:r>" + (rpr ? "<w:rPr>" + rpr + "</w:rPr>" : "") +
      '<w:t xml:space="preserve">' + xmlText(text) + "</w:t></w:r></w:p>";
  }

  function blockParas(blocks) {
    return (blocks || []).map(function (b) {
      return wPara(b.t, { bold: b.k === "h", indent: b.d ? b.d * 567 : 0 });
    });
  }

  function sourcePara(cite, anchor, path) {
    var l = linkTo(anchor, path);
    return wPara("Nguồn: " + cite + ". Liên kết: " + l.url + (l.local ? " (chỉ mở được trên máy này)" : "") + ".",
                 { italic: true, size: 22 });
  }

  function handoutDocx(items) {
    items = items || load();
    var body = [wPara("Tài liệu phát tay", { bold: true, size: 32 })];
    items.forEach(function (x) {
      body.push(wPara(x.ref || x.anchor, { bold: true, size: 28 }));
      body = body.concat(blockParas(x.blocks));
      body.push(sourcePara(x.cite || x.source, x.anchor, x.path));
    });
    body.push(wPara("In ngày " + today() + ".", { italic: true, size: 22 }));
    return docxPackage(body);
  }

  /* The document of this page as .docx, from the page itself (the same text the reader sees, in reading order). */
  function documentDocx() {
    var d = document.querySelector(".dv-doc");
    if (!d) { return null; }
    var blocks = blocksOf(d, DOCUMENT_BLOCKS);
    var body = blockParas(blocks.slice(0, 1));                 // the title
    body.push(sourcePara(docInfo().source, "", pagePath()));
    body = body.concat(blockParas(blocks.slice(1)));
    return docxPackage(body);
  }

  function docxPackage(body) {
    var enc = new TextEncoder();
    var doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body.join("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"' +
      ' w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>';
    var types = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    var rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    return zip([{ name: "[Content_Types].xml", data: enc.encode(types) }, { name: "_rels/.rels", data: enc.encode(rels) },
                { name: "word/document.xml", data: enc.encode(doc) }]);
  }

  function download(data, name) {
    var blob = new Blob([data], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say("Đã tạo tệp " + name + ".");
  }

  function downloadHandout() { download(handoutDocx(), "tai-lieu-phat-tay.docx"); }

  function downloadDocument() {
    var data = documentDocx();
    if (data) { download(data, (docInfo().id || "van-ban") + ".docx"); }
  }

  /* ---------- wiring ---------- */

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!t || !t.closest) { return; }
    if (menu && !t.closest(".dv-menu") && !t.closest(".dv-more")) { closeMenu(false); }
    var item = t.closest(".dv-menu-item");
    var b = item || t.closest(".dv-cite, .dv-copy, .dv-print, .dv-print-part, .dv-basket, .dv-more, .dv-present," +
                               " .dv-handout-print, .dv-handout-docx, .dv-handout-present, .dv-handout-clear, .dv-docx");
    if (!b) { return; }
    ev.preventDefault();
    ev.stopPropagation();
    if (item) { menuAction(item); return; }
    var cl = b.classList;
    if (cl.contains("dv-handout-print")) { printHandout(); return; }
    if (cl.contains("dv-handout-docx")) { downloadHandout(); return; }
    if (cl.contains("dv-docx")) { downloadDocument(); return; }
    if (cl.contains("dv-handout-present")) { present(handoutSlides(), 0); return; }
    if (cl.contains("dv-handout-clear")) { save([]); renderHandout(); say("Đã xóa hết tài liệu phát tay."); return; }
    if (cl.contains("dv-present")) {
      var slides = slidesOfDocument();
      var cur = document.querySelector(".dv-article.dv-target");
      var at = 0;
      slides.forEach(function (s, i) { if (s.el === cur) { at = i; } });
      present(slides, at);
      return;
    }
    var tools = toolsOf(b);
    if (!tools) { return; }
    if (cl.contains("dv-cite")) { copyCite(tools, b); }
    else if (cl.contains("dv-copy")) { copyLink(tools, b); }
    else if (cl.contains("dv-print") || cl.contains("dv-print-part")) { printOne(infoOf(tools).anchor); }
    else if (cl.contains("dv-basket")) { toggleBasket(tools); }
    else if (cl.contains("dv-more")) {
      if (menu && menu.opener === b) { closeMenu(true); } else { openMenu(b); }
    }
  }, true);

  window.addEventListener("storage", function (ev) {
    if (ev.key === STORE) { refreshBasketButtons(); renderHandout(); }
  });

  function init() {
    refreshBasketButtons();
    renderHandout();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }

  window.danvanTeach = {
    citation: citation, linkTo: linkTo, preparePrint: preparePrint, endPrint: endPrint, load: load, save: save,
    handoutDocx: handoutDocx, documentDocx: documentDocx, present: present, endPresent: endPresent, lastCopy: null
  };
  // the one print entry point of the site (danvan.js keeps the highlight and the running header)
  if (window.danvan) { window.danvan.preparePrint = preparePrint; window.danvan.endPrint = endPrint; }
})();
