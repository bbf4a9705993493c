/* Baozhai: every word of an article explained where it stands.
   The page carries no per-word markup: on first use (a tap or click on the text, the
   拼音 or 查词 button, the word list) the article's data script dict/<slug>.js (and the
   shared dict/common.js) is loaded with a <script> tag, which works hosted and from
   file://, and the words are wrapped in spans built from the data's boundaries.
   Then: a popover per word (glossary entry first for a term), ruby pinyin above the
   characters (readings drawn by CSS from data-py, so copy, search and other lookup
   tools see the plain text), a keyboard mode, the word list and its CSV/TSV export.
   Data layout: generator/site/dictionary_data.py. */
(function () {
  "use strict";
  var RUBY_KEY = "baozhai.pinyin";
  var page = null; // the article being read: {tools, article, slug, labels, data, common, tokens, …}
  var pop = null; // the open popover: {box, opener}

  function stored() { try { return localStorage.getItem(RUBY_KEY) === "on"; } catch (e) { return false; } }
  function store(on) { try { localStorage.setItem(RUBY_KEY, on ? "on" : "off"); } catch (e) { /* file:// */ } }

  /* ---- where the data is, and loading it ---------------------------------------- */
  function editionRoot() {
    var config = document.getElementById("__config");
    return new URL(config ? JSON.parse(config.textContent).base + "/" : "./", location.href).href;
  }

  function siteRoot() {
    // dict/ sits at the root of the Simplified edition, which the edition switch links to
    var own = editionRoot(), here = location.href.split("#")[0].split("?")[0];
    var link = document.querySelector("a.bz-edition-link[hreflang='zh-Hans']");
    if (document.documentElement.lang !== "zh-Hans" && link && here.indexOf(own) === 0) {
      var path = here.slice(own.length), href = link.href.split("#")[0];
      if (href.slice(-path.length) === path) return href.slice(0, href.length - path.length);
    }
    return own;
  }

  function script(url) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error(url)); };
      document.head.appendChild(tag);
    });
  }

  function load() {
    if (page.loading) return page.loading;
    var current = page, all = window.baozhaiWords || {};
    var root = siteRoot(), wanted = [];
    if (!all.common) wanted.push(script(root + "dict/common.js"));
    if (!all[page.slug]) wanted.push(script(root + page.tools.getAttribute("data-bz-words")));
    page.tools.classList.add("bz-loading");
    page.loading = Promise.all(wanted).then(function () {
      current.data = window.baozhaiWords[current.slug];
      current.common = window.baozhaiWords.common;
      current.tools.classList.remove("bz-loading");
      if (current === page) wrapAll();
    }, function () {
      current.tools.classList.remove("bz-loading");
      current.tools.classList.add("bz-failed");
      current.tools.setAttribute("data-failed", current.labels.failed);
    });
    return page.loading;
  }

  /* ---- words of the data ---------------------------------------------------------- */
  function entry(ref) { return ref >= 0 ? page.data.e[ref] : page.common.e[-1 - ref]; }

  function wordInfo(index) {
    var w = page.data.w[index], entries = w[3].map(entry);
    var syllables = typeof w[1] === "number" ? entries[w[1]][2] : w[1];
    return {index: index, text: w[0] || entries[0][1], syllables: syllables.split(" "), kind: w[2],
            entries: entries, reading: typeof w[1] === "number" ? w[1] : -1,
            parts: w[4].map(function (refs) { return refs.map(entry); }), level: w[5]};
  }

  function written(syllables) { // GB/T 16159 as the generator writes it (dictionary.written)
    var out = "";
    syllables.forEach(function (s) {
      if (!out) out = s;
      else if (s === "r") out += s;
      else if (!/^[\p{L}]/u.test(s) || /^\p{Lu}/u.test(s)) out += " " + s;
      else out += (/^[aoeāáǎàōóǒòēéěè]/i.test(s) && /\p{L}$/u.test(out) ? "'" : "") + s;
    });
    return out.replace(/ · /g, "·");
  }

  function headwords(e) { // [first, second]: the edition's script first
    var simplified = e[1], traditional = e[0] || e[1];
    return page.hant ? [traditional, simplified] : [simplified, traditional];
  }

  function levelLabel(level) { return level ? "HSK " + (level === 7 ? "7–9" : level) : page.labels.beyond; }

  /* ---- wrapping the words of each block in spans ---------------------------------- */
  function blockTokens(anchor) {
    var flat = page.data.b[anchor], moved = page.hant && page.data.t[anchor], out = [], at = 0, i, k = 0;
    for (i = 0; i < flat.length; i += 3, k += 2) {
      var gap = moved ? moved[k] : flat[i], size = moved ? moved[k + 1] : flat[i + 1];
      out.push({start: at + gap, end: at + gap + size, word: flat[i + 2], number: -1});
      at += gap + size;
    }
    return out;
  }

  function textNodes(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {acceptNode: function (node) {
      return node.parentElement.closest("sup, .bz-w") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }});
    var nodes = [], node;
    while ((node = walker.nextNode())) nodes.push(node);
    return nodes;
  }

  function wrapBlock(element, anchor) {
    var tokens = blockTokens(anchor), offset = 0, t = 0;
    textNodes(element).forEach(function (node) {
      var text = node.data, start = offset, end = offset + text.length, pieces = [], at = start;
      offset = end;
      while (t < tokens.length && tokens[t].end <= start) t++;
      for (var j = t; j < tokens.length && tokens[j].start < end; j++) {
        var from = Math.max(tokens[j].start, start), to = Math.min(tokens[j].end, end);
        if (from > at) pieces.push(document.createTextNode(text.slice(at - start, from - start)));
        pieces.push(span(text.slice(from - start, to - start), tokens[j], anchor, from - tokens[j].start));
        at = to;
      }
      if (!pieces.length) return;
      if (at < end) pieces.push(document.createTextNode(text.slice(at - start)));
      var fragment = document.createDocumentFragment();
      pieces.forEach(function (p) { fragment.appendChild(p); });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function span(text, token, anchor, into) {
    var s = document.createElement("span");
    s.className = "bz-w";
    s.textContent = text;
    if (token.number < 0) {
      token.number = page.tokens.length;
      page.tokens.push({span: s, word: token.word, anchor: anchor, size: token.end - token.start});
    }
    s.setAttribute("data-w", token.word);
    s.setAttribute("data-k", token.number);
    s.setAttribute("data-into", into);
    return s;
  }

  function wrapAll() {
    if (page.wrapped || !page.data) return;
    page.wrapped = true;
    page.tokens = [];
    Object.keys(page.data.b).forEach(function (anchor) {
      var element = page.article.querySelector("#" + CSS.escape(anchor));
      if (element) wrapBlock(element, anchor);
    });
    if (page.ruby) ruby(true);
  }

  /* ---- the popover --------------------------------------------------------------- */
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function termPart(link) { // pinyin｜gloss｜definition: the term's first use in the article has all three
    var full = (link.getAttribute("data-bz-title") || "").split("｜");
    page.article.querySelectorAll("a.bz-term[data-bz-title]").forEach(function (other) {
      var parts = other.getAttribute("data-bz-title").split("｜");
      if (full.length < 3 && other.getAttribute("href") === link.getAttribute("href") && parts.length > 2) full = parts;
    });
    var box = el("section", "bz-pop-term");
    box.appendChild(el("p", "bz-pop-label", page.labels.term));
    var head = el("p", "bz-pop-head");
    head.appendChild(el("strong", "", link.textContent));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "bz-pop-pinyin", link.getAttribute("data-pinyin") || full[0] || ""));
    box.appendChild(head);
    if (full[1]) box.appendChild(el("p", "bz-pop-gloss", full[1]));
    if (full[2]) box.appendChild(el("p", "bz-pop-definition", full[2]));
    var go = el("a", "bz-pop-page", page.labels.page + " →");
    go.href = link.href;
    box.appendChild(go);
    return box;
  }

  function senses(e, all) {
    var list = el("ol", "bz-pop-senses"), items = e[3].split("/");
    (all ? items : items.slice(0, 3)).forEach(function (s) { list.appendChild(el("li", "", s)); });
    return list;
  }

  function entryBox(e, all) {
    var box = el("div", "bz-pop-entry"), names = headwords(e);
    var head = el("p", "bz-pop-entry-head");
    head.appendChild(el("span", "bz-pop-hw", names[0] + (names[1] !== names[0] ? "（" + names[1] + "）" : "")));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "bz-pop-pinyin", written(e[2].split(" "))));
    box.appendChild(head);
    box.appendChild(senses(e, all));
    return box;
  }

  function dictionaryPart(info, shown, all) {
    var box = el("section", "bz-pop-dict");
    var title = el("h2", "bz-pop-title", shown);
    title.id = "bz-pop-title";
    box.appendChild(title);
    var meta = el("p", "bz-pop-meta");
    meta.appendChild(el("span", "bz-pop-pinyin bz-pop-reading", written(info.syllables)));
    meta.appendChild(el("span", "bz-pop-level", levelLabel(info.level)));
    meta.appendChild(el("span", "bz-pop-kind", page.labels["kind" + info.kind]));
    box.appendChild(meta);
    var entries = info.reading > 0 ? [info.entries[info.reading]].concat(info.entries.filter(function (e, i) {
      return i !== info.reading; })) : info.entries;
    (all ? entries : entries.slice(0, 1)).forEach(function (e) { box.appendChild(entryBox(e, all)); });
    if (!entries.length) {
      box.appendChild(el("p", "bz-pop-none", page.labels.none));
      box.appendChild(el("p", "bz-pop-label", page.labels.parts));
      info.parts.forEach(function (part) { // each part's first entry; all of them under "more"
        (all ? part : part.slice(0, 1)).forEach(function (e) { box.appendChild(entryBox(e, all)); });
      });
    }
    var more = entries.length > 1 || entries.some(function (e) { return e[3].split("/").length > 3; }) ||
      info.parts.some(function (p) { return p.length > 1 || (p[0] && p[0][3].split("/").length > 3); });
    if (more) {
      var button = el("button", "bz-pop-more", all ? page.labels.less : page.labels.more);
      button.type = "button";
      button.setAttribute("aria-expanded", all ? "true" : "false");
      box.appendChild(button);
    }
    return box;
  }

  function open(target, all) {
    var link = target.closest("a.bz-term");
    var first = link ? link.querySelector(".bz-w") : target;
    var info = first && first.hasAttribute("data-w") ? wordInfo(+first.getAttribute("data-w")) : null;
    var shown = link ? link.textContent : wordText(target);
    close(false);
    var box = el("div", "bz-pop");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "bz-pop-title");
    box.tabIndex = -1;
    var shut = el("button", "bz-pop-close", "×");
    shut.type = "button";
    shut.setAttribute("aria-label", page.labels.close);
    box.appendChild(shut);
    if (link) box.appendChild(termPart(link));
    if (info) box.appendChild(dictionaryPart(info, shown, all));
    else if (link) box.querySelector(".bz-pop-term strong").id = "bz-pop-title";
    var credit = el("a", "bz-pop-credit", page.labels.credits);
    credit.href = editionRoot() + "credits.html";
    box.appendChild(credit);
    document.body.appendChild(box);
    place(box, link || target);
    pop = {box: box, opener: link || target, target: target, opened: Date.now()};
    (link || target).classList.add("bz-open");
    document.body.classList.add("bz-popover-open"); // Material's hover tooltip gives way
    box.focus({preventScroll: true});
  }

  function pieces(target) { // the spans of one word (a word crossing a tag is cut in pieces)
    return page.article.querySelectorAll(".bz-w[data-k='" + target.getAttribute("data-k") + "']");
  }

  function wordText(target) {
    return Array.prototype.map.call(pieces(target), function (s) {
      return s.getAttribute("data-text") || s.textContent;
    }).join("");
  }

  function place(box, anchor) {
    var r = anchor.getBoundingClientRect(), margin = 8, width = box.offsetWidth, height = box.offsetHeight;
    var left = Math.min(Math.max(margin, r.left), document.documentElement.clientWidth - width - margin);
    var below = r.bottom + 6, above = r.top - height - 6;
    var top = below + height > window.innerHeight && above > 0 ? above : below;
    box.style.left = Math.max(margin, left) + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function close(refocus) {
    if (!pop) return;
    var was = pop;
    pop = null;
    was.box.remove();
    was.opener.classList.remove("bz-open");
    document.body.classList.remove("bz-popover-open");
    if (refocus) was.opener.focus({preventScroll: true});
  }

  /* ---- taps, clicks and keys --------------------------------------------------------- */
  function onClick(event) {
    if (!page || event.defaultPrevented || event.button !== 0) return;
    var link = event.target.closest("a");
    if (link && !link.classList.contains("bz-term")) return;
    if (link && (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    var word = event.target.closest(".bz-w");
    if (link) { // a term opens its popover in place (Material's instant navigation never sees the click)
      event.preventDefault();
      event.stopPropagation();
    }
    if (link || word) {
      if (pop && pop.opener === (link || word)) { close(false); return; }
      if (link && !page.data) { // the glossary entry at once, the dictionary once its data is in
        open(link, false);
        load().then(function () { if (pop && pop.opener === link) open(link, false); });
        return;
      }
      open(link || word, false);
      return;
    }
    if (page.data || !page.article.contains(event.target) || !event.target.closest("p, h2, li")) return;
    var x = event.clientX, y = event.clientY; // wrapping the words moves nothing: the same point
    load().then(function () {                 // then falls on the word that was tapped
      var found = document.elementFromPoint(x, y);
      found = found && found.closest(".bz-w");
      if (found) open(found.closest("a.bz-term") || found, false);
    });
  }

  function onPopClick(event) {
    if (!pop) return;
    if (event.target.closest(".bz-pop-close")) { close(true); return; }
    var more = event.target.closest(".bz-pop-more");
    if (more) {
      var all = more.getAttribute("aria-expanded") !== "true", target = pop.target;
      open(target, all);
      var again = pop.box.querySelector(".bz-pop-more");
      if (again) again.focus();
    }
  }

  function onPointerDown(event) {
    if (pop && !pop.box.contains(event.target) && !event.target.closest(".bz-w, a.bz-term")) close(false);
  }

  function onKey(event) {
    if (!page) return;
    if (event.key === "Escape" && pop) { event.preventDefault(); close(true); return; }
    if (!page.lookup || (pop && pop.box.contains(event.target))) return;
    var at = page.tokens.indexOf(page.current), step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[event.key];
    if (step) { event.preventDefault(); focusToken(Math.max(0, Math.min(page.tokens.length - 1, at + step))); }
    else if (event.key === "Home" || event.key === "End") {
      event.preventDefault(); focusToken(event.key === "Home" ? 0 : page.tokens.length - 1);
    } else if ((event.key === "Enter" || event.key === " ") && page.current) {
      event.preventDefault(); open(page.current.span.closest("a.bz-term") || page.current.span, false);
    } else if (event.key === "Escape") { event.preventDefault(); lookup(false); }
  }

  function focusToken(index) {
    if (page.current) { page.current.span.removeAttribute("tabindex"); page.current.span.removeAttribute("role"); }
    page.current = page.tokens[index];
    if (!page.current) return;
    var s = page.current.span;
    s.tabIndex = 0;
    s.setAttribute("role", "button");
    s.setAttribute("aria-haspopup", "dialog");
    s.focus();
  }

  function lookup(on) {
    page.lookup = on;
    var button = page.tools.querySelector(".bz-lookup-toggle"), hint = page.tools.querySelector(".bz-tools-hint");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    if (hint) { // the keys, while the mode is on
      if (!hint.hasAttribute("data-idle")) hint.setAttribute("data-idle", hint.textContent);
      hint.textContent = on ? page.labels.lookup : hint.getAttribute("data-idle");
    }
    page.article.classList.toggle("bz-lookup", on);
    if (on) load().then(function () { if (page.lookup) focusToken(Math.max(0, page.tokens.indexOf(page.current))); });
    else { close(false); button.focus(); }
  }

  /* ---- ruby pinyin ------------------------------------------------------------------ */
  function rubyOf(s, text) { // a reading over each character, or over the whole word
    var syllables = wordInfo(+s.getAttribute("data-w")).syllables, into = +s.getAttribute("data-into");
    var size = page.tokens[+s.getAttribute("data-k")].size, fragment = document.createDocumentFragment();
    var chars = Array.from(text);
    if (size === syllables.length && chars.length === text.length) {
      chars.forEach(function (ch, i) { fragment.appendChild(rubyPair(ch, syllables[into + i])); });
    } else {
      fragment.appendChild(rubyPair(text, into ? "" : written(syllables)));
    }
    return fragment;
  }

  function rubyPair(base, reading) {
    var r = document.createElement("ruby"), rt = document.createElement("rt");
    r.appendChild(document.createTextNode(base));
    rt.setAttribute("data-py", reading || "");
    rt.setAttribute("aria-hidden", "true");
    r.appendChild(rt);
    return r;
  }

  function ruby(on) {
    page.ruby = on;
    page.tools.querySelector(".bz-pinyin-toggle").setAttribute("aria-pressed", on ? "true" : "false");
    document.body.classList.toggle("bz-ruby", on);
    if (!page.wrapped) { if (on) load(); return; }
    page.article.querySelectorAll(".bz-w").forEach(function (s) {
      if (on && !s.hasAttribute("data-text")) {
        var text = s.textContent, built = rubyOf(s, text);
        s.setAttribute("data-text", text);
        s.textContent = "";
        s.appendChild(built);
      } else if (!on && s.hasAttribute("data-text")) {
        s.textContent = s.getAttribute("data-text");
        s.removeAttribute("data-text");
      }
    });
  }

  /* ---- set up each page (Material's instant navigation replaces the content) ---------- */
  function setup() {
    close(false);
    var tools = document.querySelector(".bz-tools[data-bz-words]");
    page = null;
    document.body.classList.remove("bz-ruby");
    if (!tools) return;
    var labels = window.baozhaiLabels || {}; // assets/baozhai-labels.js, in this edition's script
    page = {tools: tools, article: tools.closest("article") || document.body, slug: tools.getAttribute("data-bz-slug"),
            labels: labels, hant: document.documentElement.lang !== "zh-Hans", tokens: [], ruby: false};
    page.article.querySelectorAll("a.bz-term[title]").forEach(function (a) {
      a.setAttribute("data-bz-title", a.getAttribute("title"));
    });
    tools.querySelector(".bz-pinyin-toggle").addEventListener("click", function () {
      store(!page.ruby); ruby(!page.ruby);
    });
    tools.querySelector(".bz-lookup-toggle").addEventListener("click", function () { lookup(!page.lookup); });
    if (window.baozhaiWordList) window.baozhaiWordList(page, load, wordInfo, written, levelLabel);
    if (stored()) ruby(true);
  }

  document.addEventListener("click", onClick, true); // capture: before Material's own handlers
  document.addEventListener("click", onPopClick);
  document.addEventListener("pointerdown", onPointerDown);
  document.addEventListener("keydown", onKey);
  window.addEventListener("scroll", function () { if (pop && Date.now() - pop.opened > 300) close(false); },
                          {passive: true});
  window.addEventListener("resize", function () { close(false); });
  window.baozhaiWordsApi = {entry: function (ref) { return entry(ref); }, headwords: function (e) { return headwords(e); }};
  if (typeof window.document$ !== "undefined") window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
