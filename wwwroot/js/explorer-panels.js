// The panels beside the explorer's drawing: the list of entities (#entiteiten) and the details of the chosen one.
import { el, roleNames } from './explorer-common.js';

// Big views list this many nodes (first by name, plus the selected ones) until the analyst asks for all of them: 2,000
// <option> rows cost more to build than the drawing's layout, and nobody scrolls through them.
const LIST_FIRST = 200;
const collator = new Intl.Collator('nl', { numeric: true }); // 2 before 10, as an analyst counts
const $ = id => document.getElementById(id);

/**
 * @param {object} page cy, state from explorer.js
 * @returns {{ refreshNodeList: () => void, showDetails: (node: object|null) => void }}
 */
export function panels({ cy, state }) {
    function refreshNodeList() {
        const list = $('entiteiten');
        const selected = new Set(cy.nodes(':selected').map(n => n.id()));
        // Plain data and one collator: localeCompare per comparison was a visible part of drawing a big view.
        let rows = cy.nodes().filter(n => !n.hasClass('filtered')).map(n => n.data());
        rows.sort((a, b) => collator.compare(a.label, b.label));
        const total = rows.length;
        if (!state.listAll && total > LIST_FIRST) rows = rows.filter((d, i) => i < LIST_FIRST || selected.has(d.id));
        list.replaceChildren(...rows.map(d => {
            const o = el('option', `${d.label} (${d.kindLabel}, ${roleNames[d.role] || 'onbekend'})`);
            o.value = d.id;
            o.selected = selected.has(d.id);
            return o;
        }));
        const more = listAllButton();
        more.hidden = rows.length >= total;
        more.textContent = `Toon alle ${total.toLocaleString('nl-NL')} entiteiten in de lijst (nu ${rows.length.toLocaleString('nl-NL')})`;
    }

    /** "Toon alle N": a big view lists its first LIST_FIRST nodes by name; this button (after the list, reachable by Tab)
     * lists the rest. Made here rather than in the view: only big views need it. */
    function listAllButton() {
        let b = $('entiteiten-alle');
        if (b) return b;
        b = el('button', '', 'button small secondary');
        b.type = 'button';
        b.id = 'entiteiten-alle';
        b.hidden = true;
        b.addEventListener('click', () => { state.listAll = true; refreshNodeList(); $('entiteiten').focus(); });
        $('entiteiten').after(b);
        return b;
    }

    function showDetails(node) {
        const box = $('details');
        if (!node) { box.replaceChildren(el('p', 'Kies een entiteit om haar gegevens te zien.', 'empty')); return; }
        const d = node.data();
        const dl = el('dl', null, 'facts');
        const row = (k, v) => { dl.append(el('dt', k), el('dd', v ?? '—')); };
        row('Naam', d.label); row('Soort', d.kindLabel); row('Rol', roleNames[d.role] || 'onbekend'); row('Bronpartner', d.partner);
        row('Beoordeling', d.grading); row('Relaties in beeld', node.connectedEdges(':visible').length);
        if (state.more.get(d.id) > 0) row('Nog niet getoond', `${state.more.get(d.id)} buren`);
        const link = el('a', 'Entiteit openen');
        link.href = `/entiteiten/${encodeURIComponent(d.id)}`;
        box.replaceChildren(el('h3', d.label), dl, link);
    }

    return { refreshNodeList, showDetails };
}
