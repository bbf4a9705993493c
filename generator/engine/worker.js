/*
 * Baozhai search inside Material's search worker (Material for MkDocs 9.x).
 *
 * Relies on the worker's message protocol: the page posts {type: 0 (SETUP),
 * data: the search index {config, docs}} once, then {type: 2 (QUERY),
 * data: query string}; the worker registers one "message" listener and posts
 * {type: 3 (RESULT), data: {items: [[{location, title, text, score, ...}]],
 * suggest?}}. Each query is handed to generator/search/query.js
 * (self.baozhaiQuery): every normalised form is searched by Material's own
 * listener, and the results are merged before the page sees them. The
 * documents of the SETUP message are kept as indexed (Material's results carry
 * its own highlighting), in index order, for the snippets; a document the
 * build sent without its "alt" field gets it here, before Lunr indexes it.
 *
 * On the hosted site the index the page fetched holds no documents, and its
 * config names a "pagefind" folder (generator/engine/pagefind.py): each query is then looked
 * up in that Pagefind index (pagefind.js and its small fixed files, loaded when
 * the worker starts; a query fetches only the chunks of its words), the documents
 * of the best pages (docs/<Pagefind's record id>.json beside the index, not
 * Pagefind's records) are fetched in batches and go through the same merge;
 * Material's own listener only sees SETUP (and answers it READY).
 */
(function (scope) {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var query = scope.baozhaiQuery;

  /* Material's worker registers one message listener and posts its answers */
  var listen = scope.addEventListener.bind(scope);
  var post = scope.postMessage.bind(scope);
  var pending = null;
  var docs = {};
  var pagefind = null;  /* the hosted site's index: {base: its folder's URL, module: pagefind.js once imported} */
  var latest = 0;  /* the newest query's number: an older query's answer is dropped */
  var BATCH = 10, MOST = 40;  /* records fetched at a time, and at most, until a page of results holds the query */
  var FOLDER = "pagefind/";  /* where a hosted edition's index is (generator/engine/pagefind.py FOLDER) */
  var DOCS = "docs/";  /* each record's documents, in that folder (pagefind.py DOCS) */

  function keep(index) {
    docs = {};
    ((index && index.docs) || []).forEach(function (doc, position) {
      if (doc.alt === undefined)
        doc.alt = query.altTokens(doc);  /* before Material's worker indexes the documents */
      docs[doc.location] = { location: doc.location, title: doc.title, text: doc.text, alt: doc.alt,
                             exact: doc.exact, line: doc.line, position: position };
    });
  }

  /* The edition's Pagefind folder: the worker is assets/javascripts/workers/search.*.js,
     the edition's root three folders up */
  function pagefindAt(folder) {
    return { base: new URL("../../../" + folder, scope.location.href).href };
  }

  function loadPagefind() {
    if (!pagefind.module)
      pagefind.module = import(pagefind.base + "pagefind.js").then(function (module) {
        return module.options({ excerptLength: 0 }).then(function () { return module.init(); })
          .then(function () { return module; });
      });
    return pagefind.module;
  }

  /* Pagefind's answers → merged results. Per form: the exact-title token; the words,
     all required (scored: a title's words weigh more); when the query ends in a pair,
     only the pages holding the query as one run: for one run of Han characters, those
     whose word locations chain (query.js holdsChain, no further search), otherwise
     those of the words searched again as a phrase (unscored). Candidates: exact-title
     hits, then the scored pages kept, best first. */
  function searchPagefind(typed, forms) {
    var number = ++latest;
    loadPagefind().then(function (module) {
      return Promise.all(forms.map(function (form) {
        var terms = query.pagefindTerms(form);
        return Promise.all([module.search(query.exactTerm(form)), module.search(terms.words),
                            terms.phrase && !terms.chain ? module.search("\"" + terms.words + "\"") : null,
                            terms]);
      }));
    }).then(function (found) {
      var exact = [], rest = [], seen = {}, candidates = [];
      found.forEach(function (answers) {
        var within = null, terms = answers[3];
        if (answers[2]) {
          within = {};
          answers[2].results.forEach(function (result) { within[result.id] = true; });
        }
        exact.push.apply(exact, answers[0].results);
        rest.push.apply(rest, answers[1].results.filter(function (result) {
          if (terms.phrase && terms.chain)
            return query.holdsChain(result.words, terms.chain);
          return !within || within[result.id];
        }));
      });
      rest.sort(function (a, b) { return b.score - a.score; });
      exact.concat(rest).forEach(function (result) {
        if (!seen[result.id]) {
          seen[result.id] = true;
          candidates.push(result);
        }
      });
      return gather(candidates, 0, [], typed, forms, number);
    }).catch(function (error) {
      if (number === latest)
        post({ type: RESULT, data: { items: [] } });
      throw error;
    });
  }

  function gather(candidates, from, loaded, typed, forms, number) {
    if (number !== latest)
      return null;
    var batch = candidates.slice(from, from + BATCH);
    return Promise.all(batch.map(function (result) {
      return fetch(pagefind.base + DOCS + result.id + ".json").then(function (response) {
        if (!response.ok)
          throw new Error("Baozhai search: " + response.url + ": HTTP " + response.status);
        return response.json();
      }).then(function (docs) { return { score: result.score, docs: docs }; });
    })).then(function (more) {
      if (number !== latest)
        return null;
      loaded = loaded.concat(more);
      var answer = answerOf(loaded, typed, forms), next = from + batch.length;
      if (answer.items.length < BATCH && next < Math.min(candidates.length, MOST))
        return gather(candidates, next, loaded, typed, forms, number);
      post({ type: RESULT, data: answer });
      return null;
    });
  }

  function answerOf(loaded, typed, forms) {
    var found = {}, items = [];
    loaded.forEach(function (page) {
      page.docs.forEach(function (doc, position) {
        if (doc.alt === undefined)
          doc.alt = query.altTokens(doc);
        found[doc.location] = { location: doc.location, title: doc.title, text: doc.text, alt: doc.alt,
                                exact: doc.exact, line: doc.line, position: position };
        items.push({ location: doc.location, score: page.score });
      });
    });
    return query.merge([{ items: [items] }], typed, forms, found);
  }

  function preload(index) {
    loadPagefind().catch(function () { index.module = null; });
  }

  /* A hosted site (http or https) has a Pagefind index: start loading it when the worker
     starts, not when Material's SETUP arrives (the page sends it only once it has fetched
     the stub index); SETUP keeps this load when it names the same folder, and drops it
     otherwise. A page read from file:// (the offline bundles) loads no Pagefind. */
  if (/^https?:$/.test(scope.location.protocol)) {
    pagefind = pagefindAt(FOLDER);
    preload(pagefind);
  }

  scope.postMessage = function (message) {
    if (pending && message && message.type === RESULT) {
      pending.results.push(message.data);
      if (pending.results.length === pending.forms.length) {
        var done = pending;
        pending = null;
        post({ type: RESULT, data: query.merge(done.results, done.typed, done.forms, docs) });
      }
      return;
    }
    post(message);
  };

  scope.addEventListener = function (type, handler, options) {
    if (type !== "message")
      return listen(type, handler, options);
    listen(type, function (ev) {
      var message = ev.data;
      if (message && message.type === SETUP) {
        var folder = message.data && message.data.config && message.data.config.pagefind;
        /* the worker is assets/javascripts/workers/search.*.js: the edition's root is three folders up */
        var early = pagefind;
        pagefind = folder ? (early && early.base === pagefindAt(folder).base ? early : pagefindAt(folder)) : null;
        if (pagefind)  /* Pagefind's script, entry and word list now: the first query then fetches only its words */
          preload(pagefind);
        keep(message.data);
      }
      if (!message || message.type !== QUERY)
        return handler(ev);
      var typed = String(message.data || "").trim();
      var forms = query.forms(typed);
      if (!forms.length)
        return post({ type: RESULT, data: { items: [] } });
      if (pagefind)
        return searchPagefind(typed, forms);
      pending = { typed: typed, forms: forms, results: [] };
      forms.forEach(function (form) {
        handler({ data: { type: QUERY, data: query.rewrite(form) } });
      });
    }, options);
  };
})(self);
