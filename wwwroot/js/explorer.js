// The network explorer (/verkenner): start from a node, a dossier, a saved view or a search; expand on double-click
// (capped, "meer tonen"), collapse, hide, pin, undo; filters; size by centrality; layouts; paths; saved views; exports.
import { getJson, post, toElements, baseStyle, el, message, withBusy, kindLabels } from './explorer-common.js';
import { exportPng, exportSvg, exportServer } from './explorer-export.js';
import { readFilters, applyFilters, refreshFilterChoices, refreshFilterChoicesFrom, writeFilters, settleFilters, filterTests, showFilterCount } from './explorer-filters.js';
import { forceLayout } from './explorer-layout.js';
import { sizeByCentrality as sizeNodes, degreeSizes } from './explorer-centrality.js';
import { layoutRunner } from './explorer-run-layout.js';
import { panels } from './explorer-panels.js';
import { pathTools } from './explorer-paths.js';
import { savedViews } from './explorer-views.js';

const PAGE = 15;          // neighbours per expansion; "meer tonen" fetches the next page
const HISTORY = 25;       // undo steps kept
// Above this many nodes the force-directed layout is our own Barnes–Hut one instead of fCoSE (seconds → tenths).
const QUICK_LAYOUT_ABOVE = 400;
// Labels are 10 px and Cytoscape skips text smaller than 8 px on screen (min-zoomed-font-size), so below this zoom no
// label is visible anyway; a big view leaves them empty (class "bare") until it is zoomed in this far.
const LABEL_ZOOM = 0.8;
const root = document.getElementById('verkenner');
const $ = id => document.getElementById(id);
const state = { more: new Map(), history: [], selectionOrder: [], placed: false, directDraw: false, bare: false, listAll: true };

const cy = cytoscape({
    container: $('cy'), style: baseStyle(), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
    boxSelectionEnabled: true, selectionType: 'additive', textureOnViewport: true, hideEdgesOnViewport: true
});
window.verkenner = { cy, state }; // for the browser tests and the console (show/layout are added below)
const quickAbove = () => window.verkenner.quickLayoutAbove ?? QUICK_LAYOUT_ABOVE;
// How a fresh big view is drawn, for the render benchmark's before/after in one run: 'placed' (default; placed before
// it is added), 'batch' (fourth session: added, then placed inside one batch), 'legacy' (third session's path; also
// window.verkenner.legacyDraw = true).
const drawPath = () => window.verkenner.legacyDraw ? 'legacy' : window.verkenner.drawPath ?? 'placed';

// The sections in their own modules get the page's cy, state and helpers here (no globals beyond window.verkenner).
const sizeByCentrality = () => sizeNodes(cy);
const runLayout = layoutRunner({ cy, state, quickAbove });
const { refreshNodeList, showDetails } = panels({ cy, state });
const { findPaths, whyCentral } = pathTools({ cy, state, $, requireSelection, remember, addGraph, afterChange });
const { saveView, listViews } = savedViews({ cy, $, run, openView });

// Big views draw their nodes straight onto the canvas instead of through Cytoscape's per-element texture cache. The
// cache first draws each node into a shared texture and then copies it onto the canvas; on a canvas without a GPU
// (software raster, as in headless Chromium and on many office desktops) every copy from a texture that was just
// drawn into costs a snapshot of that texture: 2,000 nodes spent seconds in drawImage (profile in docs/benchmarks.md),
// while drawing a node of a few pixels directly costs microseconds. Small views keep the cache (and look the same:
// the cache only stores what would be drawn). Guarded, because getElement is Cytoscape's internal API (3.35).
(function drawBigViewsDirectly() {
    const cache = cy.renderer()?.data?.eleTxrCache;
    if (!cache || typeof cache.getElement !== 'function') return;
    const cached = cache.getElement.bind(cache);
    cache.getElement = (...args) => (state.directDraw && drawPath() !== 'legacy' ? null : cached(...args));
})();

// ---------- history (undo) ----------
function remember(what) {
    state.history.push({ what, elements: cy.elements().jsons(), more: new Map(state.more) });
    if (state.history.length > HISTORY) state.history.shift();
    $('ongedaan').disabled = false;
    $('ongedaan').textContent = `Ongedaan maken (${what})`;
}
function undo() {
    const step = state.history.pop();
    if (!step) return;
    cy.elements().remove();
    cy.add(step.elements);
    state.more = step.more;
    state.bare = cy.nodes('.bare').nonempty();
    labelsForZoom();
    afterChange(false);
    const last = state.history[state.history.length - 1];
    $('ongedaan').disabled = !last;
    $('ongedaan').textContent = last ? `Ongedaan maken (${last.what})` : 'Ongedaan maken';
    message('melding', `Stap ongedaan gemaakt: ${step.what}.`);
}

// ---------- loading elements ----------
/** Empties the drawing; the next layout of a big view starts from scratch. */
function clearView() {
    cy.elements().remove();
    state.placed = false;
    state.bare = false;
    state.listAll = true;
}

/**
 * A fresh view (dataset, dossier, benchmark): above QUICK_LAYOUT_ABOVE nodes with the force layout, the filters, the
 * layout and the degree sizes are computed on the plain answer, and the elements go into Cytoscape once, already placed,
 * sized and filtered (drawPlaced). Smaller views and the other layouts take the usual path (fCoSE looks better there).
 */
async function drawFresh(graph) {
    clearView();
    const path = drawPath();
    const big = graph.nodes.length > quickAbove() && $('layout').value === 'fcose' && path !== 'legacy';
    if (!big) { addGraph(graph); await afterChange(true, true); return; }
    state.directDraw = true;
    await withBusy(async () => {
        if (path === 'batch') drawBatched(graph); else drawPlaced(graph);
        updateCounts();
        cy.fit(cy.elements(':visible'), 30);
        if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(cy.elements(':visible')); }
        labelsForZoom();
        state.placed = true;
    });
}

/**
 * Everything Cytoscape would otherwise do per element after adding (a `position` event per placed node, a `data`
 * event and a restyle per sized node, a filter pass over collections) is done on the plain data first; then one
 * `cy.add` of elements that carry their position, size and classes. Nodes get the class "bare" (no label) while the
 * view is zoomed out below LABEL_ZOOM: measuring 2,000 labels that are too small to be drawn is wasted work.
 */
function drawPlaced(graph) {
    const nodeData = graph.nodes.map(n => n.data), edgeData = graph.edges.map(e => e.data);
    refreshFilterChoicesFrom(nodeData, edgeData);
    const { nodeOut, edgeOut } = filterTests(settleFilters(readFilters()));
    const out = new Set(nodeData.filter(nodeOut).map(d => d.id));
    const edgeIsOut = edgeData.map(edgeOut);
    // What the layout sees and what the degree counts: what will be drawn (a relation shows when it and both its ends do).
    const links = [];
    edgeData.forEach((d, i) => { if (!edgeIsOut[i] && !out.has(d.source) && !out.has(d.target)) links.push([d.source, d.target]); });
    const shown = nodeData.filter(d => !out.has(d.id)).map(d => d.id);
    const positions = forceLayout(shown, links, { edgeLength: 55 });
    const sizes = $('grootte').value === 'graad' ? degreeSizes(shown, links) : null;
    const origin = { x: 0, y: 0 };
    const elements = nodeData.map(d => ({
        group: 'nodes', data: sizes ? { ...d, size: sizes.get(d.id) ?? 18 } : d,
        position: { ...(positions.get(d.id) ?? origin) }, classes: out.has(d.id) ? 'bare filtered' : 'bare'
    }));
    edgeData.forEach((d, i) => elements.push({ group: 'edges', data: d, classes: edgeIsOut[i] ? 'filtered' : '' }));
    state.bare = true;
    state.listAll = false;
    cy.add(elements);
    showFilterCount(out.size);
    if (!sizes) sizeByCentrality();
    refreshNodeList();
}

/** The fourth session's path (added, filtered and placed inside one batch), kept for the benchmark's before/after. */
function drawBatched(graph) {
    cy.batch(() => {
        cy.add(toElements(graph));
        refreshFilterChoices(cy);
        applyFilters(cy, readFilters());
        // What the layout sees: the nodes and relations the filters leave (by class: the batch has not styled yet).
        const shown = new Set(graph.nodes.map(n => n.data.id).filter(id => !cy.getElementById(id).hasClass('filtered')));
        const links = graph.edges.filter(e => shown.has(e.data.source) && shown.has(e.data.target) && !cy.getElementById(e.data.id).hasClass('filtered'))
            .map(e => [e.data.source, e.data.target]);
        const positions = forceLayout([...shown], links, { edgeLength: 55, iterations: 200 }); // as it was then
        cy.nodes().forEach(n => { const p = positions.get(n.id()); if (p) n.position(p); });
    });
    sizeByCentrality();
    refreshNodeList();
}

/** Gives a bare big view its labels once it is zoomed in far enough for them to be drawn (once: then they stay). */
function labelsForZoom() {
    if (state.bare && cy.zoom() >= LABEL_ZOOM) withLabels();
}

/** A PNG is drawn at its own scale, where labels can be legible: it gets them whatever the screen's zoom. */
function withLabels() {
    if (!state.bare) return;
    state.bare = false;
    cy.batch(() => cy.nodes('.bare').removeClass('bare'));
}

function addGraph(graph) {
    const fresh = toElements(graph).filter(e => cy.getElementById(e.data.id).empty());
    const added = cy.add(fresh);
    return added;
}

async function expand(id, skip = 0) {
    const inView = cy.nodes().map(n => n.id());
    const graph = await post('/api/explorer/expand', { node: id, skip: 0, take: PAGE, inView }).then(r => r.json());
    remember(skip ? 'meer tonen' : 'uitbreiden');
    const origin = cy.getElementById(id);
    const added = addGraph(graph);
    state.more.set(id, graph.more);
    const around = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    added.nodes().forEach((n, i) => {
        const a = 2 * Math.PI * i / Math.max(1, added.nodes().length);
        n.position({ x: around.x + 120 * Math.cos(a), y: around.y + 120 * Math.sin(a) });
    });
    await afterChange(true, added.nodes().length > 0);
    message('melding', graph.nodes.length === 0 ? 'Geen nieuwe buren om te tonen.'
        : `${added.nodes().length} entiteiten toegevoegd${graph.more > 0 ? `; nog ${graph.more} buren niet getoond (meer tonen)` : ''}.`);
}

async function startFromNode(id) {
    clearView();
    state.more.clear();
    state.history = [];
    await expand(id);
    cy.getElementById(id).select();
}

async function startFromDossier(number) {
    const d = await getJson(`/api/explorer/dossiers/${encodeURIComponent(number)}/graph`);
    $('weergave-dossier').value = d.dossier;
    message('melding', `Dossier ${d.dossier}: ${d.elements.nodes.length} entiteiten, ${d.elements.edges.length} relaties.`);
    await drawFresh(d.elements);
}

async function startFromDataset(name) {
    const graph = await getJson(`/api/explorer/datasets/${encodeURIComponent(name)}/graph`);
    message('melding', `Dataset ${name}: ${graph.nodes.length} entiteiten, ${graph.edges.length} relaties.`);
    await drawFresh(graph);
}

async function openView(id) {
    const v = await getJson(`/api/views/${encodeURIComponent(id)}`);
    remember('weergave openen');
    cy.elements().remove();
    addGraph(v.elements);
    const positions = new Map(v.state.nodes.map(n => [n.id, n]));
    cy.nodes().forEach(n => {
        const p = positions.get(n.id());
        if (p) { n.position({ x: p.x, y: p.y }); if (p.pinned) n.lock(); }
    });
    writeFilters(v.state.filters);
    if (v.state.sizeBy) $('grootte').value = v.state.sizeBy;
    if (v.state.layout) $('layout').value = v.state.layout;
    $('weergave-naam').value = v.name;
    $('weergave-dossier').value = v.dossier || '';
    await afterChange(false);
    cy.fit(cy.elements(':visible'), 40);
    message('melding', `Weergave "${v.name}" geopend: ${v.elements.nodes.length} entiteiten` +
        (v.unavailable > 0 ? `; ${v.unavailable} entiteit(en) kunt u (niet meer) zien.` : '.'));
}

// ---------- after every change: filters, sizes, list, empty state ----------
async function afterChange(relayout, newNodes = true) {
    state.directDraw = cy.nodes().length > quickAbove();
    refreshFilterChoices(cy);
    applyFilters(cy, readFilters());
    sizeByCentrality();
    refreshNodeList();
    updateCounts();
    if (relayout && newNodes) await runLayout();
}

function updateCounts() {
    $('leeg').hidden = cy.nodes().nonempty();
    $('telling').textContent = `${cy.nodes(':visible').length} entiteiten, ${cy.edges(':visible').length} relaties in beeld`;
}

// ---------- node actions ----------
function selectedNodes() { return cy.nodes(':selected'); }

function requireSelection(min = 1) {
    const s = selectedNodes();
    if (s.length < min) { message('melding', min === 1 ? 'Kies eerst een entiteit (klik erop, of kies hem in de lijst).' : 'Kies eerst twee entiteiten.', 'warn'); return null; }
    return s;
}

async function expandSelected() {
    const s = requireSelection();
    if (s) for (const n of s.toArray()) await expand(n.id());
}

async function showMore() {
    const s = requireSelection();
    if (!s) return;
    const id = s[0].id();
    if ((state.more.get(id) || 0) === 0) { message('melding', 'Van deze entiteit staan alle buren al in beeld.'); return; }
    await expand(id, 1);
}

function collapseSelected() {
    const s = requireSelection();
    if (!s) return;
    // Collapse removes the neighbours that hang on the selection only (leaves), the usual meaning of "inklappen".
    const leaves = s.neighborhood().nodes().filter(n => !s.contains(n) && n.neighborhood().nodes().every(m => s.contains(m)));
    if (leaves.empty()) { message('melding', 'Er zijn geen buren die alleen aan deze entiteit hangen.'); return; }
    remember('inklappen');
    cy.remove(leaves);
    s.forEach(n => state.more.set(n.id(), (state.more.get(n.id()) || 0) + leaves.length));
    afterChange(false);
    message('melding', `${leaves.length} entiteiten ingeklapt.`);
}

function hideSelected() {
    const s = requireSelection();
    if (!s) return;
    remember('verbergen');
    cy.remove(s);
    afterChange(false);
    message('melding', `${s.length} entiteit(en) verborgen.`);
}

function pinSelected() {
    const s = requireSelection();
    if (!s) return;
    remember('vastzetten');
    const allLocked = s.every(n => n.locked());
    s.forEach(n => allLocked ? n.unlock() : n.lock());
    message('melding', allLocked ? 'Losgemaakt.' : `${s.length} entiteit(en) vastgezet: de opmaak laat ze op hun plaats.`);
}

// ---------- search ----------
async function search(ev) {
    ev.preventDefault();
    const q = $('zoek-tekst').value.trim();
    const hits = await getJson(`/api/search?q=${encodeURIComponent(q)}`);
    const list = $('zoek-resultaten');
    if (hits.length === 0) { list.replaceChildren(el('li', 'Niets gevonden dat u mag zien.', 'empty')); return; }
    list.replaceChildren(...hits.slice(0, 20).map(h => {
        const li = el('li');
        const b = el('button', `${h.label} (${kindLabels[h.kind] || 'onbekend'}${h.dossiers?.length ? `, ${h.dossiers.length} dossier(s)` : ''})`, 'link-like');
        b.type = 'button';
        b.addEventListener('click', () => run(() => startFromNode(h.id)));
        li.append(b);
        return li;
    }));
}

// ---------- wiring ----------
async function run(fn) {
    try { message('fout', ''); await fn(); } catch (e) { message('fout', e.message || 'Er ging iets mis.', 'error'); }
}

cy.on('zoom', labelsForZoom);
cy.on('dbltap', 'node', ev => run(() => expand(ev.target.id())));
cy.on('select', 'node', ev => {
    state.selectionOrder = state.selectionOrder.filter(id => id !== ev.target.id()).concat(ev.target.id());
    showDetails(ev.target);
    refreshNodeList();
});
cy.on('unselect', 'node', () => { const s = cy.nodes(':selected'); showDetails(s.length ? s[s.length - 1] : null); refreshNodeList(); });

$('entiteiten').addEventListener('change', () => {
    const chosen = new Set([...$('entiteiten').selectedOptions].map(o => o.value));
    cy.batch(() => cy.nodes().forEach(n => chosen.has(n.id()) ? n.select() : n.unselect()));
});
$('zoeken').addEventListener('submit', ev => run(() => search(ev)));
$('uitbreiden').addEventListener('click', () => run(expandSelected));
$('meer').addEventListener('click', () => run(showMore));
$('inklappen').addEventListener('click', collapseSelected);
$('verbergen').addEventListener('click', hideSelected);
$('vastzetten').addEventListener('click', pinSelected);
$('ongedaan').addEventListener('click', undo);
$('passend').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));
$('opmaak').addEventListener('click', () => run(runLayout));
$('grootte').addEventListener('change', () => { sizeByCentrality(); });
$('filters').addEventListener('change', () => { applyFilters(cy, readFilters()); afterChange(false); });
$('filters').addEventListener('input', () => applyFilters(cy, readFilters()));
$('kortste-pad').addEventListener('click', () => run(() => findPaths(1)));
$('k-paden').addEventListener('click', () => run(() => findPaths(Math.min(10, Math.max(1, parseInt($('k').value, 10) || 3)))));
$('waarom').addEventListener('click', () => run(whyCentral));
$('bewaren').addEventListener('submit', ev => { ev.preventDefault(); run(saveView); });
$('export-png').addEventListener('click', () => run(async () => { withLabels(); return exportPng(cy); }));
$('export-svg').addEventListener('click', () => run(async () => exportSvg(cy)));
$('export-graphml').addEventListener('click', () => run(() => exportServer(cy, 'graphml')));
$('export-csv').addEventListener('click', () => run(() => exportServer(cy, 'csv')));
document.addEventListener('keydown', ev => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z' && !['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName)) { ev.preventDefault(); undo(); }
});

// Draws a graph answer as the page does after any load: filters, sizes, list, layout (used by the render benchmark).
window.verkenner.show = async graph => {
    const t = [performance.now()];
    if (drawPath() !== 'legacy') {
        // The page's own path (drawFresh); its steps run inside one batch, so only the total is split off.
        await drawFresh(graph); t.push(performance.now());
        return { add: 0, prepare: 0, layout: t[1] - t[0] };
    }
    clearView(); addGraph(graph); t.push(performance.now());
    refreshFilterChoices(cy); applyFilters(cy, readFilters()); sizeByCentrality(); refreshNodeList(); updateCounts(); t.push(performance.now());
    await runLayout(); t.push(performance.now());
    return { add: t[1] - t[0], prepare: t[2] - t[1], layout: t[3] - t[2] };
};
window.verkenner.layout = runLayout;

showDetails(null);
run(async () => {
    await listViews();
    if (root.dataset.view) await openView(root.dataset.view);
    else if (root.dataset.dossier) await startFromDossier(root.dataset.dossier);
    else if (root.dataset.start) await startFromNode(root.dataset.start);
    else if (root.dataset.dataset) await startFromDataset(root.dataset.dataset);
    else await afterChange(false);
    root.dataset.ready = 'true';
});
