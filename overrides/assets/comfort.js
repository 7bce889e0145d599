// Previews in place for glossary terms and editorial note markers: hover (with a mouse) or tap/click/Enter
// opens a small box below the line (above it near the bottom of the window), never over the line being
// read. Escape, the close button or a click elsewhere closes it. Without JavaScript the links still lead
// to the glossary entry and to the note. Interface words come from assets/words.js.
(function () {
  var words = (window.SITE_WORDS || {})[document.documentElement.lang] || {};
  var box = document.createElement("div");
  box.className = "term-preview";
  box.id = "term-preview";
  box.setAttribute("role", "dialog");
  box.setAttribute("tabindex", "-1");
  box.hidden = true;
  document.body.appendChild(box);
  var owner = null, hoverTimer = null, leaveTimer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function fill(trigger) {
    box.textContent = "";
    var close = el("button", "term-preview__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", words.close || "×");
    close.addEventListener("click", function () { hide(true); });
    if (trigger.classList.contains("term")) {
      var name = el("p", "term-preview__name", trigger.getAttribute("data-name"));
      var other = trigger.getAttribute("data-other");
      if (other) {
        var span = el("span", "", other);
        span.setAttribute("lang", trigger.getAttribute("data-other-lang"));
        name.appendChild(document.createTextNode(" · "));
        name.appendChild(span);
      }
      box.appendChild(name);
      box.appendChild(el("p", "", trigger.getAttribute("data-definition")));
      var more = el("a", "", words.term_more);
      more.href = trigger.href;
      var p = el("p");
      p.appendChild(more);
      box.appendChild(p);
      box.setAttribute("aria-label", trigger.getAttribute("data-name"));
    } else {
      var note = document.getElementById(trigger.getAttribute("href").slice(1));
      var text = el("p");
      note.childNodes.forEach(function (n) {
        if (!(n.classList && n.classList.contains("note-back"))) text.appendChild(n.cloneNode(true));
      });
      box.appendChild(el("p", "term-preview__name", (words.note || "") + " " + trigger.textContent));
      box.appendChild(text);
      box.setAttribute("aria-label", (words.note || "") + " " + trigger.textContent);
    }
    box.appendChild(close);
  }

  function place(trigger) {
    var line = trigger.getClientRects()[0] || trigger.getBoundingClientRect();
    box.style.left = "0px";
    box.style.top = "0px";
    var w = box.offsetWidth, h = box.offsetHeight;
    var left = Math.min(Math.max(8, line.left), document.documentElement.clientWidth - w - 8);
    var below = line.bottom + 6;
    var top = below + h > window.innerHeight && line.top - h - 6 > 0 ? line.top - h - 6 : below;
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  function show(trigger, focus) {
    clearTimeout(leaveTimer);
    if (owner && owner !== trigger) owner.setAttribute("aria-expanded", "false");
    owner = trigger;
    fill(trigger);
    box.hidden = false;
    place(trigger);
    trigger.setAttribute("aria-expanded", "true");
    if (focus) box.focus();
  }

  function hide(returnFocus) {
    if (!owner) return;
    box.hidden = true;
    owner.setAttribute("aria-expanded", "false");
    if (returnFocus) owner.focus();
    owner = null;
  }

  function arm(a) {
    a.setAttribute("aria-haspopup", "dialog");
    a.setAttribute("aria-expanded", "false");
    a.setAttribute("aria-controls", box.id);
  }

  var triggers = document.querySelectorAll(".md-typeset a.term, .md-typeset sup.note-ref > a");
  triggers.forEach(function (a) {
    arm(a);
    a.addEventListener("click", function (event) {
      if (!a.hasAttribute("href")) return;                                 // a term shown as plain text
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;      // a new tab still works
      event.preventDefault();
      if (owner === a && !box.hidden && !a._hovered) { hide(false); return; }
      a._hovered = false;
      show(a, event.detail === 0);      // from the keyboard: into the box
    });
    a.addEventListener("mouseenter", function (event) {
      if (!matchMedia("(hover: hover)").matches || !a.hasAttribute("href")) return;
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(function () { a._hovered = true; show(a, false); }, 250);
    });
    a.addEventListener("mouseleave", function () {
      clearTimeout(hoverTimer);
      leaveTimer = setTimeout(function () { if (owner === a && !box.matches(":hover")) hide(false); }, 300);
    });
  });
  box.addEventListener("mouseleave", function () {
    leaveTimer = setTimeout(function () { if (owner && !owner.matches(":hover")) hide(false); }, 300);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) hide(box.contains(document.activeElement));
  });
  document.addEventListener("click", function (event) {
    if (owner && !box.contains(event.target) && !owner.contains(event.target)) hide(false);
  });
  window.addEventListener("resize", function () { if (owner) place(owner); });

  // --- glossary links can be hidden: a reader's choice, remembered; hidden terms are plain text ------------
  var terms = [].slice.call(document.querySelectorAll(".md-typeset a.term"));
  var KEY = "terms-hidden";
  if (terms.length) {
    var toggle = el("button", "terms-toggle", words.terms_show);
    toggle.type = "button";
    var showTerms = function (shown) {
      document.documentElement.classList.toggle("terms-off", !shown);
      toggle.setAttribute("aria-pressed", shown ? "true" : "false");
      if (!shown && owner && owner.classList.contains("term")) hide(false);
      terms.forEach(function (a) {
        if (shown && a.hasAttribute("data-href")) {
          a.setAttribute("href", a.getAttribute("data-href"));
          a.removeAttribute("data-href");
          arm(a);
        } else if (!shown && a.hasAttribute("href")) {
          a.setAttribute("data-href", a.getAttribute("href"));
          ["href", "aria-haspopup", "aria-expanded", "aria-controls"].forEach(function (n) { a.removeAttribute(n); });
        }
      });
    };
    var hidden = false;
    try { hidden = localStorage.getItem(KEY) === "1"; } catch (e) { /* storage refused: terms shown */ }
    showTerms(!hidden);
    toggle.addEventListener("click", function () {
      var shown = toggle.getAttribute("aria-pressed") !== "true";
      try { localStorage.setItem(KEY, shown ? "0" : "1"); } catch (e) { /* only for this page, then */ }
      showTerms(shown);
    });
    // Beside the status line, before the text; on a page without one, at the top of the content.
    var where = document.querySelector(".md-typeset details.text-status") || terms[0].closest(".md-typeset").firstChild;
    where.parentNode.insertBefore(toggle, where);
  }

  // --- editorial notes are folded at the end of their article: a link to one opens the fold first ----------
  function unfold() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.closest("details:not([open])");
    if (fold) fold.open = true;
  }
  unfold();
  window.addEventListener("hashchange", unfold, true);      // before the landing scroll (reader.js)
  // On paper the notes are printed open, as footnotes are.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [].slice.call(document.querySelectorAll("details.editorial-notes:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); });
})();
