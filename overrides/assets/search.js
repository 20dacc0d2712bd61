// The search page: loads Pagefind's interface and the index for this page's
// language only when the page is opened, runs the query from ?q=, and keeps
// ?q= to the query the reader types.
//
// Chinese pages are indexed in Simplified characters, with each run of
// Chinese characters written as its overlapping pairs (see
// scripts/cleanprod/publish/search_index.py): on those pages the query is converted
// with the language's character table, beside the page, and turned into pairs
// in the same way. Each result shows its title from the page's record and,
// as in English, the matching passage and the sections that match, each
// linked: their pairs of letters are read back as characters, in the page's
// own characters (`readable`). In every language, a word the site does not use is read as
// the site's word for it (補貼 as 資助: docs/_data/search-words.yml), which
// a line under the results line names, and a question word that pages do
// not hold is left out (有甚麼資助 as 資助).
// The table and the words are in search/query.json, beside the page.
//
// Pagefind shows only pages that hold every word of the query that some page
// holds, so 廢水處理 finds nothing where 廢水 and 處理 are on different pages.
// When a query finds nothing, the page offers the shorter queries within it
// that find something (廢水、處理): fewer words, or fewer characters.
(function () {
  "use strict";
  var target = document.getElementById("search-ui");
  if (!target) return;
  var bundle = new URL("../pagefind/", window.location.href).href; // this language's bundle
  var lang = document.documentElement.lang;
  var chinese = lang === "zh-Hant" || lang === "zh-Hans";
  var han = /[\u3400-\u9fff\uf900-\ufaff]/g;
  var hanRun = new RegExp(han.source + "+", "g");
  var labels = JSON.parse(document.currentScript.dataset.labels); // the site's words for Pagefind's interface
  var tryShorter = labels.try_shorter; // and for the line offering shorter queries
  var searchedAs = labels.searched_as; // and for the line naming the site's words searched for
  delete labels.try_shorter;
  delete labels.searched_as;
  var shorterMost = 3; // queries offered
  var shorterTried = 40; // queries tried, at most, before giving up

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  // As search_index.pairs: each run of Chinese characters as its overlapping
  // pairs, each pair one word of letters (节能 → iciciapn), a character alone
  // as its own four letters, which Pagefind matches as the start of every
  // word that begins with that character (the index ends a lone character
  // with "z", so that it never stands for a pair the query asks for).
  function letters(c) {
    return ("000" + c.charCodeAt(0).toString(16)).slice(-4).replace(/./g, function (d) {
      return "abcdefghijklmnop".charAt(parseInt(d, 16));
    });
  }
  function pairs(text) {
    return text.replace(hanRun, function (run) {
      var chars = run.split("").map(letters);
      var words = [];
      for (var i = 0; i + 1 < chars.length; i++) words.push(chars[i] + chars[i + 1]);
      return " " + (words.length ? words : chars).join(" ") + " ";
    });
  }

  // A passage of a Chinese index (an excerpt, or a section's heading) as
  // a reader reads it: each run of overlapping pairs of letters back as its
  // characters (iciciapn icicgfln → 节能计划), a lone character (gfofz) as
  // itself, a marked pair's characters marked, in the page's characters
  // (`originals`, from search_index.originals: 资 as 資 on the zh-Hant page).
  function readable(html, originals) {
    var back = originals.characters || {};
    var backPairs = originals.pairs || {};
    function character(code) {
      return String.fromCharCode(parseInt(code.replace(/./g, function (l) { return (l.charCodeAt(0) - 97).toString(16); }), 16));
    }
    var tokens = html.replace(/\s+<\/mark>/g, "</mark> ").split(/\s+/);
    var out = []; // strings, and runs: [{c, marked}]
    var run = null;
    tokens.forEach(function (token) {
      var found = /^(<mark>)?([a-p]{8}|[a-p]{4}z)(<\/mark>)?$/.exec(token);
      if (!found) {
        if (token) out.push(token);
        run = null;
        return;
      }
      var marked = Boolean(found[1] || found[3]);
      var first = character(found[2].slice(0, 4));
      if (found[2].length === 5) {
        out.push([{ c: first, marked: marked }]);
        run = null;
        return;
      }
      var second = character(found[2].slice(4));
      if (run && run[run.length - 1].c === first) {
        run[run.length - 1].marked = run[run.length - 1].marked || marked;
      } else {
        run = [{ c: first, marked: marked }];
        out.push(run);
      }
      run.push({ c: second, marked: marked });
    });
    var text = "";
    var punctuation = /^[\u3000-\u303f\uff00-\uffef]/;
    out.forEach(function (part, i) {
      var piece;
      if (typeof part === "string") {
        piece = part;
      } else {
        var chars = part.map(function (p) { return back[p.c] || p.c; });
        part.forEach(function (p, j) {
          var pair = j + 1 < part.length && backPairs[p.c + part[j + 1].c];
          if (pair) { chars[j] = pair.charAt(0); chars[j + 1] = pair.charAt(1); }
        });
        piece = "";
        part.forEach(function (p, j) {
          var open = p.marked && !(j && part[j - 1].marked);
          var close = p.marked && !(j + 1 < part.length && part[j + 1].marked);
          piece += (open ? "<mark>" : "") + chars[j] + (close ? "</mark>" : "");
        });
      }
      // Two runs stood apart in the page (in neighbouring cells, or lines),
      // as did a run and a figure; no space beside Chinese punctuation.
      text += (i && !punctuation.test(piece) && !punctuation.test(text.slice(-1)) ? " " : "") + piece;
    });
    return text;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The query with each word the site does not use replaced by the site's
  // word, or left out (a question word, whose word is ""): anywhere in
  // Chinese, which has no spaces; as a whole word, in any case, elsewhere. A
  // query of question words alone is searched as it is.
  function siteWords(words) {
    var found = Object.keys(words).sort(function (a, b) { return b.length - a.length; });
    var pattern = found.map(escapeRegExp).join("|");
    var any = found.length ? new RegExp(chinese ? pattern : "\\b(?:" + pattern + ")\\b", "gi") : null; // none, if query.json could not be read
    function replace(text) {
      var replaced = any ? text.replace(any, function (word) { return words[word.toLowerCase()]; }) : text;
      return replaced.trim() ? replaced : text;
    }
    replace.found = function (text) { // the reader's words in `text` that replace changes
      return ((any && text.match(any)) || []).map(function (word) { return word.toLowerCase(); });
    };
    // The query as searched, in the reader's own characters: `typed` with
    // each word replace changes in `converted` (typed, each character
    // converted on its own, so at the same places) replaced by the site's
    // word as the page writes it (`shown`), or left out.
    replace.shown = function (typed, converted, shown) {
      if (!any || !replace(converted).trim()) return typed;
      var text = "";
      var last = 0;
      converted.replace(any, function (word, at) {
        text += typed.slice(last, at) + (shown[word.toLowerCase()] || "");
        last = at + word.length;
      });
      return (text + typed.slice(last)).replace(/\s+/g, " ").trim() || typed;
    };
    return replace;
  }

  // Under the results line, when the query held words the site does not use:
  // the site's words searched for instead, which the results hold (補貼 →
  // 資助), in the page's script (`shown`); and the results line names the
  // query as searched (找到 8 個 紡織 的相關結果, for 印染), not as typed
  // (`searched`). Pagefind's interface draws the results line again at each
  // search, so the line is put back under it, and the query in it replaced.
  function noteSiteWords(found, shown, searched) {
    var note = document.createElement("p");
    note.className = "search-site-words";
    note.setAttribute("aria-live", "polite");
    var typed = "";
    var written = null; // the results line as last corrected here
    new MutationObserver(function () {
      var message = target.querySelector(".pagefind-ui__message");
      if (!message) return;
      if (message.nextElementSibling !== note) message.after(note);
      var term = typed.trim();
      var as = searched(term);
      if (message.textContent === written || as === term) return;
      // in the text node the interface keeps, which it writes the next search's line into
      Array.prototype.forEach.call(message.childNodes, function (text) {
        if (text.nodeType === Node.TEXT_NODE && text.data.indexOf(term) >= 0) text.data = text.data.replace(term, as);
      });
      written = message.textContent;
    }).observe(target, { childList: true, subtree: true, characterData: true });
    return function (query) {
      typed = query;
      var words = [];
      found(query).forEach(function (word) {
        if (shown[word] && words.indexOf(shown[word]) < 0) words.push(shown[word]);
      });
      note.textContent = words.length ? searchedAs + (chinese ? "" : " ") + words.join(chinese ? "、" : ", ") : "";
    };
  }

  // The queries within `query`, longer first: its words in order, leaving
  // out words at either end (privacy policy, from dyeing privacy policy); then
  // each run of four, three and two Chinese characters within a longer run
  // (Chinese has no spaces, and its words are mostly two to four characters
  // long).
  function shorterQueries(query) {
    var whole = query.trim();
    var words = whole.split(/\s+/);
    var found = [];
    function add(text) {
      if (text !== whole && found.indexOf(text) < 0) found.push(text);
    }
    for (var count = words.length - 1; count >= 1; count--) {
      for (var first = 0; first + count <= words.length; first++) add(words.slice(first, first + count).join(" "));
    }
    words.forEach(function (word) {
      (word.match(hanRun) || []).forEach(function (run) {
        for (var size = Math.min(run.length - 1, 4); size >= 2; size--) {
          for (var i = 0; i + size <= run.length; i++) add(run.slice(i, i + size));
        }
      });
    });
    return found.slice(0, shorterTried);
  }

  // Below the results, when the query finds nothing: up to `shorterMost`
  // shorter queries that find something, each a link to its results. A
  // query is offered only if each of its words (each pair of characters, in
  // Chinese) is on some page, as Pagefind leaves out a word that is on none:
  // 廢水處 would find the pages with 廢水. One that is part of a query
  // already offered is left out.
  function offerShorter(processTerm) {
    var line = document.createElement("p");
    line.className = "search-shorter";
    line.setAttribute("aria-live", "polite");
    target.after(line);
    var pagefind = import(bundle + "pagefind.js"); // the module the interface uses
    var counted = {};
    var latest = 0;

    function finds(term) {
      if (!(term in counted)) {
        counted[term] = pagefind
          .then(function (module) { return module.search(term); })
          .then(function (search) { return search.results.length > 0; });
      }
      return counted[term];
    }

    async function holds(query) {
      var term = processTerm(query);
      var words = term.split(/\s+/);
      for (var word of words.length > 1 ? words : []) if (!(await finds(word))) return false;
      return finds(term);
    }

    // The line says, in data-query, which query it is complete for: a
    // reader's program (and the tests) can tell "nothing to offer" from "not
    // yet".
    async function offer(query) {
      var asked = ++latest;
      line.removeAttribute("data-query");
      await fill(query, asked);
      if (asked === latest) line.dataset.query = query;
    }

    async function fill(query, asked) {
      line.textContent = "";
      if (!query.trim() || await finds(processTerm(query))) return;
      var offered = [];
      for (var shorter of shorterQueries(query)) {
        if (asked !== latest || offered.length === shorterMost) break;
        var within = offered.some(function (longer) {
          return chinese ? longer.indexOf(shorter) >= 0 : (" " + longer + " ").indexOf(" " + shorter + " ") >= 0;
        });
        if (!within && await holds(shorter)) offered.push(shorter);
      }
      if (asked !== latest || !offered.length) return;
      line.append(tryShorter + (chinese ? "" : " "));
      offered.forEach(function (shorter, i) {
        var link = document.createElement("a");
        link.href = "?q=" + encodeURIComponent(shorter);
        link.textContent = shorter;
        if (i) line.append(chinese ? "、" : ", ");
        line.append(link);
      });
    }
    return offer;
  }

  // Pagefind's search box is named only by its placeholder and title, which
  // vanish as the reader types (axe: label-title-only): a visible label
  // above it names it, in the page's language.
  function labelSearchBox() {
    var input = target.querySelector(".pagefind-ui__search-input");
    if (!input) return;
    var label = document.createElement("label");
    input.id = "search-page-q";
    label.htmlFor = input.id;
    label.className = "search-page-label";
    label.textContent = labels.search_label;
    input.removeAttribute("title");
    input.closest("form").before(label);
  }

  // The page's address names the query shown (?q=), once the reader stops
  // typing: a reload, Back from a result, or the address shared brings this
  // query again, not the one the page was opened with. The entry is
  // replaced, not added, so Back leaves the search page.
  function remember(typed) {
    var address = new URL(window.location.href);
    if (typed.trim()) address.searchParams.set("q", typed);
    else address.searchParams.delete("q");
    history.replaceState(history.state, "", address);
  }

  function start(query) {
    var table = query.characters || {};
    var replace = siteWords(query.words || {});
    var options = {
      element: "#search-ui",
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      translations: labels,
      // A long page that explains a topic is not outranked by a short one
      // that mentions it; nor by an example event or case whose title names
      // it (textiles): the boost Pagefind gives a word in a page's title
      // goes to the titles of the pages that explain a topic (the "topic"
      // search_index.py marks), not to every title.
      ranking: { pageLength: 0, metaWeights: { title: 0, topic: 5 } },
      processResult: function (result) {
        delete result.meta.topic; // or the interface shows it, as a tag
        return result;
      },
    };
    // Letters and digits typed in full width (ＣＳＶ, ２０１１), as a Chinese
    // keyboard may, are read as the pages write them (CSV, 2011).
    function characters(term) {
      term = term.normalize("NFKC");
      return chinese ? term.replace(han, function (c) { return table[c] || c; }) : term;
    }
    function processTerm(term) {
      var replaced = replace(characters(term));
      return chinese ? pairs(replaced).trim() : replaced;
    }
    options.processTerm = processTerm; // which the interface takes out of options
    if (chinese) {
      var originals = query.originals || {};
      options.excerptLength = 40; // words: here pairs of characters, a character each
      var shared = options.processResult;
      options.processResult = function (result) {
        shared(result);
        result.excerpt = readable(result.excerpt, originals) || escapeHtml(result.meta.excerpt || "");
        delete result.meta.excerpt; // or the interface shows it again, as a tag
        result.sub_results.forEach(function (section) {
          section.title = readable(section.title, originals).replace(/<\/?mark>/g, ""); // shown as text
          section.excerpt = readable(section.excerpt, originals);
        });
        return result;
      };
    }
    var search = new window.PagefindUI(options);
    labelSearchBox();
    var offer = offerShorter(processTerm);
    var shown = query.shown || {};
    var note = noteSiteWords(
      function (term) { return replace.found(characters(term)); },
      shown,
      function (term) { var typed = term.normalize("NFKC"); return replace.shown(typed, characters(typed), shown); }
    );
    var waiting;
    function changed(typed) {
      clearTimeout(waiting);
      note(typed);
      waiting = setTimeout(function () {
        remember(typed);
        offer(typed);
      }, 300);
    }
    target.addEventListener("input", function (event) {
      changed(event.target.value);
    });
    // Pagefind's clear button empties the box without an input event.
    target.addEventListener("click", function (event) {
      if (event.target.closest(".pagefind-ui__search-clear")) changed("");
    });
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) {
      search.triggerSearch(asked);
      note(asked);
      offer(asked);
    }
  }

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);

  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-ui.js";
  ui.onload = function () {
    fetch(new URL("query.json", window.location.href))
      .then(function (response) { return response.json(); })
      .then(start, function () { start({}); });
  };
  document.head.appendChild(ui);
})();
