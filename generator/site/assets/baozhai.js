/* Baozhai: the pinyin switch over glossary terms (remembered across pages). */
(function () {
  var KEY = "baozhai.pinyin";

  function stored() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }

  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* file:// may refuse */ }
  }

  function apply(on) {
    document.body.classList.toggle("bz-show-pinyin", on);
    document.querySelectorAll(".bz-pinyin-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function setup() {
    apply(stored());
    document.querySelectorAll(".bz-pinyin-toggle").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = !document.body.classList.contains("bz-show-pinyin");
        store(on);
        apply(on);
      });
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
