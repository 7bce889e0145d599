// Runs before Material's own scripts start (this file loads at the end of <body>).
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
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      a.href = a.href.split("#")[0] + location.hash;
    });
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a.md-select__link[hreflang]")) carryFragment();
  }, true);
})();
