// Runs the layout chosen in #layout on the visible elements. The big-view force layout itself is the pure function in
// explorer-layout.js; this module is the Cytoscape side of it.
import { withBusy } from './explorer-common.js';
import { forceLayout } from './explorer-layout.js';
import { centralityScores } from './explorer-centrality.js';

/**
 * @param {object} page cy, state, quickAbove (the node count above which our own force layout replaces fCoSE)
 * @returns {() => Promise<void>} runLayout
 */
export function layoutRunner({ cy, state, quickAbove }) {
    const $ = id => document.getElementById(id);

    function runLayout() {
        const name = $('layout').value;
        const eles = cy.elements(':visible');
        if (eles.empty()) return Promise.resolve();
        let options;
        if (name === 'concentrisch') {
            const scores = centralityScores(cy, $('grootte').value === 'geen' ? 'graad' : $('grootte').value);
            options = { name: 'concentric', concentric: n => scores.get(n.id()) || 0, levelWidth: () => 0.1, minNodeSpacing: 12, animate: false };
        } else if (name === 'hierarchisch') {
            const roots = cy.nodes(':selected:visible');
            options = { name: 'breadthfirst', roots: roots.nonempty() ? roots : eles.nodes().max(n => n.degree()).ele, directed: false, spacingFactor: 1.1, animate: false };
        } else if (eles.nodes().length > quickAbove()) {
            options = quickLayoutOptions(eles);
        } else {
            options = { name: 'fcose', quality: eles.length > 3000 ? 'draft' : 'default', randomize: true, animate: false, nodeRepulsion: 6000,
                idealEdgeLength: 70, numIter: eles.length > 3000 ? 1000 : 2500, fixedNodeConstraint: fixedNodes() };
        }
        return withBusy(() => new Promise(resolve => {
            const layout = eles.layout({ ...options, fit: true, padding: 30 });
            layout.one('layoutstop', () => {
                state.placed = true;
                // A handful of nodes should not fill the screen at giant size.
                if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(eles); }
                resolve();
            });
            layout.run();
        }));
    }

    /** Positions from explorer-layout.js, applied in one go by Cytoscape's preset layout. After the first drawing of a
     * big view, an expansion refines the current positions instead of starting over (the analyst keeps their bearings). */
    function quickLayoutOptions(eles) {
        const nodes = eles.nodes();
        const start = new Map();
        nodes.forEach(n => { const p = n.position(); start.set(n.id(), { x: p.x, y: p.y }); });
        const positions = forceLayout(nodes.map(n => n.id()), eles.edges().map(e => [e.data('source'), e.data('target')]), {
            start, pinned: new Set(nodes.filter(n => n.locked()).map(n => n.id())), incremental: state.placed, edgeLength: 55
        });
        return { name: 'preset', positions: n => positions.get(n.id()) };
    }

    function fixedNodes() {
        const pinned = cy.nodes(':locked:visible');
        return pinned.length > 0 ? pinned.map(n => ({ nodeId: n.id(), position: n.position() })) : undefined;
    }

    return runLayout;
}
