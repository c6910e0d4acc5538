/* danvan document list (danh-sach.html): filters by level, locality, type, issuer, year and words, sort by
   date or number, all kept in the URL's #fragment (works from file://). Data: window.danvanList from
   assets/du-lieu/danh-sach.js. The DOM is built with createElement/textContent only. */
(function () {
  "use strict";
  var data = window.danvanList;
  var form = document.getElementById("dv-filters");
  var list = document.getElementById("dv-list");
  var countEl = document.getElementById("dv-count");
  if (!data || !form || !list) { return; }

  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  var KEYS = { "cap": F.level, "dia-phuong": F.locality, "loai": F.type, "co-quan": F.issuer, "nam": F.year };
  var PARAMS = ["cap", "dia-phuong", "loai", "co-quan", "nam", "q", "xep"];

  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
  }
  // words of each row, folded once
  var hay = data.rows.map(function (r) { return fold([r[F.number], r[F.title], r[F.issuer], r[F.type]].join(" ")); });

  function numberKey(s) {
    // "165/2025/QĐ-UBND" -> [2025-less parts]: leading integer first, then the rest folded
    var m = /^\s*(\d+)/.exec(s || "");
    return m ? [0, parseInt(m[1], 10), fold(s)] : [1, 0, fold(s)];
  }
  function cmpNumber(a, b) {
    var x = numberKey(a[F.number]), y = numberKey(b[F.number]);
    for (var i = 0; i < 3; i++) { if (x[i] < y[i]) { return -1; } if (x[i] > y[i]) { return 1; } }
    return 0;
  }
  function cmpDate(asc) {
    return function (a, b) {
      var x = a[F.date] || "", y = b[F.date] || "";
      if (!x !== !y) { return x ? -1 : 1; }          // undated last either way
      if (x === y) { return 0; }
      return (x < y ? -1 : 1) * (asc ? 1 : -1);
    };
  }

  function readState() {
    var h = window.location.hash.replace(/^#/, "");
    var q = new URLSearchParams(h || window.location.search.replace(/^\?/, ""));
    var st = {};
    PARAMS.forEach(function (k) { st[k] = q.get(k) || ""; });
    return st;
  }
  // The state goes in the #fragment (a link from another page may use ?query, which is read once and dropped).
  function writeState(st) {
    var q = new URLSearchParams();
    PARAMS.forEach(function (k) { if (st[k]) { q.set(k, st[k]); } });
    var h = q.toString();
    var url = window.location.href.split("#")[0].split("?")[0] + (h ? "#" + h : "");
    try { window.history.replaceState(null, "", url); } catch (e) { window.location.replace(url); }
  }
  function field(k) { return form.querySelector("[name='" + k + "']"); }
  function formState() {
    var st = {};
    PARAMS.forEach(function (k) { var el = field(k); st[k] = el ? el.value.trim() : ""; });
    return st;
  }
  function toForm(st) {
    PARAMS.forEach(function (k) {
      var el = field(k);
      if (!el) { return; }
      if (el.tagName === "SELECT" && st[k] && !Array.prototype.some.call(el.options, function (o) { return o.value === st[k]; })) {
        st[k] = "";                                     // a value this corpus does not have
      }
      el.value = st[k];
    });
  }

  function rowEl(r) {
    var li = document.createElement("li");
    li.className = "dv-row";
    var head = document.createElement("p");
    head.className = "dv-row-facts";
    var num = document.createElement("span");
    num.className = "dv-row-number";
    num.textContent = r[F.number] || ("Số hiệu " + data.unknown);
    head.appendChild(num);
    var date = document.createElement("span");
    date.className = "dv-row-date";
    date.textContent = r[F.dateText] || ("ngày " + data.unknown);
    head.appendChild(date);
    if (r[F.type]) {
      var t = document.createElement("span");
      t.className = "dv-row-type";
      t.textContent = r[F.type];
      head.appendChild(t);
    }
    var place = r[F.locality] || data.levels[r[F.level]];
    if (place) {
      var p = document.createElement("span");
      p.className = "dv-row-place";
      p.textContent = place;
      head.appendChild(p);
    }
    li.appendChild(head);
    var a = document.createElement("a");
    a.className = "dv-row-title";
    a.href = r[F.href];
    a.textContent = r[F.title];
    li.appendChild(a);
    return li;
  }

  function render(st) {
    var words = fold(st.q).split(/\s+/).filter(Boolean);
    var out = [];
    for (var i = 0; i < data.rows.length; i++) {
      var r = data.rows[i], ok = true;
      for (var k in KEYS) {
        if (st[k] && String(r[KEYS[k]] || "") !== st[k]) { ok = false; break; }
      }
      for (var w = 0; ok && w < words.length; w++) { if (hay[i].indexOf(words[w]) < 0) { ok = false; } }
      if (ok) { out.push(r); }
    }
    out.sort(st.xep === "so" ? cmpNumber : cmpDate(st.xep === "cu"));
    var frag = document.createDocumentFragment();
    out.forEach(function (r) { frag.appendChild(rowEl(r)); });
    list.textContent = "";
    list.appendChild(frag);
    var filtered = PARAMS.some(function (k) { return k !== "xep" && st[k]; });
    countEl.textContent = filtered ? out.length + " / " + data.rows.length + " văn bản khớp bộ lọc"
                                   : data.rows.length + " văn bản";
    list.setAttribute("data-dv-count", String(out.length));
  }

  function update() { var st = formState(); writeState(st); render(st); }

  form.addEventListener("change", update);
  form.addEventListener("input", function (ev) { if (ev.target && ev.target.name === "q") { update(); } });
  document.getElementById("dv-reset").addEventListener("click", function () {
    PARAMS.forEach(function (k) { var el = field(k); if (el) { el.value = ""; } });
    update();
  });
  window.addEventListener("hashchange", function () { var st = readState(); toForm(st); render(st); });

  var st0 = readState();
  toForm(st0);
  render(st0);
  if (window.location.search) { writeState(st0); }
  document.documentElement.classList.add("dv-list-ready");
})();
