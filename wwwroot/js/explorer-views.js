// Saved views in the explorer: save the drawing (positions, pins, filters, layout, size), list the views the analyst
// may open, delete their own. Opening a view stays in explorer.js (it redraws the page); it comes in through savedViews.
import { getJson, post, del, el, message } from './explorer-common.js';
import { readFilters } from './explorer-filters.js';

/**
 * @param {object} page cy, $, run (the page's error-reporting wrapper), openView from explorer.js
 * @returns {{ saveView: () => Promise<string>, listViews: () => Promise<void> }}
 */
export function savedViews({ cy, $, run, openView }) {
    async function saveView() {
        const name = $('weergave-naam').value.trim();
        const dossier = $('weergave-dossier').value.trim() || null;
        const nodes = cy.nodes().map(n => ({ id: n.id(), x: n.position('x'), y: n.position('y'), pinned: n.locked() }));
        const body = { name, dossier, state: { nodes, filters: readFilters(), layout: $('layout').value, sizeBy: $('grootte').value } };
        const r = await post('/api/views', body).then(x => x.json());
        message('melding', `Weergave "${name}" bewaard${dossier ? ` bij dossier ${dossier}` : ' (persoonlijk)'}.`);
        await listViews();
        return r.id;
    }

    async function listViews() {
        const views = await getJson('/api/views');
        const list = $('weergaven');
        if (views.length === 0) { list.replaceChildren(el('li', 'Nog geen bewaarde weergaven.', 'empty')); return; }
        list.replaceChildren(...views.map(v => {
            const li = el('li');
            const b = el('button', `${v.name}${v.dossier ? ` · ${v.dossier}` : ' · persoonlijk'}`, 'link-like');
            b.type = 'button';
            b.dataset.view = v.id;
            b.addEventListener('click', () => run(() => openView(v.id)));
            li.append(b, el('span', ` door ${v.owner}`, 'hint'));
            if (v.mine) {
                const remove = el('button', 'Verwijderen', 'button small secondary view-delete');
                remove.type = 'button';
                remove.dataset.deleteView = v.id;
                remove.setAttribute('aria-label', `Weergave ${v.name} verwijderen`);
                remove.addEventListener('click', () => run(() => deleteView(v)));
                li.append(' ', remove);
            }
            return li;
        }));
    }

    async function deleteView(v) {
        if (!window.confirm(`Weergave "${v.name}" verwijderen? Dit kan niet ongedaan worden gemaakt.`)) return;
        await del(`/api/views/${encodeURIComponent(v.id)}`);
        message('melding', `Weergave "${v.name}" verwijderd.`);
        await listViews();
    }

    return { saveView, listViews };
}
