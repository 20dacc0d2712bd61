// The eligibility checker and the subsidy calculator.
//
// The rules and the page's labels come from the JSON that the build writes
// into the page (id="funding-data"), taken from docs/data/funding-rules.yml:
// no share, cap or sentence is written here. The sum is the same as
// scripts/cleanprod/funding.py's (the tests compare them): the share of the
// cost, rounded to the cent, at most the cap. Without JavaScript the forms
// stay hidden and the page shows the rules and worked examples.
(function () {
  "use strict";

  var source = document.getElementById("funding-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  // Amounts are handled in whole cents, so that no rounding error creeps in.
  function money(cents) {
    var dollars = Math.floor(cents / 100);
    var rest = cents % 100;
    var grouped = String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return rest ? grouped + "." + String(rest).padStart(2, "0") : grouped;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function measure(code) {
    return data.measures.filter(function (m) { return m.measure === code; })[0];
  }

  function showError(field, errorNode, message) {
    errorNode.textContent = message;
    errorNode.hidden = !message;
    if (field.setAttribute) {
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  // ---- Subsidy calculator -------------------------------------------------

  // The cost typed, in cents, or the label of what is wrong with it. Digits
  // and commas typed in full width (４０，０００), as a Chinese keyboard may,
  // count as they look, and so do ten thousands (30萬, 4.5万 元).
  function parseCost(text) {
    var cleaned = text.normalize("NFKC").replace(/\s+/g, "").replace(/^(HK\$|\$|港幣|港币|港元)/i, "").replace(/(元|港元|港幣|港币|HKD)$/i, "").replace(/,/g, "");
    var tenThousands = /^(\d+)(?:\.(\d{1,4}))?[萬万]$/.exec(cleaned);
    if (tenThousands) cleaned = String(Number(tenThousands[1]) * 10000 + Number(((tenThousands[2] || "") + "0000").slice(0, 4)));
    if (!cleaned) return { error: labels["calc.error.empty"] };
    if (/^-\d+(\.\d{1,2})?$/.test(cleaned)) return { error: labels["calc.error.positive"] };
    if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { error: labels["calc.error.number"] };
    var parts = cleaned.split(".");
    var cents = Number(parts[0]) * 100 + Number(((parts[1] || "") + "00").slice(0, 2));
    if (cents <= 0) return { error: labels["calc.error.positive"] };
    if (cents > data.largest * 100) return { error: fill(labels["calc.error.large"], { largest: money(data.largest * 100) }) };
    return { cents: cents };
  }

  function subsidy(rule, costCents) {
    var share = Math.round(costCents * rule.share / 100);
    var cap = rule.cap * 100;
    var paid = Math.min(share, cap);
    return { share: share, paid: paid, own: costCents - paid, capped: share > cap };
  }

  function setUpCalculator(form, result) {
    var select = form.querySelector("#calc-measure");
    var input = form.querySelector("#calc-cost");
    var error = form.querySelector("#calc-cost-error");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var cost = parseCost(input.value);
      result.textContent = "";
      if (cost.error) {
        showError(input, error, cost.error);
        input.focus();
        return;
      }
      showError(input, error, "");
      var rule = measure(select.value);
      var sum = subsidy(rule, cost.cents);
      var figures = element("p", "", "tool-result__figures");
      figures.appendChild(element("strong", fill(labels["calc.figure"], { name: labels["calc.subsidy"], value: fill(labels["calc.money"], { amount: money(sum.paid) }) })));
      figures.appendChild(document.createElement("br"));
      figures.appendChild(document.createTextNode(fill(labels["calc.figure"], { name: labels["calc.own_share"], value: fill(labels["calc.money"], { amount: money(sum.own) }) })));
      result.appendChild(figures);
      result.appendChild(element("p", fill(labels[sum.capped ? "calc.over" : "calc.within"], {
        cost: money(cost.cents), share: rule.share, raw: money(sum.share), cap: rule.capText, subsidy: money(sum.paid)
      })));
      if (rule.capBasis === "average-per-project") {
        result.appendChild(element("p", fill(labels["calc.average"], { approved_by: data.approvedBy }), "tool-result__note"));
      }
      result.appendChild(element("p", fill(labels["funding.approval"], { approved_by: data.approvedBy })));
    });
  }

  // ---- Eligibility checker ------------------------------------------------

  var CONDITIONS = ["ownership", "area"];

  function answerOf(form, name) {
    var chosen = form.querySelector('input[name="' + name + '"]:checked');
    return chosen ? chosen.value : "";
  }

  function list(items) {
    var ul = document.createElement("ul");
    items.forEach(function (text) { ul.appendChild(element("li", text)); });
    return ul;
  }

  function setUpChecker(form, result) {
    var requirements = [];
    data.measures.forEach(function (m) {
      if (m.requires && requirements.indexOf(m.requires) < 0) requirements.push(m.requires);
    });
    var sector = form.querySelector("#q-sector-select");
    form.hidden = false;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      result.textContent = "";
      var answers = {};
      var firstMissing = null;
      CONDITIONS.concat(requirements).forEach(function (name) {
        answers[name] = answerOf(form, name);
        var fieldset = form.querySelector("#q-" + name);
        showError(fieldset, form.querySelector("#q-" + name + "-error"), answers[name] ? "" : labels["elig.error.unanswered"]);
        if (!answers[name] && !firstMissing) firstMissing = fieldset.querySelector("input");
      });
      answers.sector = sector.value;
      showError(sector, form.querySelector("#q-sector-error"), sector.value ? "" : labels["elig.error.unanswered"]);
      if (!sector.value && !firstMissing) firstMissing = sector;
      if (firstMissing) {
        firstMissing.focus();
        return;
      }

      var unmet = [];
      var unsure = [];
      var conditionText = {
        ownership: fill(labels["funding.condition.ownership"], { ownership: data.ownership }),
        area: fill(labels["funding.condition.area"], { area: data.area }),
        sector: fill(labels["funding.condition.sector"], { count: data.sectorCount })
      };
      CONDITIONS.forEach(function (name) {
        if (answers[name] === "no") unmet.push(conditionText[name]);
        if (answers[name] === "unsure") unsure.push(conditionText[name]);
      });
      if (answers.sector === "other") unmet.push(conditionText.sector);

      if (unmet.length) {
        result.appendChild(element("p", labels["elig.not-eligible"]));
        result.appendChild(list(unmet));
      } else {
        var open = [];
        var closed = [];
        data.measures.forEach(function (m) {
          var line = m.funding === "share-of-cost"
            ? fill(labels["elig.measure.capped"], { measure: m.name, funding: m.fundingText, cap: m.capText })
            : fill(labels["elig.measure"], { measure: m.name, text: m.fundingText });
          var answer = m.requires ? answers[m.requires] : "yes";
          if (answer === "no") closed.push(fill(labels["elig.measure"], { measure: m.name, text: labels["elig.reason." + m.requires] }));
          else {
            if (answer === "unsure") unsure.push(labels["elig.reason." + m.requires]);
            open.push(line);
          }
        });
        result.appendChild(element("p", labels[unsure.length ? "elig.open.unsure" : "elig.open"]));
        result.appendChild(list(open));
        if (unsure.length) {
          result.appendChild(element("p", labels["elig.unsure.check"]));
          result.appendChild(list(unsure));
        }
        if (closed.length) {
          result.appendChild(element("p", labels["elig.closed"]));
          result.appendChild(list(closed));
        }
        result.appendChild(element("p", labels["elig.next"]));
      }
      result.appendChild(element("p", fill(labels["elig.decided"], { approved_by: data.approvedBy }), "tool-result__note"));
    });
  }

  var checker = document.querySelector("[data-checker]");
  if (checker) setUpChecker(checker, document.querySelector("[data-checker-result]"));
  var calculator = document.querySelector("[data-calculator]");
  if (calculator) setUpCalculator(calculator, document.querySelector("[data-calculator-result]"));
})();
