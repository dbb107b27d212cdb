// Paths in the explorer: the k shortest paths between the last two chosen entities, and "waarom centraal?" (which
// shortest paths run through the chosen entity). The page's own helpers come in through pathTools, so this module
// adds no globals and shares the page's state, undo history and redraw.
import { getJson, el, message } from './explorer-common.js';

/**
 * @param {object} page cy, state, $, requireSelection, remember, addGraph, afterChange from explorer.js
 * @returns {{ findPaths: (k: number) => Promise<void>, whyCentral: () => Promise<void> }}
 */
export function pathTools({ cy, state, $, requireSelection, remember, addGraph, afterChange }) {
    function pathEnds() {
        const order = state.selectionOrder.filter(id => cy.getElementById(id).selected());
        return order.length >= 2 ? [order[order.length - 2], order[order.length - 1]] : null;
    }

    function highlight(path) {
        cy.elements().removeClass('path');
        path.nodes.forEach(id => cy.getElementById(id).addClass('path'));
        path.edges.forEach(id => cy.getElementById(id).addClass('path'));
    }

    async function findPaths(k) {
        const ends = pathEnds();
        if (!ends) { message('melding', 'Kies eerst twee entiteiten (klik op de eerste, daarna met Shift op de tweede).', 'warn'); return; }
        const result = await getJson(`/api/paths?from=${ends[0]}&to=${ends[1]}&k=${k}`);
        const box = $('paden');
        if (result.paths.length === 0) {
            box.replaceChildren(el('p', 'Er is geen verbinding tussen deze twee entiteiten in wat u mag zien.', 'empty'));
            return;
        }
        remember('paden');
        const added = addGraph(result.elements);
        if (added.nonempty()) await afterChange(true); else await afterChange(false);
        const label = id => cy.getElementById(id).data('label') || id;
        const list = el('ol', null, 'path-list');
        result.paths.forEach((p, i) => {
            const b = el('button', `${p.length} stap${p.length === 1 ? '' : 'pen'}: ${p.nodes.map(label).join(' → ')}`, 'path-button');
            b.type = 'button';
            b.addEventListener('click', () => highlight(p));
            const li = el('li'); li.append(b); list.append(li);
            if (i === 0) highlight(p);
        });
        box.replaceChildren(el('h3', k === 1 ? 'Kortste pad' : `${result.paths.length} kortste paden`), list);
        message('melding', `Kortste pad: ${result.paths[0].length} stap(pen).`);
    }

    async function whyCentral() {
        const s = requireSelection();
        if (!s) return;
        const id = s[0].id();
        const result = await getJson(`/api/nodes/${id}/central-paths?top=10`);
        const box = $('paden');
        if (result.paths.length === 0) {
            box.replaceChildren(el('p', 'Geen kortste paden lopen via deze entiteit (binnen drie stappen).', 'empty'));
            return;
        }
        remember('waarom centraal');
        const added = addGraph(result.elements);
        await afterChange(added.nonempty());
        const list = el('ol', null, 'path-list');
        result.paths.forEach((p, i) => {
            const b = el('button', `${p.fromLabel} ↔ ${p.toLabel}: ${Math.round(p.share * 100)}% van de kortste paden loopt via deze entiteit`, 'path-button');
            b.type = 'button';
            b.addEventListener('click', () => highlight(p.example));
            const li = el('li'); li.append(b); list.append(li);
            if (i === 0) highlight(p.example);
        });
        box.replaceChildren(el('h3', `Waarom centraal? Tussenheid ${result.localBetweenness.toFixed(1)} binnen ${result.radius} stappen (${result.neighbourhoodSize} entiteiten)`), list);
    }

    return { findPaths, whyCentral };
}
