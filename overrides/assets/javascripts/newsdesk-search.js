// Pagefind's search box on the search page. The bundle's path comes from the script tag that
// loaded pagefind-ui.js; the index is chosen by the page's <html lang>, so English pages search
// English briefings and Italian pages Italian ones. ?q= pre-fills the box (shareable searches).
(function () {
  var target = document.getElementById("nd-search");
  if (!target || typeof PagefindUI === "undefined") return;
  // Result URLs are relative to the site root, which may be a sub-path (GitHub Pages project sites).
  var script = document.querySelector("script[src$='pagefind/pagefind-ui.js']");
  var baseUrl = new URL(script.src).pathname.replace(/pagefind\/pagefind-ui\.js$/, "");
  var ui = new PagefindUI({
    element: "#nd-search", baseUrl: baseUrl, showSubResults: false, showImages: false, resetStyles: false
  });
  // Pagefind labels its box with a title only; screen readers need a real accessible name.
  var input = target.querySelector("input.pagefind-ui__search-input");
  if (input) input.setAttribute("aria-label", document.querySelector("h1").textContent.trim());
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
