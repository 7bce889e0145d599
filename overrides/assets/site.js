// Language switch keeps the reader's place: carry the #fragment over to the other language's page.
(function () {
  function carryFragment() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      a.href = a.href.split("#")[0] + location.hash;
    });
  }
  document.addEventListener("DOMContentLoaded", carryFragment);
  window.addEventListener("hashchange", carryFragment);
  // Also at the moment of choosing, in case the fragment changed without a hashchange event.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link) link.href = link.href.split("#")[0] + location.hash;
  }, true);
})();
