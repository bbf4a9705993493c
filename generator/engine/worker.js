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

  function keep(index) {
    docs = {};
    ((index && index.docs) || []).forEach(function (doc, position) {
      if (doc.alt === undefined)
        doc.alt = query.altTokens(doc);  /* before Material's worker indexes the documents */
      docs[doc.location] = { location: doc.location, title: doc.title, text: doc.text, alt: doc.alt,
                             exact: doc.exact, line: doc.line, position: position };
    });
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
      if (message && message.type === SETUP)
        keep(message.data);
      if (!message || message.type !== QUERY)
        return handler(ev);
      var typed = String(message.data || "").trim();
      var forms = query.forms(typed);
      if (!forms.length)
        return post({ type: RESULT, data: { items: [] } });
      pending = { typed: typed, forms: forms, results: [] };
      forms.forEach(function (form) {
        handler({ data: { type: QUERY, data: query.rewrite(form) } });
      });
    }, options);
  };
})(self);
