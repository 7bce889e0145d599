// Loaded after Material's bundle at the end of <body>; runs before DOMContentLoaded, so before Material
// sets up its components. Interface words come from assets/words.js (made from the language profiles).
var WORDS = (window.SITE_WORDS || {})[document.documentElement.lang] || {};

(function () {
  // The search dialog needs an accessible name (axe: aria-dialog-name): the search field's own label.
  var dialog = document.querySelector(".md-search[data-md-component=search]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input) {
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder || "");
  }
})();

(function () {
  // A phone's header has room for a word or two, not the title: there it names the chapter or the article, and on
  // other pages their own short title (Glossary, 历次版本); a long one leaves the header as it is.
  var where = document.querySelector(".act-context[data-header]");
  var topics = document.querySelector(".md-header__title .md-header__ellipsis");
  var heading = document.querySelector(".md-content h1");
  var short = where ? where.getAttribute("data-header") : "";
  if (!short && heading) {
    var own = heading.cloneNode(true);
    own.querySelectorAll(".headerlink, .note-ref").forEach(function (node) { node.remove(); });
    short = own.textContent.trim();
    if (short.length > 16) short = "";
  }
  if (short && topics) topics.setAttribute("data-short", short);
})();

(function () {
  // Material treats every <link rel="alternate"> as a language root and fetches "sitemap.xml" next
  // to it; our alternates are per page (hreflang for search engines), so that fetch would 404 and
  // its click handler would drop the #fragment. The sitemap carries the same hreflang pairs.
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    link.setAttribute("data-rel", "alternate");
    link.removeAttribute("rel");
  });

  // Language switch keeps the reader's place: carry the #fragment over to the other language's page.
  function carryFragment() {
    document.querySelectorAll("a.md-select__link[hreflang], a.md-select__link[data-view]").forEach(function (a) {
      a.href = a.href.split("#")[0] + location.hash;
    });
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a.md-select__link[hreflang], a.md-select__link[data-view]")) carryFragment();
  }, true);
})();

// Copy a citation: a button beside every article heading and paragraph copies the citation in the page's
// language, the text's status and dates, the link to the article's page today (/art/N/, plus #paragraph) and
// the link pinned to the version being read (/versions/<date>/art/N/), which never changes. The heading's ¶
// link points to the page's own absolute URL, also in the offline copy.
(function () {
  var words = { copy: WORDS.copy, done: WORDS.copied, details: WORDS.cite_details };
  var status = document.createElement("div");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");          // file:// and plain http
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  // details: the status and dates of the text cited, in its language (the page's, unless side by side).
  function addButton(host, cite, links, details) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    // Beside a text in another language (side by side) the page says what the button cites in its own words.
    button.setAttribute("aria-label", host.getAttribute("data-copy-label") || words.copy + cite);
    // The label is in the page's language, also beside a text in the other language.
    if (host.closest("[lang]") !== document.documentElement) button.lang = document.documentElement.lang;
    button.setAttribute("data-link", links[0]);
    button.addEventListener("click", function () {
      copyText([cite, details || words.details].concat(links).join("\n")).then(function () {
        status.textContent = words.done + ": " + cite;
        button.classList.add("copied");
        var shown = host.querySelector(".cite-copied") || document.createElement("span");
        shown.className = "cite-copied";
        shown.setAttribute("aria-hidden", "true");       // the status region announces it
        shown.textContent = "✓ " + words.done;
        button.after(shown);
        clearTimeout(button.timer);
        button.timer = setTimeout(function () { button.classList.remove("copied"); shown.remove(); }, 2500);
      });
    });
    glue(host, button);
  }

  // The button goes on the line of the last word (with the heading's ¶ and any note marker), never on a line
  // of its own: the last word, or the last two characters where words have no spaces, and what follows them
  // are kept together (white-space: nowrap). The text itself is unchanged.
  function glue(host, button) {
    var tail = document.createElement("span");
    tail.className = "cite-tail";
    var moved = [], node = host.lastChild;
    while (node) {
      if (node.nodeType === 3 && !node.textContent.trim() ||
          node.nodeType === 1 && node.matches("a.headerlink, sup.note-ref")) {
        moved.unshift(node);
        node = node.previousSibling;
      } else if (node.nodeType === 1 && node.matches(".caption") && node.lastChild) {
        node = node.lastChild;                           // the heading's last words are its caption's
      } else break;
    }
    if (node && node.nodeType === 3) {
      var text = node.textContent, space = text.lastIndexOf(" ");
      var cut = space >= 0 && text.length - space <= 25 ? space + 1 : Math.max(0, text.length - 2);
      var word = node.splitText(cut);
      word.parentNode.insertBefore(tail, word);
      tail.appendChild(word);
    } else if (node && node.textContent.length <= 20) {      // a short term link goes whole
      node.parentNode.insertBefore(tail, node);
      tail.appendChild(node);
    } else if (node) {
      node.parentNode.insertBefore(tail, node.nextSibling);
    } else {
      host.appendChild(tail);
    }
    moved.forEach(function (n) { tail.appendChild(n); });
    tail.appendChild(button);
  }

  // The links of an article (element with its data attributes) for a fragment: today's page, pinned version.
  function linksOf(body) {
    var current = body.getAttribute("data-current");          // none when the article was deleted since
    var pinned = body.getAttribute("data-pinned"), pinnedLabel = body.getAttribute("data-pinned-label");
    return function (fragment) {
      var out = current ? [current + fragment] : [];
      if (pinned) out.push(pinnedLabel + pinned + fragment);      // the label ends with its colon
      return out;
    };
  }

  document.querySelectorAll(".article-body[data-permalink]").forEach(function (body) {
    var permalink = body.getAttribute("data-permalink");      // absolute published URLs, all three
    var links = linksOf(body);
    var heading = document.getElementById("art_" + body.getAttribute("data-article"));
    if (heading && /^H[1-6]$/.test(heading.tagName)) {
      var anchor = heading.querySelector("a.headerlink");
      if (anchor) anchor.href = permalink;
      addButton(heading, body.getAttribute("data-cite"), links(""));
    }
    if (body.querySelectorAll("p.para").length < 2) return;
    body.querySelectorAll("p.para[data-cite]").forEach(function (para) {
      addButton(para, para.getAttribute("data-cite"), links("#" + para.id));
    });
  });

  // Side by side: each language's label in the article heading carries that language's data; its paragraphs
  // are the cells in that language of the rows below, and a row holds the paragraph's id. Each column cites
  // in its own language.
  document.querySelectorAll(".parallel[data-article]").forEach(function (rows) {
    var heading = document.getElementById("art_" + rows.getAttribute("data-article"));
    if (!heading) return;
    heading.querySelectorAll(".parallel-label[data-permalink]").forEach(function (label) {
      var links = linksOf(label), tag = label.getAttribute("lang");
      var details = ((window.SITE_WORDS || {})[tag] || {}).cite_details;
      addButton(label, label.getAttribute("data-cite"), links(""), details);
      if (rows.getAttribute("data-paragraphs") === "1") return;
      rows.querySelectorAll(".parallel-row[id] > p.para[data-cite]").forEach(function (para) {
        if (para.getAttribute("lang") !== tag) return;
        addButton(para, para.getAttribute("data-cite"), links("#" + para.parentNode.id), details);
      });
    });
  });
  document.body.appendChild(status);
})();
