// The eligibility checker and the subsidy calculator.
//
// The rules of every phase and the page's labels come from the JSON that the
// build writes into the page (id="funding-data"), taken from
// docs/data/funding-rules.yml: no share, cap, date or sentence is written
// here. The phase in force answers unless the reader chooses an earlier one;
// an earlier phase answers in the past tense. The sum is the same as
// scripts/cleanprod/content/funding.py's (the tests compare them): the share of the
// cost, rounded to the cent, at most the cap. Without JavaScript the forms
// stay hidden and the page shows who may apply, the rules and worked examples.
(function () {
  "use strict";

  var source = document.getElementById("funding-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;
  var inForce = data.phases.filter(function (p) { return p.current; })[0];

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

  function phaseOf(code) {
    return data.phases.filter(function (p) { return p.phase === code; })[0] || inForce;
  }

  function measureOf(phase, code) {
    return phase.measures.filter(function (m) { return m.measure === code; })[0];
  }

  function calculable(m) {
    return m.funding === "share-of-cost" || m.funding === "cap-only";
  }

  function showError(field, errorNode, message) {
    errorNode.textContent = message;
    errorNode.hidden = !message;
    if (field.setAttribute) {
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  // "Applications go to the Secretariat … How to apply": the end of every answer.
  function applyLine(phase) {
    var line = element("p", fill(labels["funding.approval"], { approved_by: phase.approvedBy }) + " ");
    var link = element("a", labels["apply.link"]);
    link.href = data.applyPage;
    line.appendChild(link);
    return line;
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
    if (cents < data.smallest * 100) return { error: fill(labels["calc.error.small"], { smallest: money(data.smallest * 100) }) };
    if (cents > data.largest * 100) return { error: fill(labels["calc.error.large"], { largest: money(data.largest * 100) }) };
    return { cents: cents };
  }

  // funding.subsidy: the share (all of the cost where the source gives none),
  // rounded to the cent with halves up, at most the cap unless the cap is an average.
  function subsidy(rule, costCents, higher) {
    var percent = rule.share === null ? 100 : rule.share;
    var share = Math.floor((costCents * percent + 50) / 100);
    var cap = higher && rule.higherCap ? rule.higherCap : rule.cap;
    var limits = cap !== null && rule.capBasis !== "average-per-project";
    var paid = limits ? Math.min(share, cap * 100) : share;
    return {
      share: share, paid: paid, own: costCents - paid, cap: cap,
      capped: limits && share > cap * 100,
      atMost: rule.shareUpTo || rule.funding === "cap-only" || rule.capBasis === "average-per-project"
    };
  }

  // render/funding.py's explanation: the rule that produced the sum, in words.
  function explanation(rule, sum, costCents) {
    var values = { cost: money(costCents), share: rule.share, raw: money(sum.share), cap: rule.capText, subsidy: money(sum.paid) };
    var key;
    if (rule.funding === "cap-only") {
      key = sum.capped ? "calc.cap-only.over" : "calc.cap-only.within";
      values.cap = money(sum.cap * 100);
    } else if (rule.capBasis === "average-per-project") {
      key = "calc.average.sum";
    } else if (sum.cap === null) {
      key = "calc.no-cap";
    } else {
      key = sum.capped ? "calc.over" : "calc.within";
      values.cap = fill(labels["calc.money"], { amount: money(sum.cap * 100) });
    }
    return fill(labels[key], values);
  }

  function setUpCalculator(form, result) {
    var phaseSelect = form.querySelector("#calc-phase");
    var select = form.querySelector("#calc-measure");
    var higherQuestion = form.querySelector("#calc-higher-question");
    var higher = form.querySelector("#calc-higher");
    var input = form.querySelector("#calc-cost");
    var error = form.querySelector("#calc-cost-error");

    function listMeasures() {
      var chosen = select.value;
      select.textContent = "";
      phaseOf(phaseSelect.value).measures.filter(calculable).forEach(function (m) {
        var option = element("option", m.name);
        option.value = m.measure;
        select.appendChild(option);
      });
      if (measureOf(phaseOf(phaseSelect.value), chosen)) select.value = chosen;
      showHigher();
    }
    function showHigher() {
      var rule = measureOf(phaseOf(phaseSelect.value), select.value);
      higherQuestion.hidden = !(rule && rule.higherCap);
    }
    phaseSelect.addEventListener("change", function () { listMeasures(); result.textContent = ""; });
    select.addEventListener("change", showHigher);
    listMeasures();
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
      var phase = phaseOf(phaseSelect.value);
      var rule = measureOf(phase, select.value);
      var sum = subsidy(rule, cost.cents, rule.higherCap && higher.checked);
      if (!phase.current) result.appendChild(element("p", fill(labels["calc.past"], { phase: phase.title }), "tool-result__note"));
      if (rule.forAssociations) result.appendChild(element("p", labels["calc.associations"], "tool-result__note"));
      var figures = element("p", "", "tool-result__figures");
      var paidName = labels[sum.atMost ? "calc.subsidy.at-most" : "calc.subsidy"];
      var ownName = labels[sum.atMost ? "calc.own_share.at-least" : "calc.own_share"];
      figures.appendChild(element("strong", fill(labels["calc.figure"], { name: paidName, value: fill(labels["calc.money"], { amount: money(sum.paid) }) })));
      figures.appendChild(document.createElement("br"));
      figures.appendChild(document.createTextNode(fill(labels["calc.figure"], { name: ownName, value: fill(labels["calc.money"], { amount: money(sum.own) }) })));
      result.appendChild(figures);
      result.appendChild(element("p", explanation(rule, sum, cost.cents)));
      if (rule.capBasis === "average-per-project") {
        result.appendChild(element("p", fill(labels["calc.average"], { cap: money(rule.cap * 100), approved_by: phase.approvedBy }), "tool-result__note"));
      } else if (sum.atMost) {
        result.appendChild(element("p", labels["calc.at-most"], "tool-result__note"));
      }
      result.appendChild(applyLine(phase));
    });
  }

  // ---- Eligibility checker ------------------------------------------------

  function answerOf(form, name) {
    var chosen = form.querySelector('input[name="' + name + '"]:checked');
    return chosen ? chosen.value : "";
  }

  function list(items) {
    var ul = document.createElement("ul");
    items.forEach(function (text) { ul.appendChild(element("li", text)); });
    return ul;
  }

  // A measure's line in an answer, with the cap that applies to the technology answered.
  function measureLine(m, hkTechnology) {
    if (m.funding === "generally-free" || m.funding === "not-published" || m.cap === null) {
      return fill(labels["elig.measure"], { measure: m.name, text: m.fundingText });
    }
    var cap = m.capText;
    if (m.higherCap && hkTechnology === "yes") {
      cap = fill(labels["funding.cap." + (m.capBasis || "plain")], { cap: money(m.higherCap * 100) }) + labels["elig.hk-technology.yes"];
    } else if (m.higherCap && hkTechnology === "no") {
      cap = fill(labels["funding.cap." + (m.capBasis || "plain")], { cap: money(m.cap * 100) });
    }
    return fill(labels["elig.measure.capped"], { measure: m.name, funding: m.fundingText, cap: cap });
  }

  function setUpChecker(form, result) {
    var phaseSelect = form.querySelector("#q-phase-select");
    var place = form.querySelector("#q-place-select");
    var sector = form.querySelector("#q-sector-select");
    var questions = Array.prototype.slice.call(form.querySelectorAll("[data-phases]"));

    function area() { return place.value.split(":")[0]; }
    function inGuangdong() { return area() === "pearl-river-delta" || area() === "other-guangdong"; }

    // A question is asked if the chosen phase's rules ask it and, for the
    // connection with the factory, if the factory's place makes it matter.
    function asked(node) {
      if (node.getAttribute("data-phases").split(" ").indexOf(phaseSelect.value) < 0) return false;
      if (node.id === "q-connection") return inGuangdong();
      if (node.id === "q-hk-kind") return place.value === "hong-kong";
      return true;
    }
    function showAsked() {
      questions.forEach(function (node) { node.hidden = !asked(node); });
    }
    phaseSelect.addEventListener("change", function () { showAsked(); result.textContent = ""; });
    place.addEventListener("change", showAsked);
    showAsked();
    form.hidden = false;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      result.textContent = "";
      var answers = {};
      var firstMissing = null;
      questions.forEach(function (node) {
        var name = node.id.slice(2);
        var select = node.querySelector("select");
        var errorNode = node.querySelector(".field-error");
        if (!asked(node)) {
          showError(select || node, errorNode, "");
          return;
        }
        answers[name] = select ? select.value : answerOf(form, name);
        showError(select || node, errorNode, answers[name] ? "" : labels["elig.error.unanswered"]);
        if (!answers[name] && !firstMissing) firstMissing = select || node.querySelector("input");
      });
      if (firstMissing) {
        firstMissing.focus();
        return;
      }
      var phase = phaseOf(phaseSelect.value);
      var who = phase.who;
      var unmet = [];
      var unsure = [];
      var notConfirmed = [];
      var notes = [];
      var workshopOnly = false;

      if (answers.business === "no") unmet.push(labels["elig.reason.business"]);
      if (answers.business === "unsure") unsure.push(labels["elig.reason.business"]);

      if (answers.place === "elsewhere") {
        unmet.push(labels["elig.reason.elsewhere"]);
      } else if (inGuangdong()) {
        if (phase.areaCode === "pearl-river-delta" && area() !== "pearl-river-delta") {
          unmet.push(fill(labels["elig.reason.area"], { area: phase.area }));
        } else if (who.guangdong === "not-confirmed") {
          notConfirmed.push(phase.area ? fill(labels["elig.reason.connection.not-stated"], { area: phase.area }) : labels["elig.reason.not-stated"]);
        } else {
          var reason = labels[who.guangdong === "four-connections" ? "elig.reason.connection" : "elig.reason.hong-kong-owned"];
          if (answers.connection === "none") unmet.push(reason);
          if (answers.connection === "unsure") unsure.push(reason);
        }
      } else {  // Hong Kong
        var kind = answers["hk-kind"];
        var status = kind === "factory" ? who["hong-kong-factory"] : who["hong-kong-workshop"];
        if (kind === "none") unmet.push(labels["elig.reason.hk-none"]);
        else if (status === "no") unmet.push(phase.area ? fill(labels["elig.reason.area"], { area: phase.area }) : labels["elig.reason.elsewhere"]);
        else if (status === "not-confirmed") notConfirmed.push(labels["elig.reason.hong-kong-" + kind]);
        else if (status === "demonstration-only") workshopOnly = true;
      }

      if (answers.sector === "other") {
        if (who.sectors === "target-only") unmet.push(fill(labels["elig.reason.sector"], { count: data.sectorCount }));
        else if (who.sectors === "priority") notes.push(fill(labels[phase.current ? "elig.case-by-case" : "elig.past.case-by-case"], { count: data.sectorCount, approved_by: phase.approvedBy }));
        else notes.push(labels["elig.sectors.not-stated"]);
      }

      var tense = phase.current ? "elig." : "elig.past.";
      if (!phase.current) result.appendChild(element("p", fill(labels["elig.past"], { phase: phase.title, current: inForce.title }), "tool-result__note"));
      if (unmet.length) {
        result.appendChild(element("p", fill(labels[tense + "not-eligible"], { phase: phase.title })));
        result.appendChild(list(unmet));
      } else if (notConfirmed.length) {
        result.appendChild(element("p", fill(labels[tense + "not-confirmed"], { phase: phase.title, phone: labels["contact.phone"] })));
        result.appendChild(list(notConfirmed));
      } else {
        var open = [];
        var closed = [];
        phase.measures.forEach(function (m) {
          if (m.forAssociations) {
            closed.push(fill(labels["elig.measure"], { measure: m.name, text: labels["elig.reason.associations"] }));
            return;
          }
          if (workshopOnly && m.measure.indexOf("demonstration") !== 0) {
            closed.push(fill(labels["elig.measure"], { measure: m.name, text: labels["elig.reason.workshop-demonstration"] }));
            return;
          }
          var answer = m.requires ? answers[m.requires] : "yes";
          if (answer === "no") {
            closed.push(fill(labels["elig.measure"], { measure: m.name, text: labels["elig.reason." + m.requires] }));
            return;
          }
          if (answer === "unsure") unsure.push(labels["elig.reason." + m.requires]);
          open.push(measureLine(m, answers["hk-technology"]));
        });
        if (open.length) {
          result.appendChild(element("p", fill(labels[tense + (unsure.length ? "open.unsure" : "open")], { phase: phase.title })));
          result.appendChild(list(open));
          if (unsure.length) {
            result.appendChild(element("p", labels[tense + "unsure.check"]));
            result.appendChild(list(unsure));
          }
        } else {
          result.appendChild(element("p", fill(labels[tense + "not-eligible"], { phase: phase.title })));
        }
        if (closed.length) {
          result.appendChild(element("p", labels[tense + "closed"]));
          result.appendChild(list(closed));
        }
        notes.forEach(function (note) { result.appendChild(element("p", note, "tool-result__note")); });
        if (phase.current) result.appendChild(element("p", labels["elig.next"]));
      }
      result.appendChild(element("p", fill(labels[tense + "decided"], { approved_by: phase.approvedBy }), "tool-result__note"));
      result.appendChild(applyLine(phase));
    });
  }

  var checker = document.querySelector("[data-checker]");
  if (checker) setUpChecker(checker, document.querySelector("[data-checker-result]"));
  var calculator = document.querySelector("[data-calculator]");
  if (calculator) setUpCalculator(calculator, document.querySelector("[data-calculator-result]"));
})();
