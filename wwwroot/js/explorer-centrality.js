// Node size by centrality in the explorer: the scores (also used by the concentric layout) and the sizes they give.
import { message } from './explorer-common.js';

/** Scores per node id over the visible elements: 'graad', 'tussenheid', 'nabijheid' or 'pagerank'. */
export function centralityScores(cy, kind) {
    const eles = cy.elements(':visible');
    const nodes = eles.nodes();
    const scores = new Map();
    if (kind === 'graad') {
        // Cytoscape's degreeCentralityNormalized intersects collections per node (O(n·m)); counting is O(m).
        nodes.forEach(n => scores.set(n.id(), 0));
        // Ids from the data: e.source() builds a collection per call (20,000 of them for 5,000 relations).
        eles.edges().forEach(e => {
            const d = e.data();
            scores.set(d.source, scores.get(d.source) + 1);
            scores.set(d.target, scores.get(d.target) + 1);
        });
    } else if (kind === 'tussenheid') {
        const bc = eles.betweennessCentrality({});
        nodes.forEach(n => scores.set(n.id(), bc.betweennessNormalized(n)));
    } else if (kind === 'nabijheid') {
        const cc = eles.closenessCentralityNormalized({});
        nodes.forEach(n => scores.set(n.id(), cc.closeness(n)));
    } else if (kind === 'pagerank') {
        const pr = eles.pageRank({});
        nodes.forEach(n => scores.set(n.id(), pr.rank(n)));
    }
    return scores;
}

/** Sizes the nodes by the measure chosen in #grootte (18–60 px). */
export function sizeByCentrality(cy) {
    const kind = document.getElementById('grootte').value;
    const tooBig = cy.nodes(':visible').length > 1500 && kind !== 'graad';
    if (kind === 'geen' || tooBig) {
        cy.nodes().removeData('size');
        if (tooBig) message('melding', 'Bij meer dan 1.500 entiteiten wordt de grootte alleen naar graad berekend.');
        return;
    }
    const scores = centralityScores(cy, kind);
    let max = 1e-9;
    scores.forEach(v => { if (v > max) max = v; });
    cy.batch(() => cy.nodes().forEach(n => n.data('size', Math.round(18 + 42 * ((scores.get(n.id()) || 0) / max)))));
}

/** Node size by degree on plain data, as sizeByCentrality('graad') computes it on the drawn elements. */
export function degreeSizes(ids, links) {
    const degree = new Map(ids.map(id => [id, 0]));
    for (const [a, b] of links) { degree.set(a, degree.get(a) + 1); degree.set(b, degree.get(b) + 1); }
    let max = 1e-9;
    degree.forEach(v => { if (v > max) max = v; });
    const sizes = new Map();
    degree.forEach((v, id) => sizes.set(id, Math.round(18 + 42 * (v / max))));
    return sizes;
}
