/* Baozhai: an article's word list (by HSK level, then "not in HSK") and its download as
   CSV or TSV for Anki: Simplified, Traditional, pinyin, definition, HSK level, the sentence
   the word first occurs in (as this edition shows it) and the article's address.
   baozhai-words.js calls window.baozhaiWordList for each article page it sets up. */
(function () {
  "use strict";
  var COLUMNS = ["Simplified", "Traditional", "Pinyin", "Definition", "HSK", "Sentence", "Address"];
  var NUMBER = 5; // kind code of a number with a measure word: no vocabulary

  window.baozhaiWordList = function (page, load, wordInfo, written, levelLabel) {
    var details = page.article.querySelector("details.bz-wordlist");
    if (!details) return;
    details.addEventListener("toggle", function () {
      if (details.open) load().then(function () { render(details.querySelector(".bz-wordlist-body")); });
    });
    var csv = page.article.querySelector(".bz-export-csv"), tsv = page.article.querySelector(".bz-export-tsv");
    if (csv) csv.addEventListener("click", function () { load().then(function () { download("csv"); }); });
    if (tsv) tsv.addEventListener("click", function () { load().then(function () { download("tsv"); }); });

    function words() { // every word once, in order of first use, with the sentence of that use
      var seen = {}, out = [];
      page.tokens.forEach(function (token) {
        if (seen[token.word]) return;
        seen[token.word] = true;
        var info = wordInfo(token.word);
        if (info.kind === NUMBER) return;
        info.sentence = sentence(token);
        info.shown = Array.prototype.map.call(
          page.article.querySelectorAll(".bz-w[data-k='" + page.tokens.indexOf(token) + "']"),
          function (s) { return s.getAttribute("data-text") || s.textContent; }).join("");
        out.push(info);
      });
      return out;
    }

    function sentence(token) {
      var block = token.span.closest("[id]"), text = "", at = -1;
      while (block && !page.data.b[block.id]) block = block.parentElement.closest("[id]");
      if (!block) return "";
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT), node;
      while ((node = walker.nextNode())) {
        if (node.parentElement.closest("sup, rt")) continue;
        if (at < 0 && token.span.contains(node)) at = text.length;
        text += node.data;
      }
      var begin = Math.max(text.lastIndexOf("。", at - 1), text.lastIndexOf("！", at - 1),
                           text.lastIndexOf("？", at - 1)) + 1;
      var ends = ["。", "！", "？"].map(function (c) { return text.indexOf(c, at); }).filter(function (i) {
        return i >= 0; });
      return text.slice(begin, ends.length ? Math.min.apply(null, ends) + 1 : text.length).trim();
    }

    function first(info) { // the entry of the reading used here
      return info.entries.length ? info.entries[Math.max(0, info.reading)] : null;
    }

    function definition(info) {
      var e = first(info);
      if (e) return e[3].split("/").slice(0, 3).join("; ");
      return page.labels["kind" + info.kind] + ": " + info.parts.filter(function (p) { return p.length; })
        .map(function (p) { return p[0][1] + " " + written(p[0][2].split(" ")) + " " + p[0][3].split("/")[0]; })
        .join("; ");
    }

    function forms(info) { // [Simplified, Traditional]
      var e = first(info);
      if (e) return [info.text, e[0] || e[1]];
      if (page.hant) return [info.text, info.shown];
      var parts = info.parts.map(function (p) { return p.length ? p[0][0] || p[0][1] : ""; }).join("");
      return [info.text, parts.length === info.text.length ? parts : info.text];
    }

    function render(body) {
      if (body.childElementCount) return;
      var groups = {};
      words().forEach(function (info) { (groups[info.level] = groups[info.level] || []).push(info); });
      [1, 2, 3, 4, 5, 6, 7, 0].forEach(function (level) {
        if (!groups[level]) return;
        var head = document.createElement("h3");
        head.textContent = levelLabel(level) + "（" + groups[level].length + "）";
        var list = document.createElement("ul");
        list.className = "bz-wordlist-group";
        groups[level].forEach(function (info) {
          var item = document.createElement("li"), pair = forms(info), e = first(info);
          item.appendChild(part("bz-wordlist-word", page.hant ? pair[1] : pair[0]));
          item.appendChild(part("bz-pinyin-text", written(info.syllables)));
          item.appendChild(part("bz-gloss", e ? e[3].split("/")[0] : page.labels["kind" + info.kind]));
          list.appendChild(item);
        });
        body.appendChild(head);
        body.appendChild(list);
      });
    }

    function part(className, text) {
      var s = document.createElement("span");
      s.className = className;
      s.textContent = text;
      return s;
    }

    function address() {
      var canonical = document.querySelector("link[rel=canonical]");
      return canonical && location.protocol !== "file:" ? canonical.href : location.href.split("#")[0];
    }

    function download(kind) {
      var rows = words().map(function (info) {
        var pair = forms(info);
        return [pair[0], pair[1], written(info.syllables), definition(info),
                info.level ? (info.level === 7 ? "7-9" : String(info.level)) : "", info.sentence, address()];
      });
      var text = kind === "csv" ? csvText(rows) : tsvText(rows);
      var blob = new Blob([kind === "csv" ? "\ufeff" + text : text],
                          {type: (kind === "csv" ? "text/csv" : "text/tab-separated-values") + ";charset=utf-8"});
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = page.slug + "." + kind;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    function csvText(rows) {
      return [COLUMNS].concat(rows).map(function (row) {
        return row.map(function (cell) { return '"' + String(cell).replace(/"/g, '""') + '"'; }).join(",");
      }).join("\r\n") + "\r\n";
    }

    function tsvText(rows) { // Anki's plain-text import reads these header lines
      var head = "#separator:tab\n#html:false\n#columns:" + COLUMNS.join("\t") + "\n";
      return head + rows.map(function (row) {
        return row.map(function (cell) { return String(cell).replace(/[\t\r\n]+/g, " "); }).join("\t");
      }).join("\n") + "\n";
    }
  };
})();
