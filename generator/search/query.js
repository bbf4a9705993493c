/*
 * Baozhai search: the query layer in front of the site engine's search worker
 * (generator/engine/worker.js hands it Material's messages).
 *
 * Material's index splits Chinese into jieba words and matches query words
 * as prefixes, OR-ed: a query inside a word finds nothing, and pages holding
 * only part of a query come back. Baozhai's build adds to every document an
 * "alt" field: its text in Simplified script (the Simplified twin for the
 * Traditional edition), cut into single Han characters and Latin/digit runs,
 * plus toneless pinyin for glossary terms; and an "exact" field holding the
 * whole title as one token. This layer rewrites each query before the
 * engine's worker (Lunr.js, in Material's) sees it:
 *
 *   1. NFKC, lower case, Traditional → Simplified with opencc-js, twice:
 *      character forms only ("tw") and with Taiwan vocabulary ("twp", so
 *      人工智慧 → 人工智能); each form is searched, the results merged;
 *   2. every Han character becomes a required clause (+新 +质 …) and every
 *      Latin/digit run a required prefix (+ai*), so all of the query must be
 *      in a page; the whole query, hex-encoded, is an optional exact-title
 *      clause (boosted), so a glossary term's own page ranks first;
 *   3. results whose Simplified text does not contain the query as one run
 *      are dropped, matches are marked in the snippets, and the terms are
 *      reported as the reader typed them (for Material's on-page highlight).
 *
 * Matching and ranking stay Material's (Lunr.js); nothing leaves the page.
 */
(function (scope) {
  "use strict";
  /* written by the build before this script (generator.engine.search.worker_script) */
  var ARTICLES = scope.baozhaiSearch.articles;  /* where article pages live: "articles/" */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[0-9a-z]+/g;
  var convert = {
    tw: scope.OpenCC.Converter({ from: "tw", to: "cn" }),
    twp: scope.OpenCC.Converter({ from: "twp", to: "cn" })
  };

  function normalise(text, form) {
    return convert[form](text.normalize("NFKC").toLowerCase());
  }

  function tokens(text) {
    return text.match(TOKEN) || [];
  }

  function hex(text) {
    var out = "x";
    for (var i = 0; i < text.length; i++)
      out += ("0000" + text.charCodeAt(i).toString(16)).slice(-4);
    return out;
  }

  /* The lunr query for one normalised form of the reader's query */
  function rewrite(form) {
    var parts = tokens(form);
    if (!parts.length)
      return null;
    var clauses = parts.map(function (t) { return HAN.test(t) ? "+" + t : "+" + t + "*"; });
    clauses.push(hex(parts.join("")) + "^10");
    return clauses.join(" ");
  }

  /* A document's "alt" field when the build did not write it (the Simplified edition):
     title and text cut into single Han characters and Latin/digit runs, then the
     term page's pinyin, as generator/search/index.py's alt_tokens does */
  function altTokens(doc) {
    var words = [doc.title, doc.text].map(function (field) {
      var plainText = decode(String(field || "").replace(/<[^>]*>/g, " ")).replace(/\u200b/g, "");
      return tokens(plainText.normalize("NFKC").toLowerCase()).join(" ");
    });
    words.push(doc.pinyin || "");
    return words.filter(function (w) { return w; }).join(" ");
  }

  function plain(html) {
    return String(html || "").replace(/<[^>]*>/g, "");
  }

  function joined(doc) {
    return tokens(plain(doc.alt)).join("");
  }

  /* ---- Result text: built from the index's text, escaped, then marked ---- */

  var ENTITY = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

  /* An index field (HTML as Material's parser wrote it) as the text a reader sees:
     footnote numbers (<sup>) dropped, tags removed, entities decoded, zero-width
     spaces dropped, white space collapsed. */
  function decode(html) {
    return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, name) {
      if (name[0] === "#")
        return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1));
      return ENTITY.hasOwnProperty(name) ? ENTITY[name] : all;
    });
  }

  function text(html) {
    return decode(String(html || "")
      .replace(/<sup>[\s\S]*?<\/sup>/g, "")
      .replace(/<[^>]*>/g, " "))
      .replace(/\u200b/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  function escape(raw) {
    return raw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  /* One character as the matcher compares it: NFKD without accents (pinyin tone
     marks), lower case, Traditional → Simplified; itself if that is not one character */
  var folded = {};
  function fold(c) {
    if (!folded.hasOwnProperty(c)) {
      var f = convert.tw(c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFKC").toLowerCase());
      folded[c] = f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    }
    return folded[c];
  }

  /* Where the needles occur in raw: [start, end) ranges, in order, not overlapping.
     Only token characters (Han, Latin, digits) are compared, as the filter does;
     each character is folded alone, and the whole text is also converted with
     Taiwan phrases (人工智慧 → 人工智能) where that keeps its length. */
  function matches(raw, needles) {
    var chars = [], at = [];
    for (var i = 0; i < raw.length; i++) {
      var c = fold(raw[i]);
      if (HAN.test(c) || /[0-9a-z]/.test(c)) {
        chars.push(c);
        at.push(i);
      }
    }
    var flats = [chars.join("")];
    var phrased = convert.twp(flats[0]);
    if (phrased.length === flats[0].length && phrased !== flats[0])
      flats.push(phrased);
    var ranges = [];
    flats.forEach(function (flat) {
      needles.forEach(function (needle) {
        if (!needle) return;
        var latin = /^[0-9a-z]/.test(needle);
        for (var k = flat.indexOf(needle); k >= 0; k = flat.indexOf(needle, k + 1)) {
          /* a Latin or digit run is matched from its start, as the index's prefix search does */
          if (latin && at[k] > 0 && /[0-9a-z]/.test(fold(raw[at[k] - 1])))
            continue;
          ranges.push([at[k], at[k + needle.length - 1] + 1]);
        }
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = [];
    ranges.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
      else out.push(r.slice());
    });
    return out;
  }

  /* raw[from, to) escaped, with every range inside it in <mark> */
  function marked(raw, ranges, from, to) {
    var out = "", pos = from;
    ranges.forEach(function (r) {
      if (r[0] < from || r[1] > to) return;
      out += escape(raw.slice(pos, r[0])) + "<mark>" + escape(raw.slice(r[0], r[1])) + "</mark>";
      pos = r[1];
    });
    return out + escape(raw.slice(pos, to));
  }

  var SNIPPET = 100, WHOLE = 120;  /* characters around the best match; shorter texts whole */

  /* A snippet of raw centred on its first match: SNIPPET characters, with … where cut */
  function snippet(raw, ranges) {
    if (raw.length <= WHOLE || !ranges.length)
      return marked(raw, ranges, 0, Math.min(raw.length, WHOLE)) + (raw.length > WHOLE ? "…" : "");
    var first = ranges[0];
    var from = Math.max(0, Math.round((first[0] + first[1] - SNIPPET) / 2));
    var to = Math.min(raw.length, from + SNIPPET);
    from = Math.max(0, to - SNIPPET);
    return (from > 0 ? "…" : "") + marked(raw, ranges, from, to) + (to < raw.length ? "…" : "");
  }

  function count(text, needle) {
    var n = 0;
    for (var at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  var SECTIONS = 3;  /* matching sections listed under a page besides its snippet */

  /* Keep what holds the query, one result per page, and rank: exact title (a
     glossary term's page) first, then pages whose title holds the query, then
     articles before glossary and browse pages, then by how often the page uses
     it, then Lunr's score. A page's result is its title and a snippet from its
     best section (most uses, then first), then up to SECTIONS other matching
     sections with theirs; a glossary term's page shows term, pinyin and gloss on
     one line, and a snippet only when the query is elsewhere on the page. docs: location → the document as indexed. */
  function merge(results, typed, forms, docs) {
    var needles = forms.map(function (f) { return tokens(f).join(""); })
      .filter(function (n, i, all) { return n && all.indexOf(n) === i; });
    var exact = needles.map(hex);
    var pages = {}, order = [], terms = {};
    terms[typed] = true;
    results.forEach(function (result) {
      (result.items || []).forEach(function (group) {
        group.forEach(function (item) {
          var doc = docs[item.location] || item;
          var alt = joined(doc);
          var uses = Math.max.apply(null, needles.map(function (n) { return count(alt, n); }));
          var path = item.location.split("#")[0];
          var page = pages[path];
          if (!page) {
            page = pages[path] = { path: path, found: {}, hits: [], score: item.score,
                                   rank: { exact: 0, title: 0, article: path.indexOf(ARTICLES) === 0 ? 1 : 0,
                                           uses: 0, score: item.score } };
            order.push(page);
          }
          if (!uses || page.found[item.location]) return;
          page.found[item.location] = true;
          page.hits.push({ location: item.location, doc: doc, uses: uses });
          page.rank.uses += uses;
          page.rank.score = Math.max(page.rank.score, item.score);
          if (exact.indexOf(doc.exact) >= 0) page.rank.exact = 1;
          if (item.location === path) {
            var title = tokens(normalise(plain(doc.title), "twp")).join("");
            page.rank.title = needles.some(function (n) { return title.indexOf(n) >= 0; }) ? 1 : 0;
          }
        });
      });
    });
    var kept = order.filter(function (page) { return page.hits.length; });
    kept.sort(function (a, b) {
      var x = a.rank, y = b.rank;
      return (y.exact - x.exact) || (y.title - x.title) || (y.article - x.article) || (y.uses - x.uses) ||
        (y.score - x.score) || (a.path < b.path ? -1 : 1);
    });
    var items = kept.map(function (page) { return render(page, needles, terms); });
    var suggest = suggestion(items, typed);
    return suggest ? { items: items, suggest: suggest } : { items: items };

    function render(page, needles, terms) {
      var head = docs[page.path] || page.hits[0].doc;
      var hits = page.hits.slice().sort(function (a, b) {
        return (b.uses - a.uses) || (position(a.location) - position(b.location));
      });
      var title = text(head.title);
      var item = { location: page.path, title: marked(title, matches(title, needles), 0, title.length),
                   text: "", score: 1, terms: terms };
      var shown = matches(title, needles).length;
      if (head.line) {
        var line = head.line.join(" · "), inLine = matches(line, needles);
        item.title += " <span class=\"bz-search-line\">" + marked(line, inLine, 0, line.length) + "</span>";
        shown += inLine.length;
      }
      if (!head.line || !shown) {
        /* a term page's own text: its paragraphs (not the pinyin, gloss, category shown above) */
        var best = text(head.line && hits[0].doc === docs[page.path] ?
          (hits[0].doc.text.match(/<p>[\s\S]*?<\/p>/g) || []).join(" ") : hits[0].doc.text);
        if (!best && hits[0].location !== page.path) best = text(hits[0].doc.title);
        item.text = best ? "<p>" + snippet(best, matches(best, needles)) + "</p>" : "";
      }
      var sections = hits.filter(function (hit) { return hit.location !== page.path && hit !== hits[0]; })
        .slice(0, SECTIONS).map(function (hit) {
          var heading = text(hit.doc.title), body = text(hit.doc.text);
          return { location: hit.location, title: marked(heading, matches(heading, needles), 0, heading.length),
                   text: body ? "<p>" + snippet(body, matches(body, needles)) + "</p>" : "", score: 0,
                   terms: terms };
        });
      return [item].concat(sections);
    }

    function position(location) {
      return docs[location] && docs[location].position !== undefined ? docs[location].position : Infinity;
    }
  }

  /* Offer the title of the best result when it continues what was typed */
  function suggestion(groups, typed) {
    for (var g = 0; g < groups.length; g++) {
      var title = text(groups[g][0].title.replace(/<span class="bz-search-line">[\s\S]*$/, ""));
      if (title.length > typed.length && title.indexOf(typed) === 0)
        return [title];
    }
    return undefined;
  }

  /* What Pagefind looks up for one normalised form (the hosted site; engine/worker.js).
     The build cut the documents into words (generator/search/index.py pagefind_words):
     each run of Han characters as its overlapping pairs, then its last character alone,
     each Latin/digit run as it is. The query is cut the same way, except that a run
     at its end keeps no lone last character (the page's run may go on):
     {words, phrase, chain}. Pagefind requires every word, each as a prefix, and scores
     the pages. When the query ends in a pair, "phrase" is true: only the pages holding
     the query as one run are kept. When the query is one run of Han characters (two or
     more), "chain" is its number of pairs: a page holds the run where that many of the
     words' locations follow one another (holdsChain; a pair is a whole word, and every
     run of a page ends in a lone character, so such a chain stays inside one run), read
     from the scored search's own results; otherwise (0) the words are searched again as
     an exact phrase (in this order, one after another), unscored. */
  function pagefindTerms(form) {
    var words = [], run = [], parts = tokens(form), last = "";
    function flush(end) {
      for (var i = 0; i + 1 < run.length; i++) words.push(run[i] + run[i + 1]);
      if (run.length && (!end || run.length === 1)) words.push(run[run.length - 1]);
      if (run.length) last = run.length > 1 && end ? "pair" : "prefix";
      run = [];
    }
    parts.forEach(function (t) {
      if (HAN.test(t)) return run.push(t);
      flush(false);
      words.push(t);
      last = "prefix";
    });
    var one = parts.length > 1 && parts.every(function (t) { return HAN.test(t); });
    flush(true);
    return { words: words.join(" "), phrase: last === "pair", chain: one ? words.length : 0 };
  }

  /* Whether ``length`` of the word locations (a Pagefind result's "words": where its
     matched words are in the page, in any order) follow one another */
  function holdsChain(locations, length) {
    var at = {};
    locations.forEach(function (l) { at[l] = true; });
    return locations.some(function (l) {
      for (var k = 1; k < length; k++)
        if (!at[l + k]) return false;
      return true;
    });
  }

  /* The query's whole-title token (the documents' "exact"), for one normalised form */
  function exactTerm(form) {
    return hex(tokens(form).join(""));
  }

  /* The query's normalised forms, each searched on its own (duplicates and forms
     without a token dropped) */
  function forms(typed) {
    return [normalise(typed, "tw"), normalise(typed, "twp")]
      .filter(function (f, i, all) { return rewrite(f) && all.indexOf(f) === i; });
  }

  scope.baozhaiQuery = { forms: forms, rewrite: rewrite, merge: merge, altTokens: altTokens,
                         pagefindTerms: pagefindTerms, holdsChain: holdsChain, exactTerm: exactTerm };
})(self);
