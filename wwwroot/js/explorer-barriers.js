// Dossier barrier view: the dossier graph coloured by barrier phase, the ranked facilitators with the minimum cut,
// and a what-if toggle per facilitator showing which victims lose their connection to every perpetrator.
import { getJson, toElements, baseStyle, el, message, phaseColours, withBusy } from './explorer-common.js';

const root = document.getElementById('barrieres');
const number = root.dataset.dossier;
const $ = id => document.getElementById(id);

const cy = cytoscape({ container: $('cy'), style: [...baseStyle(),
    ...Object.entries(phaseColours).map(([phase, colour]) => ({ selector: `node[phase = "${phase}"]`, style: { 'background-color': colour } }))
], wheelSensitivity: 0.3 });
window.barrieres = { cy };

async function load() {
    const [graph, barriers] = await Promise.all([
        getJson(`/api/explorer/dossiers/${encodeURIComponent(number)}/graph`),
        getJson(`/api/dossiers/${encodeURIComponent(number)}/barriers`)
    ]);
    cy.add(toElements(graph.elements));
    cy.nodes().data('size', 26);
    $('leeg').hidden = cy.nodes().nonempty();
    const detail = new Map(graph.facilitators.map(f => [f.id, f]));
    const cut = new Set(barriers.minimumCut);
    cut.forEach(id => cy.getElementById(id).addClass('cut'));
    const max = Math.max(...barriers.facilitators.map(f => f.score), 1e-9);
    barriers.facilitators.forEach(f => cy.getElementById(f.id).data('size', 24 + 30 * f.score / max));

    $('fasen').replaceChildren(...graph.phases.map(p => {
        const li = el('li');
        const swatch = el('span', null, `swatch phase-${p.code}`);
        li.append(swatch, el('span', `${p.order}. ${p.name} — ${p.barrierOwners}`));
        return li;
    }));

    const owners = [...new Set(barriers.minimumCut.map(id => detail.get(id)?.barrierOwner).filter(Boolean))];
    const label = id => cy.getElementById(id).data('label') || id;
    $('snede').textContent = !barriers.separable
        ? `Daders en slachtoffers zijn niet volledig te scheiden via faciliteerders: er zijn directe banden (${barriers.directTies.join('; ')}).`
        : barriers.minimumCut.length === 0 ? 'Er is geen verbinding tussen daders en slachtoffers in dit dossier.'
        : `${barriers.minimumCut.length} faciliteerder(s) snijden alle ${barriers.perpetrators} daders af van alle ${barriers.victims} slachtoffers: ` +
          `${barriers.minimumCut.map(label).join(', ')}. Barrière-eigenaren: ${owners.join('; ')}.`;

    const body = $('faciliteerders');
    if (barriers.facilitators.length === 0) {
        const tr = el('tr'); const td = el('td', 'Dit dossier heeft geen legale faciliteerders die u mag zien.', 'empty'); td.colSpan = 8; tr.append(td);
        body.replaceChildren(tr);
    } else {
        body.replaceChildren(...barriers.facilitators.map((f, i) => {
            const d = detail.get(f.id) || {};
            const tr = el('tr');
            if (f.inMinimumCut) tr.className = 'in-cut';
            const box = el('input'); box.type = 'checkbox'; box.value = f.id; box.id = `weg-${i}`;
            const lab = el('label', `${f.label} weg`, 'visually-hidden'); lab.htmlFor = box.id;
            const toggle = el('td'); toggle.append(box, lab);
            tr.append(el('td', i + 1, 'num'), el('td', f.label), el('td', f.score.toFixed(2), 'num'), el('td', d.phaseName || 'Onbekend'),
                el('td', d.barrierOwner || '—'), el('td', d.awareness || 'Onbekend'), el('td', f.inMinimumCut ? 'Ja' : 'Nee'), toggle);
            return tr;
        }));
    }
    await withBusy(() => new Promise(resolve => {
        const layout = cy.layout({ name: 'fcose', animate: false, randomize: true, padding: 30, nodeRepulsion: 8000, idealEdgeLength: 80 });
        layout.one('layoutstop', () => { if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); } resolve(); });
        layout.run();
    }));
    root.dataset.ready = 'true';
}

async function whatIf() {
    const ids = [...document.querySelectorAll('#faciliteerders input:checked')].map(i => i.value);
    cy.nodes().removeClass('barred cut-off');
    if (ids.length === 0) {
        $('watals').textContent = 'Vink in de tabel een of meer faciliteerders aan.';
        $('afgesneden').replaceChildren();
        return;
    }
    const r = await getJson(`/api/explorer/dossiers/${encodeURIComponent(number)}/what-if?zonder=${ids.join(',')}`);
    ids.forEach(id => cy.getElementById(id).addClass('barred'));
    r.victimsCutOff.forEach(id => cy.getElementById(id).addClass('cut-off'));
    $('watals').textContent = r.victimsCutOff.length === 0
        ? `Zonder deze ${ids.length} faciliteerder(s) blijft elk slachtoffer met een dader verbonden (${r.pairsLost} van ${r.pairsBefore} dader–slachtofferparen verbroken).`
        : `Zonder deze ${ids.length} faciliteerder(s) verliezen ${r.victimsCutOff.length} slachtoffer(s) elke verbinding met een dader (${r.pairsLost} van ${r.pairsBefore} paren verbroken):`;
    $('afgesneden').replaceChildren(...r.victimLabels.map(l => el('li', l)));
    root.dataset.whatIf = String(r.victimsCutOff.length);
}

$('faciliteerders').addEventListener('change', () => whatIf().catch(e => message('fout', e.message, 'error')));
load().catch(e => { message('fout', e.message || 'Het laden is mislukt.', 'error'); root.dataset.ready = 'error'; });
