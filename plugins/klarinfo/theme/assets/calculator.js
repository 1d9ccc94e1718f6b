/* klarinfo private calculator: reads the form, checks it, and shows the model's result
   (calculator-model.js) in the page's language. Nothing is sent or stored: no request,
   no storage; "Copy a link" puts the numbers in the URL fragment only. Texts, rules and
   the locale come from the form's data-klarinfo-calc attribute (built from the PO
   catalogs and data/rules.yml). */
(function () {
  "use strict";
  var model = window.klarinfoModel;
  var LIFE = ["income1", "plan1", "delay1", "entry1", "days1",
              "income2", "plan2", "delay2", "entry2", "days2", "arrival", "year"];
  var HOUSING = ["adults", "children", "rent", "year", "est1", "tax1", "est2", "tax2"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  /* A plural message as calculator_form.plural sends it: the form of n, n filled in. */
  function plural(p, n) {
    return p.forms[+p.index.charAt(n < 200 ? n : 100 + n % 100)].replace("{n}", n);
  }

  /* Easy-read amounts, as klarinfo.examples.money.rounded and rounded_pair. */
  function step(x) { return Math.abs(x) >= 10000 ? 1000 : Math.abs(x) >= 1000 ? 100 : 10; }
  function rounded(x) { return model.pyRound(x / step(x)) * step(x); }
  function roundedPair(a, b) {
    var by = Math.max(step(a), step(b)), r = model.pyRound;
    while (by > 1 && r(a) !== r(b) && r(a / by) === r(b / by)) by = Math.floor(by / 10);
    return [r(a / by) * by, r(b / by) * by];
  }

  /* An amount as the examples write it: kronor, rounded in easy-read editions. */
  function amount(data, kr) {
    return function (x) { return kr(data.easy ? rounded(x) : model.pyRound(x)); };
  }

  var total = function (p) { return p.income_level_days + p.minimum_level_days; };

  /* life_income_render.chart: a bar per parent and split of income over the years, the
     value written above each bar, mirrored in right-to-left editions. */
  function chart(data, kr, results, names, ident, description) {
    var SVG = "http://www.w3.org/2000/svg", width = 360, margin = 8, bar = 14, y = 4;
    var money = amount(data, kr), rtl = data.rtl, svg = document.createElementNS(SVG, "svg");
    var size = rtl ? 21 : 18; // issue #32: >= the body's small size at 360 px
    var max = Math.max.apply(null, results.map(function (result) {
      return Math.max.apply(null, result.parents.map(function (p) {
        return p.income_over_years_sek; }));
    })) || 1;
    var add = function (tag, attrs, text) {
      var node = svg.appendChild(document.createElementNS(SVG, tag));
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
    };
    var label = function (text, weight) { // life_income_render._lines: wrapped, balanced
      var words = text.split(" "), room = width - 2 * margin;
      var fill = function (limit) {
        var lines = [words[0]];
        words.slice(1).forEach(function (word) {
          if (lines[lines.length - 1].length + 1 + word.length <= limit) lines[lines.length - 1] += " " + word;
          else lines.push(word);
        });
        return lines;
      };
      var count = fill(Math.floor(room * 100 / (size * 56))).length;
      var limit = Math.ceil(text.length / count);
      while (fill(limit).length > count) limit += 1;
      fill(limit).forEach(function (line) {
        y += size + 4;
        add("text", { x: rtl ? width - margin : margin, y: y, "text-anchor": "start",
                      fill: "#1a1a1a", "font-weight": weight, "font-size": size }, line);
      });
    };
    add("title", { id: ident + "-t" }, plural(data.say.chart, results[0].parents[0].years.length));
    add("desc", { id: ident + "-d" }, description);
    results.forEach(function (result) {
      label(data.list.replace("{0}", names[0] + " " + plural(data.say.days, total(result.parents[0])))
        .replace("{1}", names[1] + " " + plural(data.say.days, total(result.parents[1]))), "bold");
      result.parents.forEach(function (p, i) {
        y += 2;
        label(names[i] + ": " + money(p.income_over_years_sek), "normal");
        y += 5;
        var length = Math.max(2, model.pyRound((width - 2 * margin) * p.income_over_years_sek / max));
        add("rect", { x: rtl ? width - margin - length : margin, y: y, width: length,
                      height: bar, fill: data.colours[i] });
        y += bar;
      });
      y += 10;
    });
    var attrs = { "class": "klarinfo-example__chart", viewBox: "0 0 " + width + " " + y,
                  role: "img", "aria-labelledby": ident + "-t " + ident + "-d" };
    if (rtl) attrs.direction = "rtl";
    Object.keys(attrs).forEach(function (k) { svg.setAttribute(k, attrs[k]); });
    return svg;
  }

  /* The worked examples' sentences (life_income_render.sentences) comparing the reader's
     split (results[0]) with sharing the days equally (results[1]), about the parent whose
     days change most. */
  function compare(data, kr, s, results) {
    var say = data.say, r = model.pyRound, money = amount(data, kr);
    var pair = function (key, a, b) {
      var v = {}, shown = data.easy ? roundedPair(a, b) : [r(a), r(b)];
      v[key + "_a"] = kr(shown[0]);
      v[key + "_b"] = kr(shown[1]);
      return v;
    };
    var first = results[0].parents, last = results[1].parents;
    var weight = function (i) {
      return [Math.abs(total(first[i]) - total(last[i])), s.parents[i].entry ? 1 : 0];
    };
    var w0 = weight(0), w1 = weight(1);
    var focus = w1[0] > w0[0] || (w1[0] === w0[0] && w1[1] > w0[1]) ? 1 : 0;
    var names = [1, 2].map(function (n) { return data.t.parent.replace("{n}", n); });
    var a = first[focus], b = last[focus], name = names[focus], out = [];
    [focus, 1 - focus].forEach(function (i) {
      var entry = s.parents[i].entry;
      if (entry) {
        out.push(fill(say.entry, { name: names[i], income: money(entry.monthly_income),
                                   months: plural(say.months, entry.delay_months) }));
      }
    });
    var income = { name: name, days_a: plural(say.days, total(a)),
                   days_b: plural(say.days, total(b)) };
    var amounts = pair("income", a.income_over_years_sek, b.income_over_years_sek);
    Object.keys(amounts).forEach(function (k) { income[k] = amounts[k]; });
    out.push(fill(plural(say.income, a.years.length), income));
    if (s.parents[focus].entry && a.work_start_day !== null && b.work_start_day !== null &&
        b.work_start_day < a.work_start_day && b.income_over_years_sek > a.income_over_years_sek) {
      var sooner = a.work_start_day - b.work_start_day; // life_income_render.sooner_span
      out.push(fill(say.sooner, { name: name, sooner: sooner < data.monthDays ?
                                    plural(say.days, sooner) :
                                    plural(say.months, r(sooner / data.monthDays)),
                                  days_b: plural(say.days, total(b)) }));
    }
    out.push(fill(say.pension, pair("pension", a.pension_credits_over_years_sek,
                                    b.pension_credits_over_years_sek)));
    out.push(fill(say.monthly, pair("monthly", a.monthly_pension_estimate_sek,
                                    b.monthly_pension_estimate_sek)));
    if (a.income_over_years_low_sek !== null) {
      out.push(fill(say.career, {
        name: name, low: money(a.income_over_years_sek - a.income_over_years_high_sek),
        high: money(a.income_over_years_sek - a.income_over_years_low_sek) }));
      if (a.career_horizon_years !== null) out.push(plural(say.horizon, a.career_horizon_years));
    }
    if (data.easy) out.push(say.rounded);
    return out;
  }

  function setup(box) {
    var data = JSON.parse(box.getAttribute("data-klarinfo-calc"));
    var t = data.t, housing = data.kind === "housing";
    var FIELDS = housing ? HOUSING : LIFE;
    var nf = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
    var kr = function (n) { return data.money.replace("{n}", nf.format(n)); };
    var el = function (name) { return box.querySelector("[name=" + name + "]"); };
    var section = box.closest(".klarinfo-calc");
    var nojs = section && section.querySelector("[data-klarinfo-calc-nojs]");
    if (nojs) nojs.hidden = true;
    box.hidden = false;

    /* Fields that only apply to some answers: the job after SFI, the second adult. */
    function toggle(n) {
      if (housing) box.querySelector("[data-couple]").hidden = el("adults").value !== "2";
      else box.querySelector("[data-entry='" + n + "']").hidden = el("plan" + n).value !== "sfi";
    }
    (housing ? ["adults"] : ["plan1", "plan2"]).forEach(function (name, i) {
      el(name).addEventListener("change", function () { toggle(i + 1); });
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

    /* The housing form as klarinfo.examples.housing_allowance.Household. */
    function readHousing() {
      var errors = {}, adults = el("adults").value === "2" ? [1, 2] : [1];
      var children = whole("children", errors);
      if (children !== null && (children < 1 || children > 20)) errors.children = t.children;
      var h = { year: parseInt(el("year").value, 10), children: children,
                housing_cost_per_month: whole("rent", errors),
                estimated_income: adults.map(function (n) { return whole("est" + n, errors); }),
                taxed_income: adults.map(function (n) { return whole("tax" + n, errors); }) };
      var bad = Object.keys(errors).length;
      return { scenario: h, errors: errors,
               result: bad ? null : model.housingAllowance(data.rules, h) };
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
      var r = data.rules.years[String(s.year)];
      if (r) {  /* and sharing equally, which the sentences compare the reader's split with */
        var share = model.entitlement(r, s.arrival), half = share.income + share.minimum;
        if (days[0] !== half || days[1] !== half) s.splits.push([half, half]);
      }
      if (!Object.keys(errors).length) {
        try {
          var results = model.lifeIncome(data.rules, s);
          return { scenario: s, result: results[0], results: results, errors: errors,
                   said: results.length > 1 ? compare(data, kr, s, results) : [] };
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

    function showHousing(target, h, o) {
      var both = function (list) {
        return list.length === 2 ? data.list.replace("{0}", kr(list[0])).replace("{1}", kr(list[1]))
                                 : kr(list[0]);
      };
      var limit = data.rules.years[String(h.year)].housing_allowance_settlement_threshold;
      var said = [t.estimate.replace("{estimated}", both(h.estimated_income))
        .replace("{monthly}", kr(o.preliminary_monthly_sek))
        .replace("{year}", kr(o.preliminary_year_sek)),
        t.taxed.replace("{taxed}", both(h.taxed_income)).replace("{final}", kr(o.final_year_sek)),
        t[o.settlement].replace("{amount}", kr(Math.abs(o.difference_sek)))
          .replace("{threshold}", kr(limit)),
        t.rule.replace("{threshold}", kr(limit))];
      said.forEach(function (s) { target.appendChild(cell("p", s)); });
      var rows = [[t.rows[0], both(h.estimated_income), both(h.taxed_income)],
        [t.rows[1], kr(o.housing_cost_part_sek), kr(o.housing_cost_part_sek)],
        [t.rows[2], kr(o.special_grant_sek), kr(o.special_grant_sek)],
        [t.rows[3], kr(o.preliminary_reduction_sek), kr(o.final_reduction_sek)],
        [t.rows[4], kr(o.preliminary_monthly_sek), kr(o.final_monthly_sek)],
        [t.rows[5], kr(o.preliminary_year_sek), kr(o.final_year_sek)]];
      if (data.easy) rows.splice(1, 3);
      var tid = box.id + "-result", node = document.createElement("table");
      node.className = "klarinfo-example__data";
      node.appendChild(cell("caption", t.caption));
      var head = node.appendChild(document.createElement("thead"))
        .appendChild(document.createElement("tr"));
      head.appendChild(cell("td", ""));
      t.heads.forEach(function (text, k) {
        head.appendChild(cell("th", text, { id: tid + "-c" + (k + 1), scope: "col" }));
      });
      var body = node.appendChild(document.createElement("tbody"));
      rows.forEach(function (r, i) {
        var row = body.appendChild(document.createElement("tr")), rid = tid + "-r" + i;
        row.appendChild(cell("th", r[0], { id: rid, scope: "row" }));
        [1, 2].forEach(function (k) {
          row.appendChild(cell("td", r[k], { headers: tid + "-c" + k + " " + rid }));
        });
      });
      return node;
    }

    function calculate() {
      var out = housing ? readHousing() : read(), target = box.querySelector("[data-result]");
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
      if (housing) {
        wrap.appendChild(showHousing(target, out.scenario, out.result));
        target.appendChild(wrap);  /* the sentences first, then the table */
      } else {
        out.said.forEach(function (text) { target.insertBefore(cell("p", text), wrap); });
        if (out.said.length) {
          target.insertBefore(chart(data, kr, out.results, [1, 2].map(function (n) {
            return t.parent.replace("{n}", n); }), box.id + "-chart", out.said.join(" ")), wrap);
        }
        wrap.appendChild(table(out.result, out.result.parents[0].years.length));
        target.appendChild(cell("p", t.legend, { "class": "klarinfo-example__legend" }));
      }
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
