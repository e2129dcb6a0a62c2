// Pagefind's module with newsdesk's shard bundles merged in: newsdesk/search_index.py writes it
// to pagefind/newsdesk/pagefind.js, and the search page's Pagefind UI loads it as its bundle.
//
// 1. ../newsdesk-shards.json lists the shard bundles that hold this page's language; each is
//    merged into Pagefind's own instance at once (Pagefind UI's mergeIndex option would load
//    them one after the other). Pagefind searches every bundle and sorts results by score.
// 2. Pagefind ignores a query word that no page of a bundle has, and matches a word that no page
//    begins with by its longest indexed prefix ("lagarde" by "la"). One index over the whole
//    site does that only for words found nowhere; a shard would also do it for words that only
//    other shards hold. So with shards, each word is searched alone across all of them, and a
//    result must be among each word's: its exact matches, or, for a word that has none (one
//    still being typed), the pages where a word begins with it.
import * as pagefind from "../pagefind.js";

export { destroy, filters, init, mergeIndex, options, preload } from "../pagefind.js";

const lang = (document.documentElement.getAttribute("lang") || "").toLowerCase();
let sharded = false;
try {
  const response = await fetch(new URL(`../newsdesk-shards.json?ts=${Date.now()}`, import.meta.url));
  const shards = response.ok ? await response.json() : {};
  for (const shard of shards[lang] || []) {
    pagefind.mergeIndex(new URL(`../${shard}`, import.meta.url).pathname);
    sharded = true;
  }
} catch (error) {
  console.error("Search: the index's shards were not loaded", error);
}

export async function search(term, options = {}) {
  const found = await pagefind.search(term, options);
  const words = (term || "").trim().split(/\s+/).filter(Boolean);
  if (!sharded || !found || !words.length || /^\s*".+"\s*$/.test(term)) return found;
  const required = [];
  for (const word of words) {
    const exact = await pagefind.search(`"${word.replace(/"/g, "")}"`, options);
    const each = exact && exact.results.length ? exact : await pagefind.search(word, options);
    if (each && each.results.length) required.push(new Set(each.results.map((r) => r.id)));
  }
  found.results = found.results.filter((r) => required.every((ids) => ids.has(r.id)));
  found.unfilteredResultCount = found.results.length;
  return found;
}
