// Minutebook's own static search index, read in the browser (the format: docs/search-index.md).
// No DOM here: static/search.js draws the page. The text rules (terms, hash) must equal
// minutebook/index/terms.py exactly, or a word indexed by Python is never found by the browser;
// tests/browser/test_search_index.py compares the two.

const WORD = /[\p{L}\p{N}]+/gu;
const ONE_DIGIT = /^\p{Nd}$/u; // a decimal digit, as Python's str.isdecimal()
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Relevance ranks a pool of this many matches (the newest found) before showing any of them.
export const POOL = 50;
// A quoted phrase is checked against records: with this few candidates, check them all.
const VERIFY_ALL = 100;
const MAX_WAVE = 8; // blocks visited at once
// Records checked for a quoted phrase per page of results asked for: a phrase whose words are
// common but which is itself rare would otherwise fetch every record that holds the words.
const PHRASE_CHECKS = 100;
// Records checked at once: a first batch of a page's worth (a phrase's candidates hold all its
// word pairs, so they nearly always hold the phrase), then the rest of the page's budget in one
// go rather than batch after batch.
const CHECK_BATCH = 10;
const DAY_MS = 86_400_000;
const DAY_ZERO = Date.UTC(1900, 0, 1) / DAY_MS - 1; // day 0 means undated, so 1900-01-01 is 1

// The plural rule of the spec, on tokens of 4 or more characters (code points, as in Python).
export function stem(token) {
  if ([...token].length < 4) return token;
  if (token.endsWith("ies") && !/[ea]ies$/.test(token)) return `${token.slice(0, -3)}y`;
  if (token.endsWith("es") && !/[aeo]es$/.test(token)) return token.slice(0, -1);
  if (token.endsWith("s") && !/[us]s$/.test(token)) return token.slice(0, -1);
  return token;
}

function termOf(token) {
  return [...token].length === 1 && !ONE_DIGIT.test(token) ? null : stem(token);
}

export function terms(text) {
  const found = [];
  for (const token of String(text).normalize("NFKC").toLowerCase().match(WORD) || []) {
    const term = termOf(token);
    if (term) found.push(term);
  }
  return found;
}

// 32-bit FNV-1a over the UTF-8 bytes.
export function hash(term) {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(term)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

// Two consecutive terms, from their hashes (minutebook/index/terms.py: pair_hash).
export function pairHash(first, second) {
  return (Math.imul(hash(first), 0x01000193) ^ hash(second)) >>> 0;
}

// A phrase's pairs of consecutive terms, each once.
function phrasePairs(phrases) {
  const pairs = new Map();
  for (const phrase of phrases) {
    for (let i = 0; i + 1 < phrase.length; i++) {
      pairs.set(`${phrase[i]} ${phrase[i + 1]}`, [phrase[i], phrase[i + 1]]);
    }
  }
  return [...pairs.values()];
}

// Varints and strings, read in order from one file's bytes.
export class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }

  get done() {
    return this.pos >= this.bytes.length;
  }

  // Multiplication rather than shifts: bitwise operators would wrap at 2^31.
  varint() {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      if (this.pos >= this.bytes.length) throw new Error("search index: truncated varint");
      byte = this.bytes[this.pos++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }

  rawString() {
    const length = this.varint();
    const start = this.pos;
    this.pos += length;
    if (this.pos > this.bytes.length) throw new Error("search index: truncated string");
    return this.bytes.subarray(start, this.pos);
  }

  string() {
    return decoder.decode(this.rawString());
  }
}

// Files are sorted by the terms' UTF-8 bytes, so a lookup compares bytes and stops early.
function compareBytes(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

// Scan a sorted file for one term; readEntry reads (or skips) the fields after each term.
function findTerm(bytes, term, readEntry) {
  const key = encoder.encode(term);
  const reader = new Reader(bytes);
  while (!reader.done) {
    const order = compareBytes(reader.rawString(), key);
    const entry = readEntry(reader);
    if (order === 0) return entry;
    if (order > 0) return null;
  }
  return null;
}

function readDictionaryEntry(reader) {
  const df = reader.varint();
  const blocks = new Map();
  let block = 0;
  for (let n = reader.varint(); n > 0; n--) {
    block += reader.varint();
    blocks.set(block, reader.varint());
  }
  return { df, blocks };
}

function readPostings(reader) {
  const ids = [];
  const weights = [];
  let id = 0;
  for (let n = reader.varint(); n > 0; n--) {
    id += reader.varint();
    ids.push(id);
    weights.push(reader.varint());
  }
  return { ids, weights };
}

// w<k>.bin: pair hash → ascending local ids, for every pair of the bucket.
function readPairs(bytes) {
  const reader = new Reader(bytes);
  const found = new Map();
  let pair = 0;
  while (!reader.done) {
    pair += reader.varint();
    const ids = [];
    let id = 0;
    for (let n = reader.varint(); n > 0; n--) ids.push((id += reader.varint()));
    found.set(pair, ids);
  }
  return found;
}

// facets.bin: each document's day, then its value ids per filter. Kept as offsets, read on demand.
export function readFacets(bytes, filterCount) {
  const reader = new Reader(bytes);
  const days = [];
  const offsets = [];
  while (!reader.done) {
    days.push(reader.varint());
    offsets.push(reader.pos);
    for (let f = 0; f < filterCount; f++) {
      for (let n = reader.varint(); n > 0; n--) reader.varint();
    }
  }
  return {
    days,
    values(local) {
      reader.pos = offsets[local];
      const perFilter = [];
      for (let f = 0; f < filterCount; f++) {
        const ids = [];
        for (let n = reader.varint(); n > 0; n--) ids.push(reader.varint());
        perFilter.push(ids);
      }
      return perFilter;
    },
  };
}

// A server that adds Content-Encoding: gzip has already decompressed the record.
export async function gunzip(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function dayNumber(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS - DAY_ZERO;
}

// Words outside quotes are terms; a quoted phrase adds its terms and must appear as written.
// Curly quotes count as quotes; an unclosed quote quotes nothing.
export function parseQuery(text) {
  const parts = String(text).replace(/[“”„]/g, '"').split('"');
  const words = [];
  const phrases = [];
  parts.forEach((part, index) => {
    const partTerms = terms(part);
    const quoted = index % 2 === 1 && index < parts.length - 1;
    if (quoted && partTerms.length > 1) phrases.push(partTerms);
    words.push(...partTerms);
  });
  return { terms: [...new Set(words)], phrases };
}

function containsRun(haystack, needle) {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((term, j) => haystack[i + j] === term)) return true;
  }
  return false;
}

export function hasPhrases(record, phrases) {
  const texts = [record.title, ...(record.sections || []).map((section) => section.text)];
  const termLists = texts.map((text) => terms(text || ""));
  return phrases.every((phrase) => termLists.some((list) => containsRun(list, phrase)));
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// One whitespace-separated word as HTML, with <mark> around each token that is a query term.
function markWord(word, wanted) {
  let html = "";
  let last = 0;
  for (const match of word.matchAll(WORD)) {
    if (!terms(match[0]).some((term) => wanted.has(term))) continue;
    html += `${escapeHtml(word.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(word.slice(last));
}

function wordMatches(word, wanted) {
  return terms(word).some((term) => wanted.has(term));
}

// About `length` words of text around its first matching word, escaped, with matches marked.
// Only the words shown are marked: a section can run to thousands of words.
export function excerpt(text, wanted, length = 30) {
  const words = String(text || "").split(/\s+/).filter(Boolean);
  const first = Math.max(0, words.findIndex((word) => wordMatches(word, wanted)));
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), words.length - length));
  const end = Math.min(words.length, start + length);
  const html = words.slice(start, end).map((word) => markWord(word, wanted)).join(" ");
  return `${start > 0 ? "… " : ""}${html}${end < words.length ? " …" : ""}`;
}

// A term's stem can end in "y" where the word has "ies", so its text holds the rest as written.
function mayHold(text, wanted) {
  const lower = String(text || "").normalize("NFKC").toLowerCase();
  return [...wanted].some((term) => lower.includes(term.replace(/y$/, "")));
}

// How many of the query's terms a text holds; the substring test first spares tokenising the
// many sections that hold none.
function matchingTerms(text, wanted) {
  if (!mayHold(text, wanted)) return 0;
  return new Set(terms(text || "").filter((term) => wanted.has(term))).size;
}

function sectionMatches(text, wanted) {
  return matchingTerms(text, wanted) > 0;
}

// The section holding the most of the query's terms (the first such): often the body rather
// than the first section, which is little more than the title.
function bestSection(sections, wanted) {
  let best = sections[0];
  let most = 0;
  for (const section of sections) {
    const found = matchingTerms(section.text, wanted);
    if (found > most) [best, most] = [section, found];
  }
  return best;
}

// What the page shows of one result: built from its record, escaped here.
export function describe(record, wanted, base) {
  const sections = record.sections || [];
  const url = base + String(record.url).replace(/^\//, "");
  const first = bestSection(sections, wanted);
  const subResults = sections
    .filter((section) => section.id && sectionMatches(section.text, wanted))
    .slice(0, 3)
    .map((section) => ({
      url: `${url}#${section.id}`,
      title: section.title,
      excerpt: excerpt(section.text, wanted),
    }));
  return {
    url,
    title: record.title,
    meta: record.meta || {},
    excerpt: excerpt(first ? first.text : "", wanted),
    subResults,
  };
}

// The index at one base URL. Every file is fetched at most once (a Map of promises); a failed
// fetch is forgotten so that the next search tries it again.
export class SearchIndex {
  constructor(indexUrl, siteBase = "/") {
    this.indexUrl = indexUrl;
    this.siteBase = siteBase;
    this.cache = new Map();
  }

  cached(key, load) {
    if (!this.cache.has(key)) {
      const promise = load();
      promise.catch(() => this.cache.delete(key));
      this.cache.set(key, promise);
    }
    return this.cache.get(key);
  }

  // Every index file is gzipped (gunzip passes through what a server has already decoded).
  // A missing optional file (a dictionary bucket no term fell in) is empty.
  bytes(path, optional = false) {
    return this.cached(path, async () => {
      const response = await fetch(this.indexUrl + path);
      if (optional && response.status === 404) return new Uint8Array(0);
      if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
      return gunzip(new Uint8Array(await response.arrayBuffer()));
    });
  }

  manifest() {
    return this.cached("manifest", async () => {
      const response = await fetch(`${this.indexUrl}manifest.json`, { cache: "no-cache" });
      if (!response.ok) throw new Error(`search index: manifest.json: HTTP ${response.status}`);
      const manifest = await response.json();
      if (manifest.version !== 1) throw new Error(`search index: version ${manifest.version}`);
      return manifest;
    });
  }

  // A term's document frequency and the blocks holding it, or null when it occurs nowhere.
  lookup(term) {
    return this.cached(`term ${term}`, async () => {
      const manifest = await this.manifest();
      const bytes = await this.bytes(`terms/${hash(term) % manifest.term_buckets}.bin`, true);
      return findTerm(bytes, term, readDictionaryEntry);
    });
  }

  postings(block, term) {
    return this.cached(`postings ${block} ${term}`, async () => {
      const manifest = await this.manifest();
      const bytes = await this.bytes(`blocks/${block}/p${hash(term) % manifest.block_buckets}.bin`);
      return findTerm(bytes, term, readPostings) || { ids: [], weights: [] };
    });
  }

  // The local ids of the documents of a block holding two consecutive terms, and perhaps a
  // few more (pairs are told apart by a 32-bit hash), so a phrase's matches are still checked.
  pairs(block, [first, second]) {
    return this.cached(`pairs ${block} ${first} ${second}`, async () => {
      const manifest = await this.manifest();
      const pair = pairHash(first, second);
      const file = `blocks/${block}/w${pair % manifest.block_buckets}.bin`;
      const bucket = await this.cached(`pairs of ${file}`, async () => readPairs(await this.bytes(file)));
      return bucket.get(pair) || [];
    });
  }

  facets(block) {
    return this.cached(`facets ${block}`, async () => {
      const manifest = await this.manifest();
      const bytes = await this.bytes(`blocks/${block}/facets.bin`);
      return readFacets(bytes, Object.keys(manifest.filters).length);
    });
  }

  record(block, local) {
    return this.cached(`record ${block} ${local}`, async () => {
      const bytes = await this.bytes(`blocks/${block}/d${local}.json.gz`);
      return JSON.parse(decoder.decode(bytes));
    });
  }

  // request: { query, filters: { name: [values] }, range: { from, to }, sort }.
  async search(request) {
    const search = new Search(this, request, await this.manifest());
    await search.prepare();
    return search;
  }
}

function union(lists) {
  if (lists.length === 1) return lists[0];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

function intersect(lists) {
  const [smallest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  const sets = others.map((list) => new Set(list));
  return smallest.filter((id) => sets.every((set) => set.has(id)));
}

// One query over the index: the candidate blocks are planned once, then visited in order as
// pages of results are asked for. Everything it reports (total, exact, filter counts) covers
// the blocks visited so far; it is exact once every candidate block is visited.
export class Search {
  constructor(index, request, manifest) {
    this.index = index;
    this.manifest = manifest;
    this.sort = ["newest", "oldest"].includes(request.sort) ? request.sort : "relevance";
    const { terms: queryTerms, phrases } = parseQuery(request.query || "");
    this.terms = queryTerms;
    this.phrases = phrases;
    this.pairs = phrasePairs(phrases);
    this.wanted = new Set(queryTerms);
    this.filterGroups = Object.entries(request.filters || {}).filter(([, values]) => values.length);
    this.filterTerms = this.filterGroups.map(([name, values]) => values.map((value) => `${name}=${value}`));
    this.range = request.range || {};
    this.hasRange = Boolean(this.range.from || this.range.to);
    this.segments = []; // { block, lo, hi, descending }: local ids lo … hi-1, in visiting order
    this.visited = 0;
    this.queue = []; // matches found and not yet shown; a phrase's are checked as they are shown
    this.total = 0;
    this.checks = 0; // records checked for quoted phrases so far
    this.counts = Object.keys(manifest.filters).map(() => new Map());
    this.busy = Promise.resolve();
  }

  get exact() {
    return this.visited >= this.segments.length && this.queue.every((match) => match.checked);
  }

  get hasMore() {
    return this.queue.length > 0 || this.visited < this.segments.length;
  }

  async prepare() {
    this.prefetchLikelyFirstBlock();
    const [found, filterFound] = await Promise.all([
      Promise.all(this.terms.map((term) => this.index.lookup(term))),
      Promise.all(this.filterTerms.map((group) => Promise.all(group.map((t) => this.index.lookup(t))))),
    ]);
    // Within a filter, only the values that occur anywhere; a filter with none matches nothing.
    this.filterEntries = filterFound.map((entries, f) =>
      entries.map((entry, v) => [this.filterTerms[f][v], entry]).filter(([, entry]) => entry),
    );
    if (found.includes(null) || this.filterEntries.some((entries) => !entries.length)) return;
    const docs = this.manifest.docs;
    this.idf = found.map((entry) => Math.log(1 + (docs - entry.df + 0.5) / (entry.df + 0.5)));
    const blocks = this.manifest.blocks
      .map((_, block) => block)
      .filter(
        (block) =>
          found.every((entry) => entry.blocks.has(block)) &&
          this.filterEntries.every((entries) => entries.some(([, e]) => e.blocks.has(block))) &&
          this.blockInRange(this.manifest.blocks[block]),
      );
    this.segments = this.plan(blocks);
  }

  // The block a search by relevance or newest visits first is nearly always the newest one its
  // filter values allow (the manifest's "newest"), so its postings and facets are fetched at
  // the same time as the dictionary rather than after it: one round trip fewer before the
  // first results. Every posting bucket file exists (docs/search-index.md), so a wrong guess
  // costs a few KB, never a 404.
  prefetchLikelyFirstBlock() {
    const block = this.likelyFirstBlock();
    if (block === null) return;
    // Of the filter values, those that may be in the block (none newer is older than it).
    const values = this.filterGroups.flatMap(([name, selected]) =>
      selected.filter((value) => this.newestBlockOf(name, value) >= block).map((value) => `${name}=${value}`),
    );
    const wanted = [...this.terms, ...values];
    const fetches = [
      ...wanted.map((term) => this.index.postings(block, term)),
      ...this.pairs.map((pair) => this.index.pairs(block, pair)),
      this.index.facets(block),
    ];
    // A failure is reported by the search that needs the file, not here.
    for (const fetched of fetches) fetched.catch(() => {});
  }

  likelyFirstBlock() {
    if (this.sort === "oldest" || (!this.terms.length && !this.filterTerms.length)) return null;
    let block = this.manifest.blocks.length - 1;
    for (const [name, selected] of this.filterGroups) {
      block = Math.min(block, Math.max(...selected.map((value) => this.newestBlockOf(name, value))));
    }
    return block >= 0 && this.blockInRange(this.manifest.blocks[block]) ? block : null;
  }

  // The highest block holding a filter value, or -1 (a value nowhere, or an index without it).
  newestBlockOf(name, value) {
    const { values = [], newest = [] } = this.manifest.filters[name] || {};
    return newest[values.indexOf(value)] ?? -1;
  }

  blockInRange(block) {
    if (!this.hasRange) return true;
    const { from, to } = this.range;
    return Boolean(block.first_date) && (!from || block.last_date >= from) && (!to || block.first_date <= to);
  }

  // Dated ids newest first (or oldest first), then the undated ids in id (URL) order either
  // way; a date range leaves the undated ones out.
  plan(blocks) {
    const { block_docs: size, undated } = this.manifest;
    const dated = [];
    const undatedSegments = [];
    for (const block of blocks) {
      const docs = this.manifest.blocks[block].docs;
      const split = Math.min(docs, Math.max(0, undated - block * size));
      if (split < docs) dated.push({ block, lo: split, hi: docs, descending: this.sort !== "oldest" });
      if (split > 0 && !this.hasRange) undatedSegments.push({ block, lo: 0, hi: split, descending: false });
    }
    if (this.sort !== "oldest") dated.reverse();
    return [...dated, ...undatedSegments];
  }

  // The next `count` results to show, as an async iterable of their descriptions in order:
  // each comes as soon as its record (and every result before it) is ready, so the page can
  // show the first before the rest arrive. Calls run one at a time (a second click on "More
  // results" waits for the first page to be taken), as each takes from the queue.
  async *next(count) {
    const before = this.busy;
    let release;
    this.busy = new Promise((resolve) => (release = resolve));
    try {
      await before;
      yield* this.nextNow(count);
    } finally {
      release();
    }
  }

  async *nextNow(count) {
    let shown = 0;
    const budget = this.checks + PHRASE_CHECKS;
    let batch = CHECK_BATCH;
    while (shown < count) {
      const need = count - shown;
      if (this.phrases.length && this.checks >= budget) break; // "More results" goes on
      if (this.queue.length < need && this.visited < this.segments.length) {
        await this.refill(need);
      } else if (!this.queue.length) {
        break;
      } else if (!this.phrases.length) {
        // Every match is already known to match: fetch all their records at once.
        const described = this.queue.splice(0, need).map((match) => this.described(match));
        for (const description of described) description.catch(() => {}); // if abandoned
        for (const description of described) {
          shown += 1;
          yield await description;
        }
      } else {
        // Its record was fetched to check it, so each confirmed match is described at once.
        for await (const match of this.confirmed(need, batch)) {
          shown += 1;
          yield await this.described(match);
        }
        batch = Math.max(CHECK_BATCH, budget - this.checks);
      }
    }
  }

  described(match) {
    return this.index.record(match.block, match.local)
      .then((record) => describe(record, this.wanted, this.index.siteBase));
  }

  // Visit further blocks until the queue holds a pool to rank (relevance), a page (by date),
  // or enough phrase candidates to tell whether all of them can be checked. After the first
  // block, several are fetched at once, as many as the matches per block so far say are
  // needed (at most MAX_WAVE), so a rare query does not wait for one block after another.
  async refill(need) {
    const target = this.phrases.length ? VERIFY_ALL + 1
      : this.sort === "relevance" ? Math.max(POOL, need) : need;
    let [visits, found] = [0, 0];
    while (this.queue.length < target && this.visited < this.segments.length) {
      const missing = target - this.queue.length;
      const wave = visits ? Math.min(MAX_WAVE, Math.ceil(missing / (found / visits || 1 / MAX_WAVE))) : 1;
      const segments = this.segments.slice(this.visited, this.visited + wave);
      // The first wave's facets come with its postings: the page is waiting for its matches.
      const eager = visits === 0;
      this.visited += segments.length;
      visits += segments.length;
      for (const matches of await Promise.all(segments.map((s) => this.visit(s, eager)))) {
        this.queue.push(...matches);
        found += matches.length;
      }
    }
    // Stable: equal scores keep their visiting order (newest first).
    if (this.sort === "relevance") this.queue.sort((a, b) => b.score - a.score);
  }

  // Up to `need` phrase matches from the front of the queue, in order. A batch of candidates
  // is checked at once (their records fetched together), and each confirmed match is given as
  // soon as it and every candidate before it are checked, not when the whole batch is.
  async *confirmed(need, batchSize) {
    const checkAll = this.visited >= this.segments.length && this.queue.length <= VERIFY_ALL;
    const unchecked = this.queue.filter((match) => !match.checked);
    const batch = checkAll ? unchecked : unchecked.slice(0, Math.max(need, batchSize));
    const checks = new Map(batch.map((match) => [match, this.check(match)]));
    for (const check of checks.values()) check.catch(() => {}); // awaited below, or abandoned
    let given = 0;
    while (given < need && this.queue.length) {
      const match = this.queue[0];
      if (!match.checked && !match.failed) {
        if (!checks.has(match)) break; // beyond this batch
        await checks.get(match);
      }
      this.queue.shift();
      if (match.checked) {
        given += 1;
        yield match;
      }
    }
    // The batch's matches all count towards the total, shown or not.
    await Promise.all(checks.values());
    this.queue = this.queue.filter((match) => !match.failed);
  }

  async check(match) {
    this.checks += 1;
    const record = await this.index.record(match.block, match.local);
    if (hasPhrases(record, this.phrases)) {
      match.checked = true;
      this.tally(await this.index.facets(match.block), match.local);
    } else {
      match.failed = true;
    }
  }

  tally(facets, local) {
    this.total += 1;
    facets.values(local).forEach((ids, f) => {
      for (const id of ids) this.counts[f].set(id, (this.counts[f].get(id) || 0) + 1);
    });
  }

  // One block's matches within a segment: intersect the terms' postings, the documents holding
  // each of a phrase's word pairs and each filter's union of values, trim to the date range by
  // day where the block straddles it, and score.
  async visit({ block, lo, hi, descending }, eager = false) {
    // facets.bin is fetched with the postings when it will surely be needed (a date range, a
    // search by filters alone) and for the first block visited, whose matches are the first
    // shown; otherwise only once the block has matches (a block of words that never meet
    // costs only postings).
    const needFacets = eager || this.hasRange || !this.terms.length;
    const [postings, pairLists, filterPostings, early] = await Promise.all([
      Promise.all(this.terms.map((term) => this.index.postings(block, term))),
      Promise.all(this.pairs.map((pair) => this.index.pairs(block, pair))),
      Promise.all(
        this.filterEntries.map((entries) =>
          Promise.all(
            entries.filter(([, entry]) => entry.blocks.has(block))
              .map(([term]) => this.index.postings(block, term)),
          ),
        ),
      ),
      needFacets ? this.index.facets(block) : null,
    ]);
    const lists = [
      ...postings.map((list) => list.ids),
      ...pairLists,
      ...filterPostings.map((lists) => union(lists.map((list) => list.ids))),
    ];
    const docs = this.manifest.blocks[block].docs;
    let ids = lists.length ? intersect(lists) : [...Array(docs).keys()];
    ids = ids.filter((local) => local >= lo && local < hi && (!early || this.dayInRange(early.days[local])));
    if (!ids.length) return [];
    const facets = early || (await this.index.facets(block));
    if (descending) ids.reverse();
    const weights = postings.map((list) => new Map(list.ids.map((id, i) => [id, list.weights[i]])));
    const start = block * this.manifest.block_docs;
    return ids.map((local) => {
      const score = weights.reduce((sum, byId, t) => {
        const weight = byId.get(local);
        return sum + this.idf[t] * (weight / (weight + 2));
      }, 0);
      const match = { block, local, id: start + local, score, checked: !this.phrases.length };
      if (match.checked) this.tally(facets, local);
      return match;
    });
  }

  dayInRange(day) {
    if (!this.hasRange) return true;
    const { from, to } = this.range;
    return day > 0 && (!from || day >= dayNumber(from)) && (!to || day <= dayNumber(to));
  }

  // Each filter's values among the matches counted so far: { name: { value: count } }.
  filterCounts() {
    return Object.fromEntries(
      Object.entries(this.manifest.filters).map(([name, filter], f) => [
        name,
        Object.fromEntries(filter.values.map((value, id) => [value, this.counts[f].get(id) || 0])),
      ]),
    );
  }
}
