// Minutebook search page: filters, sorting and state kept in the URL, over the site's own static
// index (search/index/, read by search-index.js; the format is docs/search-index.md).
// Loaded as a module from /search/ only; browsing the archive never needs it.
//
// A search fetches only the dictionary buckets of its words and filter values, then visits the
// blocks holding them newest first, until it has a page of results (or a pool of 50 to rank by
// relevance). Until every such block is visited, the count and the filter counts are lower
// bounds, and the status line says so. The filter lists and their idle counts come from the
// index's manifest.

const FILTERS = [
  ["council", "Council"],
  ["committee", "Committee"],
  ["topic", "Topic"],
  ["kind", "Decision"],
  ["year", "Year"],
  ["departure", "Against the recommendation"],
];
// A date range prunes whole blocks by the manifest's dates and trims the rest by each item's
// day; undated items have no day, so a date search leaves them out.
const DATE_FIELDS = ["from", "to"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SORTS = ["newest", "oldest"];
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

const base = document.documentElement.dataset.base || "/";
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const sortSelect = document.getElementById("search-sort");
const sortRow = document.getElementById("search-sort-row");
const statusLine = document.getElementById("search-status");
const resultList = document.getElementById("search-results");
const moreButton = document.getElementById("search-more");
const filterPanel = document.getElementById("search-filters");
const filterGroups = document.getElementById("search-filter-groups");
const dateInputs = Object.fromEntries(
  DATE_FIELDS.map((name) => [name, document.getElementById(`search-${name}`)]),
);

let index = null;
let idleCounts = {};
let current = null; // { search, state, drawn }: the search whose results are on the page
let searchSerial = 0;
let debounceTimer = null;

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const [name] of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const sort = SORTS.includes(params.get("sort")) ? params.get("sort") : "relevance";
  return { query: (params.get("q") || "").trim(), filters, sort, range: readRange(params) };
}

function readRange(source) {
  const range = {};
  for (const name of DATE_FIELDS) {
    const value = typeof source.get === "function" ? source.get(name) : source[name];
    if (value && ISO_DATE.test(value)) range[name] = value;
  }
  return range;
}

function formState() {
  const filters = {};
  for (const box of filterGroups.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  const range = readRange(
    Object.fromEntries(DATE_FIELDS.map((name) => [name, dateInputs[name].value])),
  );
  return { query: input.value.trim(), filters, sort: sortSelect.value, range };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const [name] of FILTERS) {
    for (const value of state.filters[name] || []) params.append(name, value);
  }
  for (const name of DATE_FIELDS) {
    if (state.range[name]) params.set(name, state.range[name]);
  }
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const query = params.toString();
  return window.location.pathname + (query ? `?${query}` : "");
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// search-index.js escapes excerpts and adds only <mark>; neutralise any other "<" all the same,
// so that nothing but those marks can ever become markup.
function safeExcerpt(excerpt) {
  return String(excerpt || "").replace(/<(?!\/?mark>)/g, "&lt;");
}

function describeFilters(filters) {
  const parts = Object.entries(filters).map(([name, values]) => {
    const label = FILTERS.find(([key]) => key === name)[1].toLowerCase();
    return `${label}: ${values.join(" or ")}`;
  });
  return parts.length ? ` (${parts.join("; ")})` : "";
}

function describeRange(range) {
  if (!range.from && !range.to) return "";
  const span = range.from && range.to ? `from ${range.from} to ${range.to}`
    : range.from ? `from ${range.from}` : `up to ${range.to}`;
  return ` (meeting date ${span}; items without a recorded meeting date are left out)`;
}

// The manifest's whole-archive counts, in the { name: { value: count } } shape of a search's.
function manifestCounts(filters) {
  return Object.fromEntries(
    Object.entries(filters).map(([name, { values, counts }]) => [
      name,
      Object.fromEntries(values.map((value, i) => [value, counts[i]])),
    ]),
  );
}

function renderFilters(available, selected) {
  filterGroups.replaceChildren();
  for (const [name, label] of FILTERS) {
    const values = Object.keys(available[name] || {}).sort((a, b) =>
      name === "year" ? b.localeCompare(a) : a.localeCompare(b),
    );
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    fieldset.append(legend);
    values.forEach((value, index) => {
      const id = `filter-${name}-${index}`;
      const row = document.createElement("div");
      row.className = "checkbox";
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", id, name, value });
      box.checked = (selected[name] || []).includes(value);
      const text = document.createElement("label");
      text.htmlFor = id;
      text.dataset.value = value;
      text.textContent = value;
      const count = document.createElement("span");
      count.className = "count";
      count.dataset.filter = `${name}\u0000${value}`;
      text.append(" ", count);
      row.append(box, text);
      fieldset.append(row);
    });
    filterGroups.append(fieldset);
  }
  filterPanel.hidden = !filterGroups.children.length;
}

// Counts over part of the archive are lower bounds, "(12+)", and a zero there is not "empty".
function updateCounts(counts, exact) {
  for (const span of filterGroups.querySelectorAll("span[data-filter]")) {
    const [name, value] = span.dataset.filter.split("\u0000");
    const count = (counts[name] || {})[value] || 0;
    span.textContent = exact ? `(${count})` : `(${count}+)`;
    span.closest(".checkbox").classList.toggle("checkbox--empty", exact && count === 0);
  }
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const meta = data.meta || {};
  const subs = data.subResults.slice(0, 3);
  item.innerHTML = `
    <h2><a class="search-result__link" href="${escapeHtml(data.url)}">${escapeHtml(data.title || data.url)}</a></h2>
    <p class="search-result__meta">${escapeHtml([meta.council, meta.committee, meta.date].filter(Boolean).join(" · "))}</p>
    <p class="search-result__excerpt">${safeExcerpt(data.excerpt)}</p>
    ${subs.length ? `<ul class="search-result__subs">${subs.map((sub) => `
      <li><a class="search-result__sub" href="${escapeHtml(sub.url)}">${escapeHtml(sub.title)}</a>: ${safeExcerpt(sub.excerpt)}</li>`).join("")}</ul>` : ""}`;
  return item;
}

// Each page may visit further blocks, so the count and filter counts are redrawn after it.
// Pages are drawn one after another, so a quick second "More results" cannot overtake the first.
function showMore(serial) {
  const shown = current;
  const drawn = shown.drawn.then(() => drawPage(shown, serial));
  shown.drawn = drawn.catch(() => {});
  return drawn;
}

// The list is aria-busy while a page of results arrives, so that assistive technology (and a
// test) can tell a page still being drawn from a finished one.
async function drawPage({ search, state }, serial) {
  resultList.setAttribute("aria-busy", "true");
  try {
    // Each result is shown as soon as its record (and those before it) has arrived.
    for await (const data of search.next(PAGE_SIZE)) {
      if (serial !== searchSerial) return;
      resultList.append(resultItem(data));
    }
    if (serial !== searchSerial) return;
    moreButton.hidden = !search.hasMore;
    updateCounts(search.filterCounts(), search.exact);
    announce(state, search);
  } finally {
    if (serial === searchSerial) resultList.removeAttribute("aria-busy");
  }
}

function announce(state, search) {
  const where = describeFilters(state.filters) + describeRange(state.range);
  const what = state.query ? ` for “${state.query}”` : "";
  const total = search.total;
  if (!search.exact && total === 0) {
    statusLine.textContent = `No results yet${what}${where}: the newest items with these words do not have the phrase. “More results” searches older ones.`;
  } else if (!search.exact) {
    const order = state.sort === "oldest" ? "oldest" : "newest";
    statusLine.textContent = `At least ${total} results${what}${where} (searched ${order} first; more load as you page)`;
  } else if (total === 0) {
    statusLine.textContent = `No results${what}${where}. Check the spelling, try fewer or different words, or remove a filter.`;
  } else {
    statusLine.textContent = `${total} ${total === 1 ? "result" : "results"}${what}${where}`;
  }
}

async function runSearch(state) {
  const serial = ++searchSerial;
  try {
    await showSearch(state, serial);
  } catch (error) {
    if (serial === searchSerial) reportFailure(error);
  }
}

async function showSearch(state, serial) {
  const hasRange = Boolean(state.range.from || state.range.to);
  const hasFilters = Object.keys(state.filters).length > 0 || hasRange;
  if (!state.query && !hasFilters) {
    current = null;
    resultList.replaceChildren();
    moreButton.hidden = true;
    statusLine.textContent = "";
    updateCounts(idleCounts, true);
    return;
  }
  const search = await index.search(state);
  if (serial !== searchSerial) return;
  current = { search, state, drawn: Promise.resolve() };
  resultList.replaceChildren();
  await showMore(serial);
}

function applyForm(replace) {
  const state = formState();
  const url = stateUrl(state);
  if (url !== window.location.pathname + window.location.search) {
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }
  runSearch(state);
}

function showState(state) {
  input.value = state.query;
  sortSelect.value = state.sort;
  for (const name of DATE_FIELDS) dateInputs[name].value = state.range[name] || "";
  for (const box of filterGroups.querySelectorAll("input[type=checkbox]")) {
    box.checked = (state.filters[box.name] || []).includes(box.value);
  }
}

function reportFailure(error) {
  statusLine.textContent = "Search could not load. Try reloading the page; browsing by council, topic or decision still works.";
  console.warn("Search failed:", error);
}

async function start() {
  // The same version query as this file's, so a new build never pairs with a cached reader.
  const { SearchIndex } = await import(`./search-index.js${new URL(import.meta.url).search}`);
  index = new SearchIndex(`${base}search/index/`, base);
  const manifest = await index.manifest();
  idleCounts = manifestCounts(manifest.filters);
  const state = readState();
  renderFilters(idleCounts, state.filters);
  sortRow.hidden = false;
  showState(state);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounceTimer);
    applyForm(false);
  });
  input.addEventListener("input", () => {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => applyForm(true), DEBOUNCE_MS);
  });
  filterGroups.addEventListener("change", () => applyForm(false));
  sortSelect.addEventListener("change", () => applyForm(false));
  for (const name of DATE_FIELDS) dateInputs[name].addEventListener("change", () => applyForm(false));
  moreButton.addEventListener("click", () => {
    const serial = searchSerial;
    showMore(serial).catch((error) => serial === searchSerial && reportFailure(error));
  });
  window.addEventListener("popstate", () => {
    const restored = readState();
    showState(restored);
    runSearch(restored);
  });
  await runSearch(state);
}

start().catch(reportFailure);
