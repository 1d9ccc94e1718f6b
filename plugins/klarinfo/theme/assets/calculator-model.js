/* klarinfo calculator model: the same integers as klarinfo.examples.life_income and
   klarinfo.examples.housing_allowance, computed on the reader's device (no request, no
   storage). A classic script so Node (the parity test) and the page load the same file.
   Rule figures come from the rules JSON the build writes from data/rules.yml; every
   formula and its order of operations mirrors the Python (tests/examples/test_calculator_parity.py). */
(function (root) {
  "use strict";
  var YEAR = 365, MONTH = 30;
  var AGE = { birth: 0, after_first_birthday: 1, after_second_birthday: 2 };

  /* Python's round(): half to even on the exact double, not Math.round's half up. */
  function pyRound(x) {
    var f = Math.floor(x), d = x - f;
    if (d < 0.5) return f;
    if (d > 0.5) return f + 1;
    return f % 2 === 0 ? f : f + 1;
  }

  function SplitError(code, detail) {
    this.code = code;
    this.detail = detail || {};
  }

  function entitlement(r, arrival) {
    if (arrival === "birth") {
      return { income: Math.floor(r.parental_days_income_level / 2),
               minimum: Math.floor(r.parental_days_minimum_level / 2),
               reserved: r.parental_days_reserved_per_parent };
    }
    var per = Math.floor(r["parental_days_arrival_" + arrival] / 2);
    var minimum = Math.floor(r["parental_days_arrival_" + arrival + "_minimum_level"] / 2);
    var reserved = r["parental_days_arrival_" + arrival + "_reserved_per_parent"];
    return { income: per - minimum, minimum: minimum,
             reserved: Math.min(reserved, per - minimum) };
  }

  function dailyBenefit(r, annual, qualifies) {
    var basic = r.parental_basic_level_per_day;
    if (!qualifies || annual <= 0) return basic;
    var capped = Math.min(annual, r.parental_income_ceiling_pbb * r.prisbasbelopp);
    var amount = pyRound(r.parental_income_share * r.parental_sgi_factor * capped / YEAR);
    return Math.max(basic, amount);
  }

  function pgi(r, income) {
    if (income < r.pension_floor_pbb * r.prisbasbelopp) return 0;
    return pyRound(Math.min((1 - r.pension_general_fee) * income,
                            r.pension_ceiling_ibb * r.inkomstbasbelopp));
  }

  function credit(r, qualifying) { return pyRound(r.pension_contribution_rate * qualifying); }

  function allocate(days, share) {
    var total = share.income + share.minimum;
    if (days.length !== 2 || days.some(function (d) { return !Number.isInteger(d) || d < 0; })) {
      throw new SplitError("days");
    }
    if (days[0] + days[1] > 2 * total) {
      throw new SplitError("family", { used: days[0] + days[1], family: 2 * total });
    }
    var own = days.map(function (d) {
      var i = Math.min(d, share.income);
      return [i, Math.min(d - i, share.minimum)];
    });
    var uses = [];
    for (var me = 0; me < 2; me++) {
      var other = 1 - me;
      var extra = days[me] - own[me][0] - own[me][1];
      var forfeitedOther = Math.max(0, share.reserved - own[other][0]);
      var movableIncome = share.income - own[other][0] - forfeitedOther;
      var movableMinimum = share.minimum - own[other][1];
      if (extra > movableIncome + movableMinimum) {
        throw new SplitError("reserved", { parent: me, reserved: share.reserved,
          most: own[me][0] + own[me][1] + movableIncome + movableMinimum });
      }
      var fromIncome = Math.min(extra, movableIncome);
      uses.push({ income: own[me][0] + fromIncome, minimum: own[me][1] + extra - fromIncome,
                  transferred: extra, forfeited: Math.max(0, share.reserved - own[me][0]) });
    }
    return uses;
  }

  function calendar(uses) {
    var years = [], cursor = 0;
    uses.forEach(function (use, index) {
      [use.income, use.minimum].forEach(function (count, level) {
        while (count) {
          var year = Math.floor(cursor / YEAR), offset = cursor % YEAR;
          while (years.length <= year) years.push([[0, 0], [0, 0]]);
          var take = Math.min(count, YEAR - offset);
          years[year][index][level] += take;
          cursor += take;
          count -= take;
        }
      });
    });
    return years.length ? years : [[[0, 0], [0, 0]]];
  }

  function earned(parent, year, leaveDays, start) {
    var annual = parent.monthly_income * 12;
    if (!parent.entry || start === null) return annual * (YEAR - leaveDays) / YEAR;
    var working = Math.min(YEAR, Math.max(0, year * YEAR + YEAR - start));
    var before = Math.max(0, YEAR - working - leaveDays);
    return (annual * before + parent.entry.monthly_income * 12 * working) / YEAR;
  }

  function childYearBase(r, before, p) {
    var options = [before - p, r.inkomstbasbelopp];
    var average = r.pension_child_year_average_pgi;
    if (average !== null && average !== undefined) {
      options.push(r.pension_child_year_average_share * average - p);
    }
    var room = r.pension_ceiling_ibb * r.inkomstbasbelopp - p;
    return pyRound(Math.max(0, Math.min(Math.max.apply(null, options), room)));
  }

  function careerEffect(r, parent, days, years, leaveYears, perMonth) {
    if (!parent.employed || parent.monthly_income <= 0) return null;
    var factor = Math.max(0, 1 - perMonth * days / MONTH);
    var horizon = r.career_effect_horizon_years, sum = 0;
    years.forEach(function (y, i) {
      sum += leaveYears <= i && i <= horizon ? pyRound(y.income_sek * factor) : y.income_sek;
    });
    return sum;
  }

  /* One split: {parents: [ParentResult, ParentResult]} with the Python's field names. */
  function lifeIncomeSplit(r, s, days) {
    var share = entitlement(r, s.arrival || "birth");
    var uses = allocate(days, share);
    var cal = calendar(uses);
    var ends = [uses[0].income + uses[0].minimum];
    ends.push(ends[0] + uses[1].income + uses[1].minimum);
    var starts = s.parents.map(function (p, i) {
      return p.entry ? ends[i] + p.entry.delay_months * MONTH : null;
    });
    var yearsAfter = s.years_after === undefined ? 10 : s.years_after;
    var horizon = Math.max(cal.length, 1) + yearsAfter, per = [[], []];
    for (var year = 0; year < horizon; year++) {
      var d = year < cal.length ? cal[year] : [[0, 0], [0, 0]];
      s.parents.forEach(function (p, i) {
        var daily = dailyBenefit(r, p.monthly_income * 12, p.qualifies);
        var benefit = d[i][0] * daily + d[i][1] * r.parental_minimum_level_per_day;
        var income = pyRound(earned(p, year, d[i][0] + d[i][1], starts[i]) + benefit);
        per[i].push({ year: year + 1, benefit_sek: benefit, income_sek: income,
                      pgi_sek: pgi(r, income) });
      });
    }
    var before = s.parents.map(function (p) { return pgi(r, p.monthly_income * 12); });
    /* Barnår: life_income.child_year_indices with its assumed dates (born in the first
       half of a year, arriving just after the birthday named). From birth model years 0
       to pension_child_years - 1; after an arrival only whole years in Sweden (SFB 60 kap.
       30 §): never the arrival year 0, so years 1 to pension_child_years - 1 - age. */
    var age = AGE[s.arrival || "birth"], from = age ? 1 : 0;
    for (year = 0; year < per[0].length; year++) {
      per[0][year].child_year_sek = 0;
      per[1][year].child_year_sek = 0;
      if (year < from || year >= r.pension_child_years - age) continue;
      var lower = per[0][year].pgi_sek <= per[1][year].pgi_sek ? 0 : 1;
      per[lower][year].child_year_sek = childYearBase(r, before[lower], per[lower][year].pgi_sek);
    }
    return s.parents.map(function (p, i) {
      var use = uses[i], years = per[i], first = years[0];
      var daily = dailyBenefit(r, p.monthly_income * 12, p.qualifies);
      var credits = 0, income = 0, total = use.income + use.minimum;
      years.forEach(function (y) {
        credits += credit(r, y.pgi_sek + y.child_year_sek);
        income += y.income_sek;
      });
      return {
        daily_benefit_sek: daily,
        monthly_benefit_sek: daily * MONTH,
        income_level_days: use.income,
        minimum_level_days: use.minimum,
        transferred_days: use.transferred,
        forfeited_days: use.forfeited,
        benefit_paid_sek: use.income * daily + use.minimum * r.parental_minimum_level_per_day,
        leave_year_income_sek: first.income_sek,
        pension_qualifying_income_sek: first.pgi_sek,
        pension_credit_sek: credit(r, first.pgi_sek + first.child_year_sek),
        child_year_credit_sek: credit(r, first.child_year_sek),
        income_over_years_sek: income,
        pension_credits_over_years_sek: credits,
        monthly_pension_estimate_sek: pyRound(credits / r.pension_annuity_divisor / 12),
        income_over_years_low_sek: careerEffect(r, p, total, years, cal.length,
                                                r.career_effect_per_month_high),
        income_over_years_high_sek: careerEffect(r, p, total, years, cal.length,
                                                 r.career_effect_per_month_low),
        work_start_day: starts[i],
        career_horizon_years: r.career_effect_horizon_years,
        years: years
      };
    });
  }

  /* A scenario as klarinfo.examples.life_income.Scenario, in JSON: year, arrival,
     years_after, parents [{monthly_income, qualifies, employed, entry}], splits [[d1, d2]]. */
  function lifeIncome(rules, s) {
    var r = rules.years[String(s.year)];
    if (!r) throw new SplitError("year");
    return s.splits.map(function (days) { return { parents: lifeIncomeSplit(r, s, days) }; });
  }

  function byChildren(r, stem, children) {
    return r[stem + "_" + (children === 1 ? "1_child" : children === 2 ? "2_children"
                                                                     : "3_children")];
  }

  function costPart(r, children, cost) {
    var counted = Math.min(cost, byChildren(r, "housing_allowance_cost_ceiling", children)) -
      r.housing_allowance_cost_floor;
    return Math.max(0, pyRound(r.housing_allowance_cost_share * counted));
  }

  function reduction(r, incomes) {
    var limit = incomes.length === 2 ? r.housing_allowance_income_limit_per_spouse
                                     : r.housing_allowance_income_limit_single;
    var above = 0;
    incomes.forEach(function (income) { above += Math.max(0, income - limit); });
    return pyRound(r.housing_allowance_reduction_rate * above);
  }

  function yearly(r, h, incomes) {
    var before = costPart(r, h.children, h.housing_cost_per_month) +
      byChildren(r, "housing_allowance_special_grant", h.children);
    return Math.max(0, 12 * before - reduction(r, incomes));
  }

  /* A household as klarinfo.examples.housing_allowance.Household; the Outcome's fields. */
  function housingAllowance(rules, h) {
    var r = rules.years[String(h.year)];
    if (!r) throw new SplitError("year");
    var step = r.housing_allowance_preliminary_rounding;
    var preliminary = Math.floor(yearly(r, h, h.estimated_income) / 12 / step) * step;
    var finalYear = yearly(r, h, h.taxed_income);
    var difference = finalYear - 12 * preliminary;
    var settlement = "none";
    if (Math.abs(difference) >= r.housing_allowance_settlement_threshold) {
      settlement = difference < 0 ? "repay" : "top_up";
    }
    return {
      housing_cost_part_sek: costPart(r, h.children, h.housing_cost_per_month),
      special_grant_sek: byChildren(r, "housing_allowance_special_grant", h.children),
      income_limit_sek: h.estimated_income.length === 2
        ? r.housing_allowance_income_limit_per_spouse : r.housing_allowance_income_limit_single,
      preliminary_reduction_sek: pyRound(reduction(r, h.estimated_income) / 12),
      preliminary_monthly_sek: preliminary,
      preliminary_year_sek: 12 * preliminary,
      final_reduction_sek: pyRound(reduction(r, h.taxed_income) / 12),
      final_monthly_sek: pyRound(finalYear / 12),
      final_year_sek: finalYear,
      difference_sek: difference,
      settlement: settlement,
      settlement_sek: settlement === "none" ? 0 : Math.abs(difference)
    };
  }

  var api = { lifeIncome: lifeIncome, housingAllowance: housingAllowance,
              entitlement: entitlement, SplitError: SplitError, pyRound: pyRound };
  root.klarinfoModel = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
