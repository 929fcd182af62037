/* kg view: the page code. Reads the graph's data (the JSON in #kg-data, made by kg/view/data.py)
   and draws a timeline (vis-timeline), a network of who acted on whom (vis-network), the
   undated events and a detail panel with each mention's sentence. Nothing is fetched. */
"use strict";

const DATA = JSON.parse(document.getElementById("kg-data").textContent);
const MAX_TIMELINE = 400;    // the timeline draws this many events at most: the most prominent ones
const MAX_NODES = 40;        // the network shows the most-mentioned actors, no more
const MAX_LABELLED_EDGES = 30; // more arrows than this carry their words in a tooltip only
const MAX_LIST = 300;        // rows of the undated list drawn at once
const MAX_SENTENCES = 12;    // an entity's mentions shown before "show all"
const KIND_COLOURS = { person: "#4e79a7", organization: "#f28e2b", place: "#59a14f",
  product: "#b07aa1", event: "#edc948", thing: "#9d968f" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ indexes

const events = DATA.events, entities = DATA.entities, articles = DATA.articles;
// put back what kg/view/page.py left out: values at their default, the article's part of an event's IRI
for (const kind of ["entities", "events"]) {
  const defaults = DATA.defaults[kind];
  for (const record of DATA[kind]) {
    for (const key in defaults) if (!(key in record)) record[key] = Array.isArray(defaults[key]) ? [] : defaults[key];
  }
}
for (const ev of events) if (ev.iri.startsWith("/")) ev.iri = articles[ev.article].iri + ev.iri;
const rolesOf = entities.map(() => []);          // entity -> [[event, role]]
events.forEach((ev, i) => {
  for (const role of ["agents", "patients", "places"]) for (const e of ev[role]) rolesOf[e].push([i, role]);
});
const entityByName = new Map();
entities.forEach((en, i) => { if (!entityByName.has(en.label)) entityByName.set(en.label, i); });

// ------------------------------------------------------------------ words

function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
const names = (list) => list.map((e) => entities[e].label).join(" and ");

/** "North Korea → blow up → Joint Liaison Office, Kaesong", as HTML. */
function eventHtml(ev) {
  const parts = [];
  if (ev.agents.length) parts.push(`<b>${esc(names(ev.agents))}</b>`);
  parts.push(esc(ev.lemma || ev.label));
  if (ev.patients.length) parts.push(`<b>${esc(names(ev.patients))}</b>`);
  let html = parts.join(' <span class="arrow">→</span> ');
  if (ev.places.length) html += `, ${esc(names(ev.places))}`;
  if (ev.fact !== "asserted") html = `<span class="badge">${esc(ev.fact)}</span> ${html}`;
  return html;
}

/** An element holding HTML built by this code from escaped text. */
function element(html) {
  const span = document.createElement("span");
  span.innerHTML = html;
  return span;
}

/** A time value as a person reads it: "16 Jun 2020", "Jun 2020", "2018", "Q3 2008". */
function whenText(time) {
  if (!time) return "";
  const v = time.value;
  if (time.precision === "day") return `${+v.slice(8, 10)} ${MONTHS[+v.slice(5, 7) - 1]} ${v.slice(0, 4)}`;
  if (time.precision === "month") return `${MONTHS[+v.slice(5, 7) - 1]} ${v.slice(0, 4)}`;
  if (time.precision === "quarter") return `${v.slice(5)} ${v.slice(0, 4)}`;
  return v;
}

const isDated = (ev) => ev.time && ev.time.precision;
const className = (id) => (DATA.classes[id] ? DATA.classes[id].label : "event");

// ------------------------------------------------------------------ filters

const filter = { article: null, entity: null, from: null, to: null, negated: false };
let passed = [];  // event -> whether it passes the filters, worked out once per refresh

function passes(ev) {
  if (ev.fact === "negated" && !filter.negated) return false;
  if (filter.article !== null && ev.article !== filter.article) return false;
  if (filter.entity !== null && !ev.agents.includes(filter.entity) && !ev.patients.includes(filter.entity)
      && !ev.places.includes(filter.entity)) return false;
  if (filter.from || filter.to) {
    if (!isDated(ev)) return false;
    const end = ev.time.end || ev.time.start;
    if (filter.from && end <= filter.from) return false;
    if (filter.to && ev.time.start > filter.to) return false;
  }
  return true;
}

function setUpFilters() {
  const select = $("f-article");
  articles.forEach((a, i) => select.add(new Option(`${a.date ? a.date + " · " : ""}${a.title || a.id || a.iri}`, i)));
  if (articles.length === 1) select.closest("label").hidden = true;
  const list = $("entity-names");
  [...entityByName.keys()].sort().forEach((name) => list.append(new Option(name)));
  $("negated-count").textContent = `(${events.filter((e) => e.fact === "negated").length}, hidden unless ticked)`;
  $("filters").addEventListener("input", readFilters);
  $("filters").addEventListener("reset", () => setTimeout(readFilters));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
}

function readFilters() {
  const name = $("f-entity").value.trim();
  const chosen = {
    article: $("f-article").value === "" ? null : +$("f-article").value,
    entity: entityByName.has(name) ? entityByName.get(name) : null,
    from: $("f-from").value || null, to: $("f-to").value || null, negated: $("f-negated").checked,
  };
  if (Object.keys(chosen).every((key) => chosen[key] === filter[key])) return;  // a name half typed changes nothing
  Object.assign(filter, chosen);
  refresh();
}

function focusEntity(id) {
  $("f-entity").value = entities[id].label;
  readFilters();
}

// ------------------------------------------------------------------ timeline

let timeline, timelineView, onTimeline = new Set(), timelineCap = "";

function setUpTimeline() {
  const items = [];
  events.forEach((ev, id) => {
    if (!isDated(ev)) return;
    const point = ev.time.precision === "day" || ev.time.precision === "instant";
    items.push({
      id, start: ev.time.start, end: point ? undefined : ev.time.end, type: point ? "box" : "range",
      content: `<span class="when">${esc(whenText(ev.time))}</span> ${eventHtml(ev)}`,
      className: `fact-${ev.fact} precision-${ev.time.precision}`,
      title: `${esc(ev.time.value)} · ${esc(className(ev.cls))} · ${esc(ev.fact)}${ev.time.intended ? " (the date meant)" : ""}`,
    });
  });
  timelineView = new vis.DataView(new vis.DataSet(items), { filter: (item) => onTimeline.has(item.id) });
  timeline = new vis.Timeline($("timeline"), timelineView, {
    height: "100%", verticalScroll: true, zoomKey: "ctrlKey", stack: true, selectable: true,
    template: (item) => element(item.content),  // an element is drawn as it is, with its classes
    moment: (date) => moment(date).utc(),  // a date in the graph is a calendar date, not local time
    align: "left", zoomMin: 1000 * 60 * 60 * 24 * 3, margin: { item: { horizontal: 4, vertical: 4 } },
    tooltip: { followMouse: true }, orientation: { axis: "top", item: "top" }, showCurrentTime: false,
  });
  timeline.on("click", (props) => { if (props.item !== null && props.item !== undefined) showEvent(props.item); });
  $("fit").addEventListener("click", () => fitTimeline(true));
}

/** How prominent an event is, to choose which to draw when there are too many: one with an
    agent or a patient first, then by how often its participants are mentioned, then its own mentions. */
function prominence(ev) {
  const actors = [...ev.agents, ...ev.patients];
  return (actors.length ? 1e9 : 0) + actors.reduce((sum, e) => sum + entities[e].mentions.length, 0) * 100
    + ev.mentions.length;
}

/** The window the timeline opens on: the shortest stretch of time that holds two thirds of
    the shown events (a story's own weeks, not the war it recalls from 1953), with room on the
    right for the words of the last ones. "Show all" fits every event. */
function fitTimeline(all) {
  const starts = [];
  timelineView.forEach((item) => starts.push(Date.parse(item.start)));
  if (!starts.length) return;
  starts.sort((a, b) => a - b);
  let first = 0, last = starts.length - 1;
  if (all !== true) {
    const take = Math.max(1, Math.ceil(starts.length * 2 / 3));
    for (let i = 0; i + take - 1 < starts.length; i++) {
      if (starts[i + take - 1] - starts[i] < starts[last] - starts[first]) {
        first = i; last = i + take - 1;
      }
    }
    while (last + 1 < starts.length && starts[last + 1] === starts[last]) last++;
    while (first > 0 && starts[first - 1] === starts[first]) first--;
  }
  const width = $("timeline").clientWidth || 800;
  const room = Math.min(0.6, 380 / width);  // the share of the width the last labels need
  const day = 1000 * 60 * 60 * 24;
  const span = Math.max(starts[last] - starts[first], 20 * day);
  timeline.setWindow(starts[first] - span * 0.03, starts[first] + span / (1 - room), { animation: false });
  const outside = first + (starts.length - 1 - last);
  $("timeline-note").textContent = timelineCap + (outside
    ? `${outside} more event${outside === 1 ? "" : "s"} before or after this view: “Show all”, or drag the timeline.` : "");
}

function refreshTimeline() {
  let shown = [];
  events.forEach((ev, i) => { if (passed[i] && isDated(ev)) shown.push(i); });
  const passing = shown.length;
  if (passing > MAX_TIMELINE) {
    shown = shown.map((i) => [prominence(events[i]), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, MAX_TIMELINE).map(([, i]) => i);
  }
  onTimeline = new Set(shown);
  timelineView.refresh();
  timelineCap = passing > MAX_TIMELINE ? `The ${MAX_TIMELINE} most prominent of ${passing.toLocaleString("en")} dated events `
    + "(those with an agent or a patient, the most-mentioned first); filter by article, entity or dates to see the others. " : "";
  const dated = events.filter(isDated).length;
  $("timeline-note").textContent = passing ? timelineCap : dated ? "No dated event passes the filters." : "No event in this graph has a date.";
  if (passing) fitTimeline(false);
}

// ------------------------------------------------------------------ network

let network;

function setUpNetwork() {
  network = new vis.Network($("network"), { nodes: [], edges: [] }, {
    nodes: { shape: "dot", scaling: { min: 8, max: 30, label: { enabled: true, min: 14, max: 22 } },
      font: { size: 14, color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.6 } }, smooth: { type: "continuous" },
      font: { size: 11, color: "#5f6b76", strokeWidth: 3, align: "horizontal" }, color: { color: "#8c959f", highlight: "#2c4a6e" },
      scaling: { min: 1, max: 6, label: { enabled: false } } },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250, fit: true },
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.02, springLength: 120, avoidOverlap: 0.5 } },
    interaction: { hover: true, tooltipDelay: 150 },
    layout: { randomSeed: 16 },  // the same graph is laid out the same way every time
  });
  network.on("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
  network.on("click", (props) => {
    if (props.nodes.length) showEntity(props.nodes[0]);
    else if (props.edges.length) showEdge(props.edges[0]);
  });
  $("kinds").innerHTML = Object.keys(KIND_COLOURS).map((k) => `<span class="kind kind-${k}"></span>${k}`).join(" ");
}

const edgeEvents = new Map();  // edge id -> its events, for the detail panel

/** One edge per (agent, patient, kind of event), counting events; the most-mentioned actors only. */
function refreshNetwork() {
  const groups = new Map();
  events.forEach((ev, i) => {
    if (!passed[i]) return;
    const kind = ev.cls !== null && DATA.classes[ev.cls].curie !== "kgo:OtherEvent" ? className(ev.cls) : ev.lemma;
    for (const a of ev.agents) for (const p of ev.patients) {
      if (a === p) continue;
      const key = `${a}|${p}|${kind}|${ev.fact === "asserted"}`;
      if (!groups.has(key)) groups.set(key, { from: a, to: p, kind, asserted: ev.fact === "asserted", events: [] });
      groups.get(key).events.push(i);
    }
  });
  const weight = (e) => (filter.article === null ? entities[e].mentions.length
    : entities[e].mentions.filter((m) => m[0] === filter.article).length);
  const actors = new Set();
  for (const g of groups.values()) { actors.add(g.from); actors.add(g.to); }
  const kept = new Set([...actors].sort((a, b) => weight(b) - weight(a) || a - b).slice(0, MAX_NODES));
  edgeEvents.clear();
  const edges = [], linked = new Set();
  for (const g of groups.values()) {
    if (!kept.has(g.from) || !kept.has(g.to)) continue;
    const id = edges.length, count = g.events.length;
    edgeEvents.set(id, g.events);
    linked.add(g.from).add(g.to);
    edges.push({ id, from: g.from, to: g.to, value: count, dashes: !g.asserted,
      label: `${g.kind}${count > 1 ? " ×" + count : ""}${g.asserted ? "" : " (not asserted)"}`,
      font: { size: groups.size > MAX_LABELLED_EDGES ? 0 : 11 },  // many arrows: their words in the tooltip only
      title: `${entities[g.from].label} → ${g.kind} → ${entities[g.to].label}: ${count} event${count > 1 ? "s" : ""}` });
  }
  const nodes = [...linked].map((e) => ({  // an actor whose every arrow was left out is left out too
    id: e, label: entities[e].label, value: weight(e), title: `${entities[e].label} · ${entities[e].kind} · ${weight(e)} mentions`,
    color: { background: KIND_COLOURS[entities[e].kind], border: "#ffffff",
      highlight: { background: KIND_COLOURS[entities[e].kind], border: "#1f2328" } },
  }));
  // a few actors get room for their words; many are drawn closer, or the fitted picture is too small to read
  const spring = nodes.length > 20 ? 70 : 120;
  network.setOptions({ physics: { enabled: true, forceAtlas2Based: { springLength: spring, gravitationalConstant: -spring / 2 - 5 } } });
  network.setData({ nodes, edges });
  $("network-note").textContent = !edges.length ? "No event with both an agent and a patient passes the filters."
    : actors.size > nodes.length ? `${nodes.length} of the most-mentioned of ${actors.size} actors; filter by article or entity to see others.` : "";
}

// ------------------------------------------------------------------ undated events

let undatedShown = MAX_LIST;

function refreshUndated() {
  const list = $("undated");
  const rows = [];
  events.forEach((ev, i) => { if (passed[i] && !isDated(ev)) rows.push(i); });
  const dateNote = filter.from || filter.to ? " (a date range leaves them out)" : "";
  $("undated-count").textContent = `${rows.length} event${rows.length === 1 ? "" : "s"} the text gives no date${dateNote}`;
  const items = [];
  let article = null;
  for (const i of rows.slice(0, undatedShown)) {
    const ev = events[i];
    if (articles.length > 1 && ev.article !== article) {  // the events of each article under its title
      article = ev.article;
      const head = document.createElement("li");
      head.className = "article";
      head.textContent = articles[article].title || articles[article].id || articles[article].iri;
      items.push(head);
    }
    const li = document.createElement("li");
    li.className = `fact-${ev.fact}`;
    li.tabIndex = 0;
    li.dataset.event = i;
    li.innerHTML = eventHtml(ev);
    items.push(li);
  }
  list.replaceChildren(...items);
  if (rows.length > undatedShown) {
    const more = document.createElement("li");
    more.innerHTML = `<button type="button" class="more">show ${Math.min(MAX_LIST, rows.length - undatedShown)} more of ${rows.length - undatedShown}</button>`;
    more.querySelector("button").addEventListener("click", (e) => { e.stopPropagation(); undatedShown += MAX_LIST; refreshUndated(); });
    list.append(more);
  }
}

function setUpUndated() {
  const open = (target) => { const li = target.closest("li[data-event]"); if (li) showEvent(+li.dataset.event); };
  $("undated").addEventListener("click", (e) => open(e.target));
  $("undated").addEventListener("keydown", (e) => { if (e.key === "Enter") open(e.target); });
}

// ------------------------------------------------------------------ sentences

// A sentence ends at a line break, or at . ! ? (and closing quotes) before a capital, unless
// the word before is an abbreviation or an initial. The browser's own Intl.Segmenter breaks
// after "Mr." and "U.S." and ignores ICU's abbreviation list (-u-ss-standard), so it is not used.
const boundaries = new Map();  // article -> sorted offsets where sentences start
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z])$/;

function sentenceStarts(article) {
  if (!boundaries.has(article)) {
    const text = articles[article].text, starts = [0];
    const pattern = /\n\s*|[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])/g;
    let match;
    while ((match = pattern.exec(text))) {
      if (match[0][0] !== "\n" && ABBREVIATION.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
      starts.push(match.index + match[0].length);
    }
    boundaries.set(article, starts);
  }
  return boundaries.get(article);
}

/** [start, end) of the sentence around offset ``at`` of an article's text. */
function sentenceAround(article, at) {
  const starts = sentenceStarts(article), text = articles[article].text;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= at) lo = mid; else hi = mid - 1; }
  const end = lo + 1 < starts.length ? starts[lo + 1] : text.length;
  return [starts[lo], end];
}

/** The sentence around a mention, its marks highlighted: [[begin, end, css class]]. */
function sentenceHtml(article, begin, marks) {
  const text = articles[article].text;
  const [start, end] = sentenceAround(article, begin);
  const inside = marks.filter(([b, e]) => b >= start && e <= end).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let html = "", at = start;
  for (const [b, e, css, title] of inside) {
    if (b < at) continue;  // overlaps a mark already drawn
    html += esc(text.slice(at, b)) + `<mark class="${css}" title="${esc(title || css)}">${esc(text.slice(b, e))}</mark>`;
    at = e;
  }
  html += esc(text.slice(at, end));
  return html.trim();
}

function articleCite(a) {
  const article = articles[a];
  return articles.length > 1 ? `<cite>${esc(article.title || article.id || article.iri)}${article.date ? ", " + esc(article.date) : ""}</cite>` : "";
}

/** Each mention of an event: its sentence with the trigger and the arguments marked. */
function eventMentionsHtml(ev) {
  const a = ev.article;
  if (articles[a].text === null) {
    return `<p class="hint">This graph holds the words of each mention, not the sentences (build with <code>kg build --with-text</code> to see them).</p>`
      + ev.mentions.map(([b, e, anchor]) => `<blockquote class="sentence"><mark class="trigger">${esc(anchor)}</mark> <small>(characters ${b}–${e})</small>${articleCite(a)}</blockquote>`).join("");
  }
  const marks = [];
  for (const [role, css] of [["agents", "agent"], ["patients", "patient"], ["places", "place"]]) {
    for (const e of ev[role]) for (const [art, b, end] of entities[e].mentions) {
      if (art === a) marks.push([b, end, css, `${css}: ${entities[e].label}`]);
    }
  }
  const seen = new Set(), out = [];
  for (const [b] of ev.mentions) {
    const [start, end] = sentenceAround(a, b);
    const said = articles[a].text.slice(start, end).trim();
    if (seen.has(said)) continue;  // a headline repeated in the text is one sentence
    seen.add(said);
    const triggers = ev.mentions.filter(([tb]) => tb >= start && tb < end).map(([tb, te]) => [tb, te, "trigger", "the event"]);
    out.push(`<blockquote class="sentence">${sentenceHtml(a, b, [...triggers, ...marks])}${articleCite(a)}</blockquote>`);
  }
  return '<p class="marks-legend"><mark class="trigger">event</mark><mark class="agent">agent</mark><mark class="patient">patient</mark><mark class="place">place</mark></p>'
    + out.join("");
}

// ------------------------------------------------------------------ detail panel

function chips(list) {
  return list.map((e) => `<span class="chip" data-entity="${e}"><span class="kind kind-${entities[e].kind}"></span>${esc(entities[e].label)}</span>`).join(" ") || "—";
}

function link(iri) {
  return /^https?:\/\//.test(iri) ? `<a href="${esc(iri)}" target="_blank" rel="noopener noreferrer">${esc(iri)}</a>` : esc(iri);
}

function showEvent(i) {
  const ev = events[i], a = articles[ev.article];
  const cls = ev.cls !== null ? DATA.classes[ev.cls] : null;
  const when = ev.time ? `${esc(whenText(ev.time))} <small>(${esc(ev.time.value)}${ev.time.precision ? ", a " + ev.time.precision : ""}${ev.time.intended ? "; the date it was meant for" : ""})</small>` : "no date in the text";
  $("detail").innerHTML = `
    <h3 class="fact-${ev.fact}-title">${eventHtml(ev)}</h3>
    <dl>
      <dt>label</dt><dd>${esc(ev.label)}</dd>
      <dt>kind</dt><dd>${cls ? `${esc(cls.label)} <small>(${esc(cls.curie)})</small>` : "—"}</dd>
      <dt>factuality</dt><dd><span class="item fact-${ev.fact}">${esc(ev.fact)}</span>${ev.tense ? ", " + esc(ev.tense) + " tense" : ""}</dd>
      <dt>when</dt><dd>${when}</dd>
      <dt>agent</dt><dd>${chips(ev.agents)}</dd>
      <dt>patient</dt><dd>${chips(ev.patients)}</dd>
      <dt>${ev.fact === "asserted" ? "place" : "place meant"}</dt><dd>${chips(ev.places)}</dd>
      <dt>article</dt><dd>${esc(a.title || a.id || a.iri)}${a.date ? ", " + esc(a.date) : ""}${a.url ? "<br>" + link(a.url) : ""}</dd>
    </dl>
    <h4>In the text</h4>
    ${eventMentionsHtml(ev)}
    <p class="iri">${esc(ev.iri)}</p>`;
  timeline.setSelection(isDated(ev) ? [i] : []);
}

function showEntity(i) {
  const en = entities[i];
  const roles = rolesOf[i];
  const roleName = { agents: "agent of", patients: "patient of", places: "place of" };
  const eventsHtml = roles.slice(0, 100).map(([e, role]) =>
    `<li class="event-link" data-event="${e}"><small>${roleName[role]}</small> ${eventHtml(events[e])}${isDated(events[e]) ? ` <small>${esc(whenText(events[e].time))}</small>` : ""}</li>`).join("");
  const mentions = filter.article === null ? en.mentions : en.mentions.filter((m) => m[0] === filter.article);
  $("detail").innerHTML = `
    <h3><span class="kind kind-${en.kind}"></span>${esc(en.label)} <small>${esc(en.kind)}</small></h3>
    <dl>
      <dt>class</dt><dd>${en.classes.map((c) => `${esc(DATA.classes[c].label)} <small>(${esc(DATA.classes[c].curie)})</small>`).join(", ") || "—"}</dd>
      <dt>also called</dt><dd>${en.alt.map(esc).join("; ") || "—"}</dd>
      <dt>same as</dt><dd>${en.same.map(link).join("<br>") || "—"}</dd>
      <dt>in</dt><dd>${chips(en.in)}</dd>
      <dt>mentions</dt><dd>${en.mentions.length} in ${new Set(en.mentions.map((m) => m[0])).size} article(s)</dd>
    </dl>
    <p><button type="button" class="more" id="only-entity">Show only its events</button></p>
    <h4>Events (${roles.length})</h4>
    <ul>${eventsHtml || "<li>none</li>"}</ul>
    <h4>In the text</h4>
    <div id="entity-mentions"></div>
    <p class="iri">${esc(en.iri)}</p>`;
  $("only-entity").addEventListener("click", () => focusEntity(i));
  drawEntityMentions(i, mentions, MAX_SENTENCES);
}

function drawEntityMentions(i, mentions, limit) {
  const box = $("entity-mentions"), seen = new Set(), out = [];
  for (const [a, b, e, anchor] of mentions) {
    if (out.length >= limit) break;
    if (articles[a].text === null) {
      out.push(`<blockquote class="sentence"><mark class="entity">${esc(anchor)}</mark>${articleCite(a)}</blockquote>`);
      continue;
    }
    const key = `${a}:${sentenceAround(a, b)[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const here = mentions.filter((m) => m[0] === a).map(([, mb, me]) => [mb, me, "entity", entities[i].label]);
    out.push(`<blockquote class="sentence">${sentenceHtml(a, b, here)}${articleCite(a)}</blockquote>`);
  }
  box.innerHTML = out.join("");
  if (out.length >= limit && mentions.length > limit) {
    const more = document.createElement("button");
    more.type = "button"; more.className = "more"; more.textContent = "show all mentions";
    more.addEventListener("click", () => drawEntityMentions(i, mentions, Infinity));
    box.append(more);
  }
}

function showEdge(id) {
  const list = edgeEvents.get(id) || [];
  $("detail").innerHTML = `<h3>${list.length} event${list.length === 1 ? "" : "s"}</h3><ul>${list.map((e) =>
    `<li class="event-link" data-event="${e}">${eventHtml(events[e])}${isDated(events[e]) ? ` <small>${esc(whenText(events[e].time))}</small>` : ""}</li>`).join("")}</ul>`;
}

function setUpDetail() {
  $("detail").addEventListener("click", (e) => {
    const chip = e.target.closest("[data-entity]");
    if (chip) return showEntity(+chip.dataset.entity);
    const item = e.target.closest("[data-event]");
    if (item) showEvent(+item.dataset.event);
  });
}

// ------------------------------------------------------------------ the page

/** The event the page opens on: the one the text mentions most, what happened before what did not. */
function leadEvent() {
  const score = (ev) => [ev.mentions.length, ev.fact === "asserted", ev.agents.length + ev.patients.length > 0, isDated(ev)];
  let best = 0;
  events.forEach((ev, i) => {
    const a = score(ev), b = score(events[best]);
    for (let k = 0; k < a.length; k++) { if (a[k] !== b[k]) { if (a[k] > b[k]) best = i; break; } }
  });
  return best;
}

function refresh() {
  passed = events.map(passes);
  undatedShown = MAX_LIST;
  refreshTimeline();
  refreshNetwork();
  refreshUndated();
  const filtered = filter.article !== null || filter.entity !== null || filter.from || filter.to;
  const count = (n) => n.toLocaleString("en");
  $("stats").textContent = `${count(articles.length)} article${articles.length === 1 ? "" : "s"} · `
    + `${count(entities.length)} entities · ${count(events.length)} events, ${count(events.filter(isDated).length)} dated`
    + (filtered ? ` · ${count(passed.filter(Boolean).length)} pass the filters` : "");
}

setUpFilters();
setUpTimeline();
setUpNetwork();
setUpUndated();
setUpDetail();
refresh();
if (events.length) showEvent(leadEvent());
document.body.dataset.ready = "true";  // for whoever waits for the page: it is drawn
