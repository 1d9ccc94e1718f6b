/* klarinfo private calculator: reads the form, checks it, and shows the model's result
   (calculator-model.js) in the page's language. Nothing is sent or stored: no request,
   no storage; "Copy a link" puts the numbers in the URL fragment only. Texts, rules and
   the locale come from the form's data-klarinfo-calc attribute (built from the PO
   catalogs and data/rules.yml). */
(function () {
  "use strict";
  var model = window.klarinfoModel;
  var FIELDS = ["income1", "plan1", "delay1", "entry1", "days1",
                "income2", "plan2", "delay2", "entry2", "days2", "arrival", "year"];

  function setup(box) {
    var data = JSON.parse(box.getAttribute("data-klarinfo-calc"));
    var t = data.t;
    var nf = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
    var kr = function (n) { return data.money.replace("{n}", nf.format(n)); };
    var el = function (name) { return box.querySelector("[name=" + name + "]"); };
    var section = box.closest(".klarinfo-calc");
    var nojs = section && section.querySelector("[data-klarinfo-calc-nojs]");
    if (nojs) nojs.hidden = true;
    box.hidden = false;

    function toggle(n) {
      box.querySelector("[data-entry='" + n + "']").hidden = el("plan" + n).value !== "sfi";
    }
    [1, 2].forEach(function (n) {
      el("plan" + n).addEventListener("change", function () { toggle(n); });
    });

    function showError(name, text) {
      var input = el(name), error = box.querySelector("#" + input.id + "-error");
      error.textContent = text || "";
      error.hidden = !text;
      if (text) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }

    /* A whole number ≥ 0: spaces and Arabic-Indic digits allowed, nothing else. */
    function whole(name, errors) {
      var raw = el(name).value.replace(/[\s\u00a0\u202f]/g, "")
        .replace(/[\u0660-\u0669]/g, function (d) { return d.charCodeAt(0) - 0x660; })
        .replace(/[\u06f0-\u06f9]/g, function (d) { return d.charCodeAt(0) - 0x6f0; });
      if (/^-\d+$/.test(raw)) { errors[name] = t.negative; return null; }
      if (!/^\d+$/.test(raw)) { errors[name] = t.digits; return null; }
      return parseInt(raw, 10);
    }

    function read() {
      var errors = {}, parents = [], days = [];
      [1, 2].forEach(function (n) {
        var income = whole("income" + n, errors), entry = null;
        if (el("plan" + n).value === "sfi") {
          var delay = whole("delay" + n, errors), job = whole("entry" + n, errors);
          entry = { monthly_income: job, delay_months: delay };
        }
        days.push(whole("days" + n, errors));
        parents.push({ monthly_income: income, qualifies: income > 0, employed: income > 0,
                       entry: entry });
      });
      var s = { year: parseInt(el("year").value, 10), arrival: el("arrival").value,
                years_after: data.yearsAfter, parents: parents, splits: [days] };
      if (!Object.keys(errors).length) {
        try {
          return { scenario: s, result: model.lifeIncome(data.rules, s)[0], errors: errors };
        } catch (e) {
          if (!(e instanceof model.SplitError)) throw e;
          if (e.code === "family") {
            errors.days2 = t.family.replace("{family}", e.detail.family);
          } else if (e.code === "reserved") {
            errors["days" + (e.detail.parent + 1)] = t.reserved
              .replace("{reserved}", e.detail.reserved).replace("{most}", e.detail.most);
          }
        }
      }
      return { scenario: s, result: null, errors: errors };
    }

    function cell(tag, text, attrs) {
      var node = document.createElement(tag);
      node.textContent = text;
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      return node;
    }

    function table(result, years) {
      var heads = t.heads.slice();
      heads[5] = t.over[String(years)] || t.over[String(Object.keys(t.over).length)];
      var tid = box.id + "-result", tableNode = document.createElement("table");
      tableNode.className = "klarinfo-example__data klarinfo-example__data--cards";
      tableNode.appendChild(cell("caption", t.caption));
      var head = document.createElement("tr");
      heads.forEach(function (h, k) {
        head.appendChild(cell("th", h, { id: tid + "-c" + k, scope: "col" }));
      });
      tableNode.appendChild(document.createElement("thead")).appendChild(head);
      var body = tableNode.appendChild(document.createElement("tbody"));
      result.parents.forEach(function (p, i) {
        var row = document.createElement("tr"), rowId = tid + "-p" + (i + 1);
        row.appendChild(cell("th", t.parent.replace("{n}", i + 1), { id: rowId, scope: "row" }));
        [t.days.replace("{income}", p.income_level_days).replace("{lowest}", p.minimum_level_days),
         kr(p.daily_benefit_sek), kr(p.benefit_paid_sek), kr(p.leave_year_income_sek),
         kr(p.income_over_years_sek), kr(p.pension_credits_over_years_sek),
         kr(p.monthly_pension_estimate_sek)].forEach(function (v, k) {
          row.appendChild(cell("td", v, { headers: tid + "-c" + (k + 1) + " " + rowId,
                                          "data-label": heads[k + 1] }));
        });
        body.appendChild(row);
      });
      return tableNode;
    }

    function calculate() {
      var out = read(), target = box.querySelector("[data-result]");
      FIELDS.forEach(function (name) {
        if (el(name).tagName === "INPUT") showError(name, out.errors[name]);
      });
      target.textContent = "";
      var wrong = Object.keys(out.errors);
      if (wrong.length) {
        target.appendChild(cell("p", t.fix, { "class": "klarinfo-calc__error" }));
        el(FIELDS.filter(function (f) { return out.errors[f]; })[0]).focus();
        return null;
      }
      target.appendChild(cell("p", t.year.replace("{year}", out.scenario.year)));
      var wrap = target.appendChild(cell("div", "", { "class": "klarinfo-example__table" }));
      wrap.appendChild(table(out.result, out.result.parents[0].years.length));
      target.appendChild(cell("p", t.legend, { "class": "klarinfo-example__legend" }));
      target.appendChild(cell("p", t.disclaimer, { "class": "klarinfo-example__note" }));
      return out;
    }

    function link() {
      if (!calculate()) return;
      var values = FIELDS.map(function (name) {
        return name + "=" + encodeURIComponent(el(name).value);
      }).join("&");
      history.replaceState(null, "", "#calc&" + values);
      var status = box.querySelector("[data-status]");
      var done = function (ok) { status.textContent = ok ? t.copied : t.shown; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(location.href).then(function () { done(true); },
                                                          function () { done(false); });
      } else done(false);
    }

    box.querySelector("[data-action=calculate]").addEventListener("click", calculate);
    box.querySelector("[data-action=link]").addEventListener("click", link);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.tagName === "INPUT") calculate();
    });

    /* A shared link: fill in the numbers from the fragment and calculate. */
    if (location.hash.indexOf("#calc&") === 0) {
      location.hash.slice(6).split("&").forEach(function (pair) {
        var i = pair.indexOf("="), name = pair.slice(0, i);
        try {
          if (FIELDS.indexOf(name) >= 0) el(name).value = decodeURIComponent(pair.slice(i + 1));
        } catch (e) { /* a broken link: keep the field as it is */ }
      });
      toggle(1);
      toggle(2);
      calculate();
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-klarinfo-calc]"), setup);
})();
