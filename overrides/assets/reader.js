// Finding and citing one article: the go-to-article box, the exact article first in search, landing on an
// article or paragraph with its context in view, and the print button. Works without the search index and
// in the offline copy. Data comes from assets/words.js (window.SITE_WORDS, window.SITE_ACT), made at build.
(function () {
  var tag = document.documentElement.lang;
  var words = (window.SITE_WORDS || {})[tag] || {};
  var act = window.SITE_ACT || { paragraphs: {}, labels: {} };
  var labels = act.labels[tag] || { articles: {}, paragraphs: [] };
  var articleCount = Object.keys(act.paragraphs).length;

  // --- reading an article reference: 25, Art. 25, Article 25(2), 第25条, 第二十五条, 第二十五条第二款 ---------
  var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  function number(text) {
    if (/^\d+$/.test(text)) return parseInt(text, 10);
    var total = 0, digit = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c in DIGITS) digit = DIGITS[c];
      else if (c === "十") { total += (digit || 1) * 10; digit = 0; }
      else if (c === "百") { total += (digit || 1) * 100; digit = 0; }
      else return NaN;
    }
    return total + digit;
  }
  var CN = "0-9零〇一二两三四五六七八九十百";
  var CHINESE = new RegExp("^第?([" + CN + "]+)条?(?:第?([" + CN + "]+)款)?$");
  var ENGLISH = /^(?:art(?:icle)?s?\.?)?(\d+)(?:\((\d+)\)|(?:[.,]|para(?:graph)?\.?|§)(\d+))?\.?$/i;

  // {article, paragraph} for a reference, or null when the text is not one.
  function parse(text) {
    var q = (text || "").normalize("NFKC").replace(/\s+/g, "");
    if (!q) return null;
    var m = CHINESE.exec(q), article, paragraph;
    if (m && (/[第条款]/.test(q) || /^\d+$/.test(q) || /^[^0-9]+$/.test(m[1]))) {
      article = number(m[1]);
      paragraph = m[2] ? number(m[2]) : null;
    } else if ((m = ENGLISH.exec(q))) {
      article = parseInt(m[1], 10);
      paragraph = m[2] || m[3] ? parseInt(m[2] || m[3], 10) : null;
    } else return null;
    return isNaN(article) || isNaN(paragraph) ? null : { article: article, paragraph: paragraph };
  }

  // A problem with a reference the reader typed, in words; "" when it names an existing article/paragraph.
  function problem(ref) {
    var count = act.paragraphs[ref.article];
    if (!count) return (words.goto_none || "").replace("{max}", articleCount);
    if (ref.paragraph && ref.paragraph > count) {
      return (words.goto_no_para || "").replace("{article}", labels.articles[ref.article][0]).replace("{count}", count);
    }
    return "";
  }

  // The article page in this language, as this build names pages (folder URLs online, file names offline).
  function href(ref) {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    // The offline copy (opened from disk) names pages by file.
    var files = location.protocol === "file:";
    var page = "art/" + ref.article + (files ? ".html" : "/");
    var fragment = ref.paragraph ? "#art_" + ref.article + "__para_" + ref.paragraph : "#art_" + ref.article;
    return new URL(base.replace(/\/?$/, "/") + page + fragment, location.href).href;
  }

  function refLabel(ref) {
    var a = labels.articles[ref.article] || ["", ""];
    var label = a[0] + (ref.paragraph && act.paragraphs[ref.article] > 1 ? labels.paragraphs[ref.paragraph - 1] || "" : "");
    return { label: label, caption: a[1] };
  }

  function go(url) {
    if (url.split("#")[0] === location.href.split("#")[0]) {
      if (location.href === url) land(); else location.hash = url.split("#")[1];
    } else location.href = url;
  }

  // --- the go-to-article box, in the header of every page ------------------------------------------------
  (function () {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || !words.goto) return;
    var form = document.createElement("form");
    form.className = "goto-form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", words.goto);
    form.innerHTML = '<button type="button" class="goto-toggle" aria-expanded="false"></button>' +
      '<label class="goto-label" for="goto-input"></label>' +
      '<input id="goto-input" class="goto-input" type="text" autocomplete="off" spellcheck="false" enterkeyhint="go">' +
      '<button type="submit" class="goto-button"></button><span class="goto-message" id="goto-message" role="alert"></span>';
    form.querySelector("label").textContent = words.goto;
    var input = form.querySelector("input");
    input.placeholder = words.goto_placeholder;
    input.title = words.goto_help;
    input.setAttribute("aria-describedby", "goto-message");
    form.querySelector(".goto-button").textContent = words.goto_go;
    var message = form.querySelector(".goto-message");
    // On a phone the box opens from a small button, over the page title, and closes with Escape.
    var toggle = form.querySelector(".goto-toggle");
    toggle.textContent = words.goto_short;
    toggle.setAttribute("aria-label", words.goto);
    function open(yes) {
      form.classList.toggle("goto-open", yes);
      toggle.setAttribute("aria-expanded", yes ? "true" : "false");
      if (yes) input.focus();
    }
    toggle.addEventListener("click", function () { open(!form.classList.contains("goto-open")); });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { open(false); toggle.focus(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var ref = parse(input.value);
      var wrong = ref ? problem(ref) : words.goto_help;
      message.textContent = wrong;
      form.classList.toggle("goto-wrong", !!wrong);
      if (!wrong) { input.blur(); open(false); go(href(ref)); }
    });
    input.addEventListener("input", function () { message.textContent = ""; form.classList.remove("goto-wrong"); });
    var search = inner.querySelector(".md-search");
    inner.insertBefore(form, search || null);
  })();

  // --- search: the article or paragraph a query names comes first ----------------------------------------
  (function () {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;
    // Material's count is of its own results: its "no matching documents" is not shown above the article asked for.
    var meta = document.querySelector(".md-search-result__meta");
    function ensure() {
      place();
      if (meta) meta.classList.toggle("goto-only", !!list.querySelector(".goto-result") &&
                                      !list.querySelector(".md-search-result__item:not(.goto-result)"));
    }
    function place() {
      var ref = parse(input.value);
      var url = ref && !problem(ref) ? href(ref) : "";
      var old = list.querySelector(".goto-result");
      if (old && old.getAttribute("data-url") === url && list.firstElementChild === old) return;
      if (old) old.remove();
      if (!url) return;
      var names = refLabel(ref);
      var item = document.createElement("li");
      item.className = "md-search-result__item goto-result";
      item.setAttribute("data-url", url);
      item.innerHTML = '<a class="md-search-result__link" tabindex="-1"><article class="md-search-result__article ' +
        'md-typeset"><div class="md-search-result__icon md-icon"></div><h1></h1><p></p></article></a>';
      var link = item.querySelector("a");
      link.href = url;
      item.querySelector("h1").textContent = names.label + (names.caption ? " " + names.caption : "");
      item.querySelector("p").textContent = words.goto_result + " " + names.label;
      link.addEventListener("click", function () {
        var toggle = document.getElementById("__search");
        if (toggle) toggle.checked = false;
      });
      list.insertBefore(item, list.firstChild);
    }
    new MutationObserver(ensure).observe(list, { childList: true });
    input.addEventListener("input", ensure);
    input.addEventListener("keyup", ensure);
  })();

  // --- landing: the law, the chapter and the article number stay in view with the target -----------------
  var bar = document.querySelector(".act-context");
  var here = bar && bar.querySelector(".act-context-here");
  // An article's text: one .article-body, or side by side one .parallel holding both languages' rows.
  var BODY = ".article-body[data-article], .parallel[data-article]";
  var bodies = [].slice.call(document.querySelectorAll(BODY));

  function headingOf(body) { return document.getElementById("art_" + body.getAttribute("data-article")); }

  function showArticle(body) {
    if (!here) return;
    var text = body ? " › " + body.getAttribute("data-label") : "";
    if (here.textContent !== text) here.textContent = text;
  }

  function topSpace() {      // height covered by the fixed header and the sticky context line
    var header = document.querySelector(".md-header");
    var bottom = header ? header.getBoundingClientRect().bottom : 0;
    return Math.max(bottom, bar ? bar.getBoundingClientRect().bottom : 0) + 8;
  }

  function current() {       // the article whose heading was passed last
    var limit = topSpace() + 4, found = null;
    for (var i = 0; i < bodies.length; i++) {
      var heading = headingOf(bodies[i]);
      if (heading && heading.getBoundingClientRect().top <= limit) found = bodies[i]; else break;
    }
    return found;
  }

  function scrollTo(y) {     // Material offers "Back to top" after an upward scroll: end this one going down
    window.scrollTo(0, Math.max(0, y - 2));
    requestAnimationFrame(function () { window.scrollTo(0, Math.max(0, y)); });
  }

  // Material's right-hand contents (toc.follow) marks the entry of the last heading that passed under the header:
  // md-nav__link--active on the last md-nav__link--passed. A landed heading sits below the context line, so Material
  // would mark the article above it. While a landing holds, the landed article's entry carries the mark instead;
  // Material's "passed" marks are left alone, so letting go gives back Material's own choice. Without Material's
  // contents (another theme, another markup) this does nothing.
  var contents = (function () {
    var ACTIVE = "md-nav__link--active", PASSED = "md-nav__link--passed";
    var lists = [].slice.call(document.querySelectorAll('[data-md-component="toc"]'));
    var held = null;
    function apply() {
      lists.forEach(function (list) {
        var links = [].slice.call(list.querySelectorAll("a.md-nav__link"));
        var want = held ? links.filter(function (a) { return a.hash === "#" + held; })[0]
                        : links.filter(function (a) { return a.classList.contains(PASSED); }).pop();
        if (held && !want) return;
        links.forEach(function (a) {
          if (a.classList.contains(ACTIVE) !== (a === want)) a.classList.toggle(ACTIVE, a === want);
        });
      });
    }
    // Material sets its marks again whenever the page moves or changes height: set ours again after it.
    var watch = window.MutationObserver && new MutationObserver(function () { if (held) apply(); });
    if (watch) lists.forEach(function (list) {
      watch.observe(list, { subtree: true, attributes: true, attributeFilter: ["class"] });
    });
    return { mark: function (id) { var was = held; held = id; if (held || was) apply(); } };
  })();

  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var body = target.closest(BODY);
    if (!body && /^H[1-6]$/.test(target.tagName)) {
      body = bodies.filter(function (b) { return headingOf(b) === target; })[0] || null;
    }
    if (!body) return;
    hold(body);
    var heading = headingOf(body);
    var space = bar ? bar.offsetHeight + (parseFloat(getComputedStyle(bar).top) || 0) + 8 : topSpace();
    var headingTop = heading.getBoundingClientRect().top + window.scrollY - space;
    var rect = target.getBoundingClientRect();
    // The heading stays in view when enough of the target shows below it (all of it, or a quarter of the window);
    // in a very long article the target comes first and the context line shows the article number.
    var enough = Math.min(rect.height, window.innerHeight * 0.25);
    if (target === heading || rect.top + window.scrollY + enough - headingTop <= window.innerHeight) {
      scrollTo(headingTop);
    } else {
      scrollTo(target.getBoundingClientRect().top + window.scrollY - space);
    }
  }

  // The article landed on stays named, in the context line and in the right-hand contents, until the reader
  // scrolls by hand. Otherwise the scroll events of the landing itself and of late layout, and a target too near
  // the end of the page to reach the top, would name the article above it.
  var landed = null, byHand = false;
  function hold(body) {
    landed = body;
    byHand = false;
    showArticle(body);
    contents.mark(headingOf(body).id);
  }
  function byTheReader() { byHand = true; }
  ["wheel", "touchmove", "pointerdown", "mousedown"].forEach(function (type) {
    window.addEventListener(type, byTheReader, { capture: true, passive: true });
  });
  window.addEventListener("keydown", function (event) {      // keys scroll the page, except in a text field
    if (!event.target.closest || !event.target.closest("input, textarea, select, [contenteditable]")) byTheReader();
  }, true);

  var ticking = false;
  window.addEventListener("scroll", function () {
    if (ticking) return;
    ticking = true;
    requestAnimationFrame(function () {
      ticking = false;
      if (landed && !byHand) return showArticle(landed);
      if (landed) { landed = null; contents.mark(null); }
      showArticle(current());
    });
  }, { passive: true });
  window.addEventListener("hashchange", land);
  if (location.hash) {
    if (document.readyState === "complete") land();
    else window.addEventListener("load", function () { requestAnimationFrame(land); });
  }

  // --- print buttons ---------------------------------------------------------------------------------------
  document.querySelectorAll(".print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  window.READER = { parse: parse, href: href, problem: problem };     // for tests
})();
