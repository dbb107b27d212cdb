// Dossier barrier page: the dossier's network with facilitators in their phase's colour (the plan's barriers with a thick
// border), and what-if: ticking facilitators asks the server what barring them breaks and writes the answer beside the
// box and in the what-if panel. The tables are server-rendered; this script only reads their data attributes.
import { getJson, toElements, baseStyle, el, message, phaseColours, roleColours } from './explorer-common.js';

const root = document.getElementById('barrieres');
const number = root.dataset.dossier;
const $ = id => document.getElementById(id);
const rows = [...document.querySelectorAll('#faciliteerders tr[data-id]')];
const phaseOf = new Map(rows.map(r => [r.dataset.id, r.dataset.phase]));
const planned = new Set(rows.filter(r => r.dataset.inPlan === 'true').map(r => r.dataset.id));

const cy = cytoscape({ container: $('cy'), style: [...baseStyle(),
    { selector: 'node[barrierRole = "perpetrator"]', style: { 'background-color': roleColours.perpetrator, shape: 'diamond' } },
    { selector: 'node[barrierRole = "victim"]', style: { 'background-color': roleColours.victim, shape: 'ellipse' } },
    { selector: 'node[phase = "unknown"]', style: { 'background-color': '#bdc3c7' } },
    ...Object.entries(phaseColours).map(([phase, colour]) => ({ selector: `node[phase = "${phase}"]`, style: { 'background-color': colour, shape: 'round-rectangle' } })),
    { selector: 'node.planned', style: { 'border-width': 5, 'border-color': '#111111' } },
    { selector: 'node.barred', style: { 'border-width': 5, 'border-color': '#111111', 'border-style': 'dashed', opacity: 0.55 } },
    { selector: 'node.cut-off', style: { 'border-width': 4, 'border-color': '#1e8449' } },
], wheelSensitivity: 0.3 });
window.barrieres = { cy };

async function load() {
    const graph = await getJson(`/api/explorer/dossiers/${encodeURIComponent(number)}/graph`);
    cy.add(toElements(graph.elements));
    cy.nodes().forEach(n => {
        const phase = phaseOf.get(n.id());
        if (phase) n.data('phase', phase);
        else n.data('barrierRole', n.data('role'));
        if (planned.has(n.id())) n.addClass('planned');
        n.data('size', planned.has(n.id()) ? 40 : 26);
    });
    $('leeg').hidden = cy.nodes().nonempty();
    await new Promise(resolve => {
        if (cy.nodes().empty()) { resolve(); return; }
        const layout = cy.layout({ name: 'fcose', animate: false, randomize: true, padding: 30, nodeRepulsion: 8000, idealEdgeLength: 80 });
        layout.one('layoutstop', () => { if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); } resolve(); });
        layout.run();
    });
    root.dataset.ready = 'true';
}

async function whatIf(changed) {
    const boxes = [...document.querySelectorAll('#faciliteerders input.whatif-box')];
    const ids = boxes.filter(b => b.checked).map(b => b.value);
    cy.nodes().removeClass('barred cut-off');
    boxes.forEach(b => { b.parentElement.querySelector('.whatif-result').textContent = ''; });
    if (ids.length === 0) {
        $('watals').textContent = 'Vink in de tabel hieronder een of meer faciliteerders aan.';
        $('watals-fasen').replaceChildren();
        root.dataset.whatIf = '';
        return;
    }
    const r = await getJson(`/api/dossiers/${encodeURIComponent(number)}/barrier-plan/what-if?zonder=${ids.map(encodeURIComponent).join(',')}`);
    ids.forEach(id => cy.getElementById(id).addClass('barred'));
    const brokenVictims = new Set(r.phases.flatMap(p => p.brokenVictims));
    cy.nodes().filter(n => brokenVictims.has(n.data('label'))).addClass('cut-off');
    $('watals').textContent = r.sentence;
    $('watals-fasen').replaceChildren(...r.phases.filter(p => p.dependencies > 0).map(p =>
        el('li', `${p.name}: ${p.broken} van ${p.dependencies} doorbroken${p.brokenVictims.length ? ` (${p.brokenVictims.join(', ')})` : ''}`)));
    // The answer beside the box that was ticked last.
    const result = changed?.parentElement.querySelector('.whatif-result');
    if (result) result.textContent = r.broken === 0 ? 'breekt nog niets' : `samen ${r.broken} van ${r.dependencies} doorbroken`;
    root.dataset.whatIf = String(r.broken);
}

$('faciliteerders').addEventListener('change', e => e.target.classList.contains('whatif-box') && whatIf(e.target).catch(err => message('fout', err.message, 'error')));
load().catch(e => { message('fout', e.message || 'Het laden is mislukt.', 'error'); root.dataset.ready = 'error'; });
