// Exports of the explorer view. PNG and SVG are drawn here in the browser from what is on screen; GraphML and CSV
// come from the server, which decides again what the user may export and writes it to the audit log.
import { post, download, fileNameFrom, roleColours, kindShapes } from './explorer-common.js';

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

export function exportPng(cy) {
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
    download(blob, `netwerk-${stamp()}.png`);
    return blob;
}

const xml = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shapePath(shape, x, y, r) {
    const poly = pts => `<polygon points="${pts.map(([a, b]) => `${(x + a * r).toFixed(1)},${(y + b * r).toFixed(1)}`).join(' ')}"`;
    const regular = (n, rot = -Math.PI / 2) => poly([...Array(n).keys()].map(i => [Math.cos(rot + 2 * Math.PI * i / n), Math.sin(rot + 2 * Math.PI * i / n)]));
    switch (shape) {
        case 'ellipse': return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"`;
        case 'rectangle': return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}"`;
        case 'round-rectangle': return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="${(r / 3).toFixed(1)}"`;
        case 'diamond': return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
        case 'triangle': return regular(3);
        case 'hexagon': return regular(6, 0);
        case 'octagon': return regular(8, Math.PI / 8);
        case 'tag': return poly([[-1, -1], [0.5, -1], [1, 0], [0.5, 1], [-1, 1]]);
        case 'star': return poly([...Array(10).keys()].map(i => {
            const a = -Math.PI / 2 + Math.PI * i / 5, k = i % 2 ? 0.45 : 1;
            return [k * Math.cos(a), k * Math.sin(a)];
        }));
        default: return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"`;
    }
}

/** An SVG of the visible elements at their model positions (cytoscape-svg is GPL; this is written here, see ADR-006). */
export function buildSvg(cy) {
    const visible = cy.elements(':visible');
    const bb = visible.boundingBox({ includeLabels: true });
    const pad = 20;
    const w = Math.max(1, bb.w + 2 * pad), h = Math.max(1, bb.h + 2 * pad);
    const ox = pad - bb.x1, oy = pad - bb.y1;
    const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w.toFixed(0)}" height="${h.toFixed(0)}" viewBox="0 0 ${w.toFixed(0)} ${h.toFixed(0)}" font-family="DejaVu Sans, Arial, sans-serif">`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`, '<g id="relaties">'];
    visible.edges().forEach(e => {
        const s = e.source().position(), t = e.target().position();
        const onPath = e.hasClass('path');
        parts.push(`<line x1="${(s.x + ox).toFixed(1)}" y1="${(s.y + oy).toFixed(1)}" x2="${(t.x + ox).toFixed(1)}" y2="${(t.y + oy).toFixed(1)}" stroke="${onPath ? '#f0b400' : '#9aa5b1'}" stroke-width="${onPath ? 5 : 1.5}"><title>${xml(e.data('label'))}</title></line>`);
    });
    parts.push('</g><g id="entiteiten">');
    visible.nodes().forEach(n => {
        const p = n.position();
        const r = n.width() / 2;
        const x = p.x + ox, y = p.y + oy;
        const fill = roleColours[n.data('role')] || roleColours.unknown;
        parts.push(`${shapePath(kindShapes[n.data('kind') || ''] || 'octagon', x, y, r)} fill="${fill}" stroke="${n.hasClass('path') ? '#f0b400' : '#ffffff'}" stroke-width="${n.hasClass('path') ? 4 : 1}"><title>${xml(n.data('label'))}</title></${shapeTag(kindShapes[n.data('kind') || ''])}>`);
        parts.push(`<text x="${x.toFixed(1)}" y="${(y + r + 12).toFixed(1)}" font-size="10" text-anchor="middle" fill="#1b2430" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xml(n.data('label'))}</text>`);
    });
    parts.push('</g></svg>');
    return parts.join('\n');
}

function shapeTag(shape) {
    if (shape === 'ellipse' || !shape) return 'circle';
    if (shape === 'rectangle' || shape === 'round-rectangle') return 'rect';
    return 'polygon';
}

export function exportSvg(cy) {
    const blob = new Blob([buildSvg(cy)], { type: 'image/svg+xml' });
    download(blob, `netwerk-${stamp()}.svg`);
    return blob;
}

export async function exportServer(cy, format) {
    const ids = cy.nodes(':visible').map(n => n.id());
    const response = await post(`/api/explorer/export?format=${format}`, { ids }, format === 'csv' ? 'text/csv' : 'application/graphml+xml');
    const blob = await response.blob();
    download(blob, fileNameFrom(response, `netwerk.${format === 'csv' ? 'csv' : 'graphml'}`));
    return blob;
}
