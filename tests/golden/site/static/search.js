// Minutebook search page: Pagefind's JS API with filters, sorting and state kept in the URL.
// Loaded as a module from /search/ only; browsing the archive never needs it.
//
// The index is split into shards (one Pagefind bundle per council, or per run of years for a big
// council), listed in pagefind/shards.json with the council and years each covers. A search loads
// only the shards its council, year and date filters can match, merged into one Pagefind instance
// with mergeIndex; other shards hold no page those filters let through, so results and counts are
// the same as with every shard. The filter lists and their idle counts come from shards.json.

const FILTERS = [
  ["council", "Council"],
  ["committee", "Committee"],
  ["topic", "Topic"],
  ["kind", "Decision"],
  ["year", "Year"],
  ["departure", "Against the recommendation"],
];
// Pagefind has no range filter: a date range selects the months it spans through the hidden
// "month" filter (YYYY-MM, dated items only), then trims the boundary days with each result's
// "date_iso" meta. Undated items have no month, so a date search leaves them out.
const DATE_FIELDS = ["from", "to"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Pagefind leaves out pages that lack the sort key, so undated items carry sort keys that put
// them last both ways ("0000-00-00" newest-first, "9999-99-99" oldest-first).
const SORTS = { newest: { newest: "desc" }, oldest: { oldest: "asc" } };
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
// Options given to the first bundle do not carry over to merged ones: each gets them.
const INDEX_OPTIONS = { excerptLength: 30 };

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

let manifest = { shards: [], filters: {} };
let pagefindModule = null;
let active = null; // { key, ready }: a Pagefind instance (promised) over the shards in key
let currentResults = [];
let shown = 0;
let searchSerial = 0;
let debounceTimer = null;

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const [name] of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const sort = SORTS[params.get("sort")] ? params.get("sort") : "relevance";
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

function monthsBetween(range) {
  const from = (range.from || "1900-01").slice(0, 7);
  const to = (range.to || "2100-12").slice(0, 7);
  const months = [];
  let [year, month] = from.split("-").map(Number);
  while (`${year}-${String(month).padStart(2, "0")}` <= to && months.length < 2400) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

function inRange(date, range) {
  return Boolean(date) && (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

function bundleUrl(name) {
  return `${base}pagefind/${encodeURIComponent(name)}/`;
}

// The shards whose pages could pass the council, year and date filters (any other filter can
// match pages of any shard). With none left, one shard still answers, with no results.
function shardsFor(state) {
  const councils = state.filters.council;
  const years = state.filters.year;
  const span = yearSpan(state.range);
  const chosen = manifest.shards.filter(
    (shard) =>
      (!councils || councils.some((council) => shard.councils.includes(council))) &&
      (!years || shard.years.some((year) => years.includes(year))) &&
      (!span || shard.years.some((year) => /^\d{4}$/.test(year) && year >= span.from && year <= span.to)),
  );
  return (chosen.length ? chosen : manifest.shards.slice(0, 1)).map((shard) => shard.name);
}

function yearSpan(range) {
  if (!range.from && !range.to) return null;
  return { from: (range.from || "0000").slice(0, 4), to: (range.to || "9999").slice(0, 4) };
}

// One Pagefind instance over exactly these shards: the one already loaded if it matches, else the
// old one is destroyed and a new one made (searches still running on the old one are stale).
function instanceFor(names) {
  const key = names.join(" ");
  if (active?.key !== key) {
    const entry = { key, ready: mergedInstance(names, active) };
    entry.ready.catch(() => {
      if (active === entry) active = null; // the next search tries again
    });
    active = entry;
  }
  return active.ready;
}

async function mergedInstance(names, previous) {
  if (previous) await previous.ready.then((old) => old.destroy(), () => {});
  const [first, ...others] = names.map(bundleUrl);
  pagefindModule ||= await import(`${first}pagefind.js`);
  const instance = pagefindModule.createInstance({ basePath: first });
  await instance.options({ baseUrl: base, ...INDEX_OPTIONS });
  await Promise.all(
    others.map((bundle) => instance.mergeIndex(bundle, { baseUrl: base, ...INDEX_OPTIONS })),
  );
  return instance;
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

// Pagefind's excerpts are already-escaped text with <mark> around matches: neutralise any
// other "<" so that nothing but those marks can ever become markup.
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

function updateCounts(counts) {
  for (const span of filterGroups.querySelectorAll("span[data-filter]")) {
    const [name, value] = span.dataset.filter.split("\u0000");
    const count = (counts[name] || {})[value] || 0;
    span.textContent = `(${count})`;
    span.closest(".checkbox").classList.toggle("checkbox--empty", count === 0);
  }
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const meta = data.meta || {};
  const subs = (data.sub_results || []).filter((sub) => sub.url.includes("#")).slice(0, 3);
  item.innerHTML = `
    <h2><a class="search-result__link" href="${escapeHtml(data.url)}">${escapeHtml(meta.title || data.url)}</a></h2>
    <p class="search-result__meta">${escapeHtml([meta.council, meta.committee, meta.date].filter(Boolean).join(" · "))}</p>
    <p class="search-result__excerpt">${safeExcerpt(data.excerpt)}</p>
    ${subs.length ? `<ul class="search-result__subs">${subs.map((sub) => `
      <li><a class="search-result__sub" href="${escapeHtml(sub.url)}">${escapeHtml(sub.title)}</a>: ${safeExcerpt(sub.excerpt)}</li>`).join("")}</ul>` : ""}`;
  return item;
}

async function showMore(serial) {
  const next = currentResults.slice(shown, shown + PAGE_SIZE);
  const fragments = await Promise.all(next.map((result) => result.data()));
  if (serial !== searchSerial) return;
  for (const data of fragments) resultList.append(resultItem(data));
  shown += next.length;
  moreButton.hidden = shown >= currentResults.length;
}

function announce(state, total) {
  const where = describeFilters(state.filters) + describeRange(state.range);
  const what = state.query ? ` for “${state.query}”` : "";
  if (total === 0) {
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
    // A search overtaken by a newer one may fail as its Pagefind instance is replaced.
    if (serial === searchSerial) reportFailure(error);
  }
}

async function showSearch(state, serial) {
  const hasRange = Boolean(state.range.from || state.range.to);
  const hasFilters = Object.keys(state.filters).length > 0 || hasRange;
  if (!state.query && !hasFilters) {
    resultList.replaceChildren();
    moreButton.hidden = true;
    statusLine.textContent = "";
    updateCounts(manifest.filters);
    return;
  }
  const search = await searchShards(state);
  if (serial !== searchSerial) return;
  let results = hasRange ? await trimToRange(search.results, state.range) : search.results;
  if (search.shardCount > 1 && SORTS[state.sort]) results = await sortByDate(results, state.sort);
  if (serial !== searchSerial) return;
  currentResults = results;
  shown = 0;
  resultList.replaceChildren();
  updateCounts(search.filters || {});
  announce(state, currentResults.length);
  await showMore(serial);
}

async function searchShards(state) {
  const names = shardsFor(state);
  if (!names.length) return { results: [], filters: {}, shardCount: 0 };
  const instance = await instanceFor(names);
  const filters = Object.fromEntries(
    Object.entries(state.filters).map(([name, values]) => [name, { any: values }]),
  );
  if (state.range.from || state.range.to) filters.month = { any: monthsBetween(state.range) };
  const options = { filters };
  if (SORTS[state.sort]) options.sort = SORTS[state.sort];
  const search = await instance.search(state.query || null, options);
  return { ...search, shardCount: names.length };
}

// Only results in the first and last months can fall outside the range, but a result's month is
// known only from its data, so every result's data is loaded (Pagefind caches the fragments).
async function trimToRange(results, range) {
  const data = await Promise.all(results.map((result) => result.data()));
  return results.filter((_, index) => inRange((data[index].meta || {}).date_iso, range));
}

// Each shard sorts its own results by date, but Pagefind merges shards by score, and a sorted
// result's score is only its place within its own shard: sort again by the date in its data.
// Undated items keep the sort keys of their pages, which put them last both ways.
async function sortByDate(results, sort) {
  const data = await Promise.all(results.map((result) => result.data()));
  const undated = sort === "newest" ? "0000-00-00" : "9999-99-99";
  const dates = data.map((item) => (item.meta || {}).date_iso || undated);
  const order = results.map((_, index) => index);
  order.sort((a, b) => (sort === "newest" ? -1 : 1) * dates[a].localeCompare(dates[b]));
  return order.map((index) => results[index]);
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
  const response = await fetch(`${base}pagefind/shards.json`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`pagefind/shards.json: HTTP ${response.status}`);
  manifest = await response.json();
  const state = readState();
  renderFilters(manifest.filters, state.filters);
  sortRow.hidden = false;
  showState(state);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounceTimer);
    applyForm(false);
  });
  // Start loading the shards a search would need while the reader types.
  input.addEventListener("focus", () => instanceFor(shardsFor(formState())).catch(() => {}));
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
