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

  function plain(html) {
    return String(html || "").replace(/<[^>]*>/g, "");
  }

  function joined(doc) {
    return tokens(plain(doc.alt)).join("");
  }

  /* Wrap each occurrence of the query (as typed or normalised) in <mark> */
  function mark(html, needles) {
    var text = plain(html);
    if (!text)
      return html;
    var clean = String(html).replace(/<\/?mark>/g, "");
    var chars = [], index = [];
    for (var i = 0, inTag = false; i < clean.length; i++) {
      var c = clean[i];
      if (c === "<") inTag = true;
      if (!inTag && c !== "\u200b") {
        chars.push(normalise(c, "tw"));
        index.push(i);
      }
      if (c === ">") inTag = false;
    }
    var flat = chars.join(""), ranges = [];
    needles.forEach(function (needle) {
      if (!needle) return;
      for (var at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + needle.length))
        ranges.push([index[at], index[at + needle.length - 1] + 1]);
    });
    ranges.sort(function (a, b) { return b[0] - a[0]; });
    var out = clean, last = Infinity;
    ranges.forEach(function (r) {
      if (r[1] > last) return;
      var inner = out.slice(r[0], r[1]).replace(/<[^>]*>/g, "");
      out = out.slice(0, r[0]) + "<mark>" + inner + "</mark>" + out.slice(r[1]);
      last = r[0];
    });
    return out;
  }

  function count(text, needle) {
    var n = 0;
    for (var at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  /* Keep what holds the query, merge the results of both forms, and rank:
     exact title (a glossary term's page) first, then pages whose title holds
     the query, then articles before glossary and browse pages, then by how
     often the page uses it, then Lunr's score. */
  function merge(results, typed, forms) {
    var needles = forms.map(function (f) { return tokens(f).join(""); });
    var exact = needles.map(hex);
    var seen = {}, groups = [], terms = {};
    terms[typed] = true;
    results.forEach(function (result) {
      (result.items || []).forEach(function (group) {
        var rank = { exact: 0, title: 0, article: 0, uses: 0, score: group[0].score };
        var kept = group.filter(function (item) {
          var text = joined(item);
          var hits = needles.map(function (n) { return n ? count(text, n) : 0; });
          var uses = Math.max.apply(null, hits);
          if (!uses || seen[item.location]) return false;
          seen[item.location] = true;
          rank.uses += uses;
          rank.exact = Math.max(rank.exact, exact.indexOf(item.exact) >= 0 ? 1 : 0);
          rank.article = item.location.indexOf(ARTICLES) === 0 ? 1 : 0;
          if (item.location.indexOf("#") < 0) {
            var title = tokens(normalise(plain(item.title), "twp")).join("");
            rank.title = needles.some(function (n) { return n && title.indexOf(n) >= 0; }) ? 1 : 0;
          }
          item.terms = terms;
          item.title = mark(item.title, [typed].concat(needles));
          item.text = mark(item.text, [typed].concat(needles));
          return true;
        });
        if (kept.length)
          groups.push({ items: kept, rank: rank });
      });
    });
    groups.sort(function (a, b) {
      var x = a.rank, y = b.rank;
      return (y.exact - x.exact) || (y.title - x.title) || (y.article - x.article) || (y.uses - x.uses) ||
        (y.score - x.score) ||
        (a.items[0].location < b.items[0].location ? -1 : 1);
    });
    var items = groups.map(function (g) { return g.items; });
    var suggest = suggestion(items, typed);
    return suggest ? { items: items, suggest: suggest } : { items: items };
  }

  /* Offer the title of the best result when it continues what was typed */
  function suggestion(groups, typed) {
    for (var g = 0; g < groups.length; g++) {
      var title = plain(groups[g][0].title).replace(/\u200b/g, "");
      if (title.length > typed.length && title.indexOf(typed) === 0)
        return [title];
    }
    return undefined;
  }

  /* The query's normalised forms, each searched on its own (duplicates and forms
     without a token dropped) */
  function forms(typed) {
    return [normalise(typed, "tw"), normalise(typed, "twp")]
      .filter(function (f, i, all) { return rewrite(f) && all.indexOf(f) === i; });
  }

  scope.baozhaiQuery = { forms: forms, rewrite: rewrite, merge: merge };
})(self);
