// Filters of the explorer view: node kind, relation type, barrier phase (of the legal facilitators), date range (two
// sliders over the months the view's relations span), source partner and minimum grading. Filtered elements get the class "filtered" (not drawn).
import { el, phaseNames } from './explorer-common.js';

const $ = id => document.getElementById(id);
const hidden = { kinds: new Set(), relations: new Set(), phases: new Set() };
const NO_PHASE = 'geen';  // nodes without a barrier phase: everything that is not a legal facilitator
let months = [];      // 'yyyy-mm' values the date sliders run over

const monthOf = date => date ? date.slice(0, 7) : null;

function checkboxes(containerId, name, values, hiddenSet) {
    const box = $(containerId);
    const existing = new Set([...box.querySelectorAll('input')].map(i => i.value));
    const wanted = [...values.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
    if (wanted.length === existing.size && wanted.every(([v]) => existing.has(v))) return;
    box.replaceChildren(...wanted.map(([value, label], i) => {
        const id = `${name}-${i}`;
        const input = el('input');
        input.type = 'checkbox'; input.id = id; input.name = name; input.value = value; input.checked = !hiddenSet.has(value);
        const lab = el('label', label); lab.htmlFor = id;
        const wrap = el('div', null, 'check'); wrap.append(input, lab);
        return wrap;
    }));
    if (wanted.length === 0) box.append(el('p', 'Nog niets in beeld.', 'empty'));
}

/** Updates the choices to what is in view, keeping what the user switched off. */
export function refreshFilterChoices(cy) {
    refreshFilterChoicesFrom(cy.nodes().map(n => n.data()), cy.edges().map(e => e.data()));
}

/** The same from plain element data (a big view sets its filters up before its elements go into Cytoscape). */
export function refreshFilterChoicesFrom(nodeData, edgeData) {
    const kinds = new Map(), relations = new Map(), partners = new Set(), phases = new Map();
    const dates = new Set();
    for (const d of nodeData) {
        kinds.set(d.kind || '', d.kindLabel);
        if (d.partner) partners.add(d.partner);
        const phase = d.phase || NO_PHASE;
        phases.set(phase, phase === NO_PHASE ? 'Geen fase (geen faciliteerder)' : phaseNames[phase] || phase);
    }
    for (const d of edgeData) {
        relations.set(d.type, d.label);
        if (d.from) dates.add(monthOf(d.from));
        if (d.to) dates.add(monthOf(d.to));
    }
    checkboxes('filter-soorten', 'soort', kinds, hidden.kinds);
    checkboxes('filter-relaties', 'relatie', relations, hidden.relations);
    checkboxes('filter-fasen', 'fase', phases, hidden.phases);

    const partner = $('filter-partner');
    const chosen = partner.value;
    const options = [...partners].sort((a, b) => a.localeCompare(b, 'nl'));
    if (options.join('|') !== [...partner.options].slice(1).map(o => o.value).join('|')) {
        partner.replaceChildren(el('option', 'Alle partners'), ...options.map(p => { const o = el('option', p); o.value = p; return o; }));
        partner.options[0].value = '';
        partner.value = options.includes(chosen) ? chosen : '';
    }

    const sorted = [...dates].sort();
    if (sorted.join() !== months.join()) {
        const from = months[+$('datum-van').value], to = months[+$('datum-tot').value];
        const wasFull = !from || (+$('datum-van').value === 0 && +$('datum-tot').value === months.length - 1);
        months = sorted;
        for (const id of ['datum-van', 'datum-tot']) { $(id).min = 0; $(id).max = Math.max(0, months.length - 1); $(id).disabled = months.length < 2; }
        $('datum-van').value = wasFull ? 0 : Math.max(0, months.indexOf(from));
        $('datum-tot').value = wasFull ? months.length - 1 : Math.max(0, months.indexOf(to) < 0 ? months.length - 1 : months.indexOf(to));
    }
    showDates();
}

function showDates() {
    const label = i => months[i] ? new Date(`${months[i]}-01T12:00:00`).toLocaleDateString('nl-NL', { month: 'short', year: 'numeric' }) : '—';
    $('datum-van-tekst').textContent = label(+$('datum-van').value);
    $('datum-tot-tekst').textContent = label(+$('datum-tot').value);
}

export function readFilters() {
    hidden.kinds = new Set([...document.querySelectorAll('#filter-soorten input:not(:checked)')].map(i => i.value));
    hidden.relations = new Set([...document.querySelectorAll('#filter-relaties input:not(:checked)')].map(i => i.value));
    hidden.phases = new Set([...document.querySelectorAll('#filter-fasen input:not(:checked)')].map(i => i.value));
    let lo = +$('datum-van').value, hi = +$('datum-tot').value;
    if (lo > hi) [lo, hi] = [hi, lo];
    const full = months.length < 2 || (lo === 0 && hi === months.length - 1);
    return {
        hiddenKinds: [...hidden.kinds], hiddenRelations: [...hidden.relations], hiddenPhases: [...hidden.phases],
        from: full ? null : months[lo], to: full ? null : months[hi],
        partner: $('filter-partner').value || null, minGrading: $('filter-beoordeling').value || null
    };
}

export function writeFilters(f) {
    if (!f) return;
    hidden.kinds = new Set(f.hiddenKinds || []);
    hidden.relations = new Set(f.hiddenRelations || []);
    document.querySelectorAll('#filter-soorten input').forEach(i => { i.checked = !hidden.kinds.has(i.value); });
    hidden.phases = new Set(f.hiddenPhases || []);
    document.querySelectorAll('#filter-relaties input').forEach(i => { i.checked = !hidden.relations.has(i.value); });
    document.querySelectorAll('#filter-fasen input').forEach(i => { i.checked = !hidden.phases.has(i.value); });
    if (f.partner) { const o = el('option', f.partner); o.value = f.partner; $('filter-partner').append(o); $('filter-partner').value = f.partner; }
    $('filter-beoordeling').value = f.minGrading || '';
    pendingDates = f;
}
let pendingDates = null;

/** True when grading "B2" is at least as good as minimum "C3": source letter and validity digit both no worse. */
const gradingPasses = (grading, minimum) => !minimum || (grading && grading[0] <= minimum[0] && grading[1] <= minimum[1]);

/** Filters as read, with the saved view's pending dates applied once the sliders know their months. */
export function settleFilters(f) {
    if (pendingDates && months.length > 1) {
        if (pendingDates.from) $('datum-van').value = Math.max(0, months.indexOf(pendingDates.from));
        if (pendingDates.to) $('datum-tot').value = Math.max(0, months.indexOf(pendingDates.to));
        pendingDates = null;
        f = readFilters();
    }
    showDates();
    return f;
}

/**
 * Pure tests on plain element data (no Cytoscape): `nodeOut(data)` / `edgeOut(data)` say whether the filters take an
 * element out of view. Used by applyFilters and by a big view that is filtered before it is added.
 */
export function filterTests(f) {
    const kinds = new Set(f.hiddenKinds), relations = new Set(f.hiddenRelations), phases = new Set(f.hiddenPhases || []);
    return {
        nodeOut: d => kinds.has(d.kind || '') || phases.has(d.phase || NO_PHASE) || (!!f.partner && d.partner !== f.partner) || !gradingPasses(d.grading, f.minGrading),
        edgeOut: d => {
            const from = monthOf(d.from), to = monthOf(d.to);
            const outOfRange = (f.to && from && from > f.to) || (f.from && to && to < f.from);
            return relations.has(d.type) || !!outOfRange;
        }
    };
}

export function showFilterCount(out) {
    $('filter-telling').textContent = out === 0 ? 'Alles in beeld wordt getoond.' : `${out} entiteiten weggefilterd.`;
}

export function applyFilters(cy, f) {
    f = settleFilters(f);
    const { nodeOut, edgeOut } = filterTests(f);
    cy.batch(() => {
        cy.nodes().forEach(n => {
            const out = !!nodeOut(n.data());
            if (n.hasClass('filtered') !== out) n.toggleClass('filtered', out); // untouched elements keep their style
        });
        cy.edges().forEach(e => {
            const out = edgeOut(e.data());
            if (e.hasClass('filtered') !== out) e.toggleClass('filtered', out);
        });
    });
    // Counted by class: ':visible' needs the style update the batch has only scheduled.
    showFilterCount(cy.nodes('.filtered').length);
}
