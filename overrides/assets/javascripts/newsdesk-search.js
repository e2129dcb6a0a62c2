// Pagefind's search box on the search page. The bundle's path comes from the script tag that
// loaded pagefind-ui.js; the index is chosen by the page's <html lang>, so English pages search
// English briefings and Italian pages Italian ones. ?q= pre-fills the box (shareable searches)
// and follows the language switch.
(function () {
  var target = document.getElementById("nd-search");
  if (!target || typeof PagefindUI === "undefined") return;
  var italian = document.documentElement.lang === "it";
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
  // Result URLs are relative to the site root, which may be a sub-path (GitHub Pages project sites).
  var script = document.querySelector("script[src$='pagefind/pagefind-ui.js']");
  var baseUrl = new URL(script.src).pathname.replace(/pagefind\/pagefind-ui\.js$/, "");
  var ui = new PagefindUI({
    // The index is split into shard bundles that pagefind/newsdesk/pagefind.js merges
    // (newsdesk/search_index.py): Pagefind UI loads that module instead of Pagefind's own.
    element: "#nd-search", bundlePath: baseUrl + "pagefind/newsdesk/", baseUrl: baseUrl,
    showSubResults: false, showImages: false, resetStyles: false,
    // Pagefind's own Italian says "Cancella la cronologia" for a button that clears the box.
    translations: italian ? {clear_search: "Cancella", placeholder: "Cerca", search_label: "Cerca nei briefing"} : {},
    processResult: function (result) {
      // The excerpt starts at the page's first heading: drop "Summary." / "Riassunto.", and
      // lead with the date and the source (data-pagefind-meta on each briefing page).
      result.excerpt = result.excerpt.replace(/^\s*(Summary|Riassunto)\.\s*/, "");
      // Pagefind renders the excerpt as HTML but gives meta values as the page's plain text (a
      // source named "<img onerror=...>" is that text): escape them before joining.
      var meta = [result.meta.date, result.meta.source].filter(Boolean).map(escapeHtml).join(" · ");
      if (meta) result.excerpt = "<span class=\"nd-result-meta\">" + meta + "</span> " + result.excerpt;
      // Shown once, in the reader's language: Pagefind UI would list them again under the
      // excerpt as "Date: ..." and "Source: ...", labelled in English on the Italian site too.
      delete result.meta.date;
      delete result.meta.source;
      return result;
    }
  });
  // Pagefind labels its box with a title only; screen readers need a real accessible name.
  var input = target.querySelector("input.pagefind-ui__search-input");
  if (input) input.setAttribute("aria-label", document.querySelector("h1").textContent.trim());
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  // The language switch keeps the query: its links get the box's current ?q=.
  function keepQuery(q) {
    q = (q || "").trim();
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      var url = new URL(a.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      a.href = url.toString();
    });
  }
  if (input) input.addEventListener("input", function () { keepQuery(input.value); });
  keepQuery(query);
})();
