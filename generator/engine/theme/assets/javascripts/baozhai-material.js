/* Baozhai's additions to Material's pages (generator/engine/theme/main.html loads
   this after Material's bundle and the site's scripts). They rely on Material's
   page internals: the #__config element (its "base"), the header that instant
   navigation keeps across pages, the document$ observable, the search panel's
   .md-search / .md-search__input elements. */

/* The edition links (partials/alternate.html) lead to this page in the other
   edition. Instant navigation replaces the page but not the header, so keep
   their targets in step with the page shown; target=_self leaves the click to
   the browser (not to Material's language or instant-navigation handling). */
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll("a.bz-edition-link"));
  var config = document.getElementById("__config");
  if (!links.length || !config) return;
  var base = new URL(JSON.parse(config.textContent).base, location.href).href;

  function current() {
    var url = new URL(location.href);
    url.hash = url.search = "";
    if (url.href.indexOf(base) !== 0) return null;
    var path = url.href.slice(base.length);
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }

  var here = current();
  if (!here) return;
  var roots = links.map(function (a) {
    a.target = "_self";
    return a.href.slice(-here.length) === here ? a.href.slice(0, -here.length) : null;
  });

  function update() {
    var path = current();
    links.forEach(function (a, i) { if (path !== null && roots[i] !== null) a.href = roots[i] + path; });
  }

  if (window.document$) window.document$.subscribe(update); else update();
})();

/* Material's search panel has role=dialog but no name (axe: aria-dialog-name):
   give it the name of its search field. */
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  var field = document.querySelector(".md-search__input");
  if (search && field && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", field.getAttribute("aria-label"));
})();

/* Search as soon as the query changes: Material reads its search field on keyup,
   which a paste (menu or drag) and an input method committing a word do not
   send. An input event outside a composition, and the end of a composition,
   are passed on to Material as the keyup it listens for. */
(function () {
  var field = document.querySelector(".md-search__input");
  if (!field) return;
  function search() { field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); }
  field.addEventListener("input", function (ev) { if (!ev.isComposing) search(); });
  field.addEventListener("compositionend", search);
})();
