/* The site's search UI: a search box in Material's header on every page (it opens search.html?q=…), and
 * the search page itself (results as you type, facets, highlighted snippets, keyboard navigation), over
 * the engine of danvan-search-engine.js. The DOM is built with createElement/textContent only: corpus text
 * is never parsed as HTML. */
(function () {
  "use strict";

  var DS = window.DanvanSearch;
  if (!DS) return;
  var FACETS = [
    ["doc", "Văn bản"], ["type", "Loại văn bản"], ["level", "Cấp ban hành"], ["locality", "Địa phương"],
    ["agency", "Cơ quan"], ["topic", "Chủ đề"]
  ];
  var LEVELS = { central: "Trung ương", province: "Tỉnh, thành phố", district: "Huyện", commune: "Xã" };
  var PAGE = 20;          // results shown, and added by "Xem thêm"
  var FACET_SHOWN = 6;    // values per facet before "Xem thêm"
  var DEBOUNCE_MS = 120;
  var DROPDOWN = 8;       // results in the header box's list

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "class") e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function searchUrl(params) {
    var qs = [];
    Object.keys(params).forEach(function (k) {
      if (params[k]) qs.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k]));
    });
    return DS.siteRoot() + "search.html" + (qs.length ? "?" + qs.join("&") : "");
  }

  /* ---------- the header box, on every page ---------- */
  function headerBox() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".dv-hsearch")) return;
    var form = el("form", { class: "dv-hsearch", role: "search", action: DS.siteRoot() + "search.html", method: "get" });
    var label = el("label", { for: "dv-hsearch-q", class: "dv-sr" }, "Tìm trong các văn bản");
    var input = el("input", { id: "dv-hsearch-q", name: "q", type: "search", autocomplete: "off",
      placeholder: "Tìm văn bản, điều khoản…", "aria-label": "Tìm trong các văn bản", enterkeyhint: "search" });
    var onSearchPage = !!document.getElementById("dv-search");
    var button = el("button", { type: "submit", class: "dv-hsearch-go", "aria-label": "Tìm" }, "Tìm");
    var here = new URLSearchParams(window.location.search).get("q");
    if (here && document.getElementById("dv-search")) input.value = here;
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(button);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = input.value.trim();
      var page = document.getElementById("dv-search");
      if (page && page.dvSetQuery) { page.dvSetQuery(q); return; }
      window.location.href = searchUrl({ q: q });
    });
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(form, source || null);
    // search.html shows its own results as you type; every other page gets the list under the box
    if (!onSearchPage) new Dropdown(form, input);
  }

  /* ---------- the header box's results as you type (ARIA combobox + listbox) ----------
     The index loads on the first focus (meta.js) and keystroke (the shards of the words typed): a page that
     is only read loads nothing of it. */
  function Dropdown(form, input) {
    var self = this;
    this.form = form;
    this.input = input;
    this.seq = 0;
    this.timer = 0;
    this.active = -1;
    this.list = el("div", { id: "dv-hsearch-list", class: "dv-hsearch-list", role: "listbox",
      "aria-label": "Kết quả tìm nhanh" });
    this.foot = el("div", { class: "dv-hsearch-foot" });
    this.status = el("p", { class: "dv-sr", role: "status", "aria-live": "polite" });
    this.panel = el("div", { class: "dv-hsearch-panel", hidden: "" });
    this.panel.appendChild(this.list);
    this.panel.appendChild(this.foot);
    form.appendChild(this.panel);
    form.appendChild(this.status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "dv-hsearch-list");
    input.addEventListener("focus", function () {
      DS.loadEngine().then(function (e) { e.warm(); }, function () {});
    });
    input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.run(); }, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (ev) { self.key(ev); });
    document.addEventListener("mousedown", function (ev) { if (!form.contains(ev.target)) self.close(); });
    form.addEventListener("focusout", function () {
      setTimeout(function () { if (!form.contains(document.activeElement)) self.close(); }, 0);
    });
  }
  Dropdown.prototype.options = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("[role=option]"));
  };
  Dropdown.prototype.close = function () {
    this.panel.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };
  Dropdown.prototype.open = function () {
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };
  Dropdown.prototype.select = function (i) {
    var opts = this.options();
    if (!opts.length) return;
    if (i < -1) i = opts.length - 1;
    if (i >= opts.length) i = -1;
    this.active = i;
    opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === i ? "true" : "false"); });
    if (i < 0) { this.input.removeAttribute("aria-activedescendant"); return; }
    this.input.setAttribute("aria-activedescendant", opts[i].id);
    opts[i].scrollIntoView({ block: "nearest" });
  };
  Dropdown.prototype.key = function (ev) {
    var opts = this.options();
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!opts.length) return;
      ev.preventDefault();
      if (this.panel.hidden) this.open();
      this.select(this.active + (ev.key === "ArrowDown" ? 1 : -1));
    } else if (ev.key === "Enter" && this.active >= 0 && !this.panel.hidden && opts[this.active]) {
      ev.preventDefault();
      window.location.href = opts[this.active].href;
    } else if (ev.key === "Escape") {
      if (!this.panel.hidden) { ev.preventDefault(); this.close(); }
    }
  };
  Dropdown.prototype.run = function () {
    var self = this, q = this.input.value, seq = ++this.seq;
    if (!q.trim()) { this.close(); this.list.textContent = ""; return Promise.resolve(); }
    return DS.loadEngine().then(function (engine) {
      return engine.search(q, { limit: DROPDOWN });
    }).then(function (res) {
      if (seq === self.seq) self.render(q, res);
    }, function (err) {
      if (seq !== self.seq) return;
      self.list.textContent = "";
      self.foot.textContent = "";
      self.foot.appendChild(el("p", { class: "dv-hsearch-none" }, "Không tải được chỉ mục tìm kiếm (" + err.message + ")."));
      self.open();
    });
  };
  Dropdown.prototype.render = function (q, res) {
    var self = this;
    this.list.textContent = "";
    this.foot.textContent = "";
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    res.hits.forEach(function (h, i) {
      var a = el("a", { href: DS.siteRoot() + h.url, id: "dv-hsearch-opt-" + (i + 1), role: "option", "aria-selected": "false",
        tabindex: "-1", "data-hit": String(i + 1), class: "dv-hsearch-opt" });
      a.appendChild(el("span", { class: "dv-hsearch-title" }, h.title || h.docTitle));
      a.appendChild(el("span", { class: "dv-hsearch-doc" }, [h.number, h.docTitle].filter(Boolean).join(" · ")));
      if (h.snippet) a.appendChild(snippetEl(h.snippet, h.highlights));
      a.addEventListener("mousedown", function (ev) { ev.preventDefault(); });   // keep the focus in the box
      self.list.appendChild(a);
    });
    if (res.qt.empty) {
      this.foot.appendChild(el("p", { class: "dv-hsearch-none" }, "Từ khóa không có chữ hay số nào để tìm."));
    } else if (!res.total) {
      this.foot.appendChild(el("p", { class: "dv-hsearch-none" }, "Không tìm thấy kết quả nào."));
    }
    if (res.total) {
      this.foot.appendChild(el("a", { class: "dv-hsearch-all", href: searchUrl({ q: q.trim() }) },
        "Xem tất cả kết quả (" + res.total + ")"));
    }
    this.status.textContent = res.total ? res.total + " kết quả, " + res.hits.length + " kết quả đầu trong danh sách" :
      "Không có kết quả";
    this.open();
  };

  /* ---------- the search page ---------- */
  function SearchPage(rootEl) {
    this.root = rootEl;
    this.input = rootEl.querySelector("#dv-q");
    this.status = rootEl.querySelector("#dv-status");
    this.facetsEl = rootEl.querySelector("#dv-facets");
    this.filtersEl = rootEl.querySelector("#dv-facet-groups");
    this.results = rootEl.querySelector("#dv-results");
    this.more = rootEl.querySelector("#dv-more");
    this.empty = rootEl.querySelector("#dv-empty");
    this.params = new URLSearchParams(window.location.search);
    this.filters = {};
    var self = this;
    FACETS.forEach(function (f) { var v = self.params.get(f[0]); if (v) self.filters[f[0]] = v; });
    this.input.value = this.params.get("q") || "";
    this.limit = PAGE;
    this.seq = 0;
    this.expanded = {};
    this.timer = 0;
    this.engine = null;
    rootEl.dvSetQuery = function (q) { self.input.value = q; self.limit = PAGE; self.run(); };
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.limit = PAGE;
      self.timer = setTimeout(function () { self.run(); }, DEBOUNCE_MS);
    });
    this.input.addEventListener("focus", function () { if (self.engine) self.engine.warm(); });
    this.input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); clearTimeout(self.timer); self.run(); }
      else if (ev.key === "ArrowDown") { var first = self.hitLinks()[0]; if (first) { ev.preventDefault(); first.focus(); } }
      else if (ev.key === "Escape" && self.input.value) { ev.preventDefault(); self.input.value = ""; self.run(); }
    });
    this.results.addEventListener("keydown", function (ev) {
      var links = self.hitLinks(), i = links.indexOf(document.activeElement);
      if (i < 0) return;
      if (ev.key === "ArrowDown" && i + 1 < links.length) { ev.preventDefault(); links[i + 1].focus(); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); (i > 0 ? links[i - 1] : self.input).focus(); }
    });
    this.more.addEventListener("click", function () {
      var n = self.hitLinks().length;
      self.limit += PAGE;
      self.run(true).then(function () { var l = self.hitLinks()[n]; if (l) l.focus(); });
    });
    // the filters start open on a wide screen, folded under the results count on a phone
    this.facetsEl.open = !window.matchMedia || window.matchMedia("(min-width: 60em)").matches;
    this.setStatus("Đang tải chỉ mục tìm kiếm…");
    DS.loadEngine().then(function (engine) {
      self.engine = engine;
      self.labels = facetLabels(engine);
      self.run();
    }, function (err) {
      self.setStatus("Bản dựng này không có chỉ mục tìm kiếm, hoặc không tải được chỉ mục (" + err.message + ").");
    });
  }

  SearchPage.prototype.hitLinks = function () {
    return Array.prototype.slice.call(this.results.querySelectorAll("a[data-hit]"));
  };
  SearchPage.prototype.setStatus = function (text) { this.status.textContent = text; };

  SearchPage.prototype.syncUrl = function () {
    var p = new URLSearchParams(), q = this.input.value, self = this;
    if (q) p.set("q", q);
    FACETS.forEach(function (f) { if (self.filters[f[0]]) p.set(f[0], self.filters[f[0]]); });
    var s = p.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
    } catch (e) { /* some browsers refuse history changes on file:// pages: the results still show */ }
  };

  SearchPage.prototype.run = function (keepScroll) {
    var self = this, q = this.input.value, seq = ++this.seq;
    this.syncUrl();
    if (!this.engine) return Promise.resolve();
    var active = FACETS.some(function (f) { return self.filters[f[0]]; });
    return this.engine.search(q, { limit: this.limit, filters: active ? this.filters : null, facets: true })
      .then(function (res) {
        if (seq !== self.seq) return;
        self.render(q, res, active);
        window.DANVAN_SEARCH_PAGE = window.DANVAN_SEARCH_PAGE || {};
        var st = window.DANVAN_SEARCH_PAGE;
        st.last = { query: q, total: res.total, ms: res.ms };
        if (res.hits.length && st.firstResult === undefined) {
          st.firstResult = performance.now();
          st.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
        }
      }, function (err) {
        if (seq === self.seq) self.setStatus("Lỗi khi tìm: " + err.message);
      });
  };

  function facetLabels(engine) {
    var meta = engine.meta, lab = { agency: {}, topic: {}, level: LEVELS };
    lab.doc = function (id) {   // number · title, once the title is loaded (d-NNN.js)
      var i = engine.docIndex(id), d = engine.docs[i];
      if (!d) return id;
      var t = engine.titles.get(i) || d[0];
      return (d[1] ? d[1] + " · " : "") + (t.length > 70 ? t.slice(0, 68) + "…" : t);
    };
    var fac = (meta.lexicon && meta.lexicon.facets) || {};
    (fac.agencies || []).forEach(function (a) { lab.agency[a.key] = a.name; });
    (fac.topics || []).forEach(function (t) { lab.topic[t.key] = t.name; });
    return lab;
  }

  SearchPage.prototype.label = function (dim, v) {
    var m = this.labels[dim];
    return (typeof m === "function" ? m(v) : m && m[v]) || v;
  };
  /* Sort key among values of equal count: the label, for documents their number (or id), so the order does
     not wait for their titles. */
  SearchPage.prototype.sortKey = function (dim, v) {
    if (dim !== "doc") return this.label(dim, v);
    var d = this.engine.docs[this.engine.docIndex(v)];
    return d ? d[1] || d[0] : v;
  };

  SearchPage.prototype.render = function (q, res, active) {
    var self = this;
    this.results.textContent = "";
    this.empty.textContent = "";
    this.empty.hidden = true;
    this.more.hidden = true;
    if (res.qt.empty) {
      this.setStatus(q.trim() ? "Từ khóa không có chữ hay số nào để tìm." : "Nhập từ khóa: tên cơ quan, việc cần làm, chữ viết tắt hay số hiệu văn bản.");
      this.renderFacets(null);
      this.renderTips(q, active);
      return;
    }
    this.setStatus(res.total + " kết quả" + (active ? " (đã lọc)" : ""));
    res.hits.forEach(function (h, i) { self.results.appendChild(hitItem(h, i + 1)); });
    this.more.hidden = res.total <= res.hits.length;
    this.more.textContent = "Xem thêm kết quả (" + (res.total - res.hits.length) + " còn lại)";
    this.renderFacets(res.facets);
    if (!res.total) this.renderTips(q, active);
    // the document facet shows titles: load those of the values shown (d-NNN.js), then draw it again
    var seq = this.seq, missing = this.shownDocs(res.facets).filter(function (i) { return !self.engine.titles.has(i); });
    if (missing.length) this.engine.loadTitles(missing).then(function () {
      if (seq === self.seq) self.renderFacets(res.facets);
    }, function () { /* the numbers stay as labels */ });
  };
  SearchPage.prototype.shownDocs = function (facets) {
    if (!facets) return [];
    var self = this, vals = this.sortedValues("doc", facets.doc);
    return (this.expanded.doc ? vals : vals.slice(0, FACET_SHOWN)).map(function (v) { return self.engine.docIndex(v); })
      .filter(function (i) { return i >= 0; });
  };
  SearchPage.prototype.sortedValues = function (dim, counts) {
    var self = this, chosen = this.filters[dim], vals = Array.from(counts.keys());
    if (chosen && !counts.has(chosen)) { counts.set(chosen, 0); vals.push(chosen); }
    vals.sort(function (a, b) {
      return (b === chosen) - (a === chosen) || counts.get(b) - counts.get(a) ||
        String(self.sortKey(dim, a)).localeCompare(String(self.sortKey(dim, b)), "vi");
    });
    return vals;
  };

  function hitItem(h, rank) {
    var li = el("li", { class: "dv-hit" });
    var a = el("a", { href: h.url, "data-hit": String(rank), class: "dv-hit-link" }, h.title || h.docTitle);
    li.appendChild(a);
    var src = [h.docTitle, h.number].filter(Boolean).join(" · ");
    if (h.unitAnchor !== h.anchor && h.anchor) {
      var m = /khoan-(\w+)$/.exec(h.anchor);
      if (m) src = "khoản " + m[1] + " · " + src;
    }
    li.appendChild(el("div", { class: "dv-hit-doc" }, src));
    if (h.snippet) li.appendChild(snippetEl(h.snippet, h.highlights));
    return li;
  }

  function snippetEl(text, marks) {
    var p = el("p", { class: "dv-hit-snippet" }), at = 0;
    marks.forEach(function (m) {
      if (m[0] < at) return;
      if (m[0] > at) p.appendChild(document.createTextNode(text.slice(at, m[0])));
      p.appendChild(el("mark", null, text.slice(m[0], m[1])));
      at = m[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  SearchPage.prototype.toggle = function (dim, value) {
    if (this.filters[dim] === value) delete this.filters[dim]; else this.filters[dim] = value;
    this.limit = PAGE;
    var self = this;
    return this.run().then(function () {
      var b = self.facetsEl.querySelector('button[data-dim="' + dim + '"][aria-pressed="true"]') ||
        self.facetsEl.querySelector('button[data-dim="' + dim + '"]');
      if (b) b.focus();
    });
  };

  SearchPage.prototype.renderFacets = function (facets) {
    var self = this, box = this.filtersEl;
    box.textContent = "";
    this.facetsEl.hidden = !facets;
    if (!facets) return;
    FACETS.forEach(function (f) {
      var dim = f[0], counts = facets[dim], chosen = self.filters[dim];
      var vals = self.sortedValues(dim, counts);
      if (!vals.length) return;
      var group = el("div", { class: "dv-facet", role: "group", "aria-labelledby": "dv-facet-" + dim });
      group.appendChild(el("h2", { class: "dv-facet-title", id: "dv-facet-" + dim }, f[1]));
      var ul = el("ul", { class: "dv-facet-values" });
      var shown = self.expanded[dim] ? vals : vals.slice(0, FACET_SHOWN);
      shown.forEach(function (v) {
        var li = el("li");
        var b = el("button", { type: "button", class: "dv-facet-value", "data-dim": dim, "data-value": v,
          "aria-pressed": v === chosen ? "true" : "false" });
        b.appendChild(el("span", { class: "dv-facet-label" }, self.label(dim, v)));
        b.appendChild(el("span", { class: "dv-facet-count" }, String(counts.get(v))));
        b.addEventListener("click", function () { self.toggle(dim, v); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      group.appendChild(ul);
      if (vals.length > FACET_SHOWN) {
        var more = el("button", { type: "button", class: "dv-facet-more", "aria-expanded": self.expanded[dim] ? "true" : "false" },
          self.expanded[dim] ? "Thu gọn" : "Xem thêm (" + (vals.length - FACET_SHOWN) + ")");
        more.addEventListener("click", function () {
          self.expanded[dim] = !self.expanded[dim];
          self.run().then(function () {
            var again = box.querySelector('[aria-labelledby="dv-facet-' + dim + '"] .dv-facet-more');
            if (again) again.focus();
          });
        });
        group.appendChild(more);
      }
      box.appendChild(group);
    });
    var anyActive = FACETS.some(function (f) { return self.filters[f[0]]; });
    if (anyActive) {
      var clear = el("button", { type: "button", class: "dv-facet-clear" }, "Bỏ mọi bộ lọc");
      clear.addEventListener("click", function () { self.filters = {}; self.limit = PAGE; self.run(); self.input.focus(); });
      box.appendChild(clear);
    }
  };

  /* What to try when nothing (or nothing yet) was found. */
  SearchPage.prototype.renderTips = function (q, active) {
    var self = this, box = this.empty;
    box.hidden = false;
    if (q.trim() && !active) box.appendChild(el("p", { class: "dv-empty-title" }, "Không tìm thấy kết quả nào cho «" + q.slice(0, 200) + "»."));
    var ul = el("ul");
    if (active) {
      var li = el("li"), b = el("button", { type: "button", class: "dv-empty-clear" }, "Bỏ các bộ lọc");
      b.addEventListener("click", function () { self.filters = {}; self.run(); self.input.focus(); });
      li.appendChild(el("span", null, "Bộ lọc đang thu hẹp kết quả: "));
      li.appendChild(b);
      ul.appendChild(li);
    }
    var words = q.trim().split(/\s+/).filter(Boolean);
    if (words.length > 2) {
      var shorter = words.slice(0, 2).join(" "), li2 = el("li");
      li2.appendChild(el("span", null, "Thử ít từ hơn: "));
      var a = el("a", { href: searchUrl({ q: shorter }) }, shorter);
      a.addEventListener("click", function (ev) { ev.preventDefault(); self.input.value = shorter; self.run(); });
      li2.appendChild(a);
      ul.appendChild(li2);
    }
    ul.appendChild(el("li", null, "Gõ không dấu cũng được (tiep cong dan), dấu kiểu cũ hay mới đều được (hoà/hòa)."));
    ul.appendChild(el("li", null, "Dùng chữ viết tắt hoặc tên đầy đủ: UBND, MTTQ, HĐND, Ban Dân vận."));
    ul.appendChild(el("li", null, "Tìm theo số hiệu văn bản, ví dụ 03-QC/BDVTU hoặc 217-QĐ/TW."));
    var examples = el("li");
    examples.appendChild(el("span", null, "Ví dụ: "));
    ["tiếp công dân", "UBND", "hoà giải ở cơ sở", "dân vận chính quyền"].forEach(function (x, i) {
      if (i) examples.appendChild(document.createTextNode(" · "));
      var a = el("a", { href: searchUrl({ q: x }) }, x);
      a.addEventListener("click", function (ev) { ev.preventDefault(); self.input.value = x; self.filters = {}; self.run(); });
      examples.appendChild(a);
    });
    ul.appendChild(examples);
    box.appendChild(ul);
  };

  function init() {
    headerBox();
    var page = document.getElementById("dv-search");
    if (page && !page.dvSearch) page.dvSearch = new SearchPage(page);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
