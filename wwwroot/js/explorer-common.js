// Shared by the explorer and the barrier view: API calls with a loading indicator, Cytoscape styles (shape by kind,
// colour by role), and small DOM helpers that only ever set text (names are data, never HTML).

export const roleColours = { perpetrator: '#c0392b', victim: '#2471a3', facilitator: '#d68910', other: '#8e44ad', unknown: '#7f8c8d' };
export const roleNames = { perpetrator: 'dader', victim: 'slachtoffer', facilitator: 'faciliteerder', other: 'overig', unknown: 'onbekend' };
export const kindLabels = {
    Person: 'persoon', Address: 'adres', Company: 'bedrijf', Document: 'document', BankAccount: 'bankrekening',
    Phone: 'telefoon', Vehicle: 'voertuig', OnlineAd: 'advertentie'
};
export const kindShapes = {
    Person: 'ellipse', Address: 'round-rectangle', Company: 'rectangle', Document: 'tag', BankAccount: 'diamond',
    Phone: 'triangle', Vehicle: 'hexagon', OnlineAd: 'star', '': 'octagon'
};
/** Dutch names of the default barrier phases (Domain/Barriers/BarrierPhase.Default). */
export const phaseNames = {
    recruitment: 'Werving', entry: 'Entree en vervoer', identity: 'Identiteit', residence: 'Verblijfsstatus', housing: 'Huisvesting', work: 'Werk', finance: 'Financiën'
};
// Chosen apart from the role colours (red perpetrator, blue victim, amber facilitator, purple other, grey unknown): on the
// barrier page facilitators wear their phase's colour beside perpetrators and victims in theirs.
export const phaseColours = {
    recruitment: '#1b9e77', entry: '#66a61e', identity: '#e7298a', residence: '#a6761d', housing: '#e6ab02', work: '#17becf', finance: '#2c3e50'
};

const token = () => document.querySelector('[data-token]')?.dataset.token ?? '';

/** Shows the loading indicator for any request slower than 300 ms. */
let pending = 0;
let timer = null;
function busy(on) {
    const indicator = document.getElementById('laden');
    if (!indicator) return;
    if (on) {
        pending++;
        if (!timer) timer = setTimeout(() => { indicator.hidden = false; }, 300);
    } else if (--pending <= 0) {
        pending = 0;
        clearTimeout(timer);
        timer = null;
        indicator.hidden = true;
    }
}

/** Runs fn with the loading indicator (for slow client work such as layouts on big views). */
export async function withBusy(fn) {
    busy(true);
    try { await new Promise(r => setTimeout(r, 0)); return await fn(); } finally { busy(false); }
}

export class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
}

async function problemText(response) {
    try {
        const p = await response.json();
        const field = p.errors ? Object.values(p.errors).flat()[0] : null;
        return field || p.detail || p.title || `Fout ${response.status}`;
    } catch { return `Fout ${response.status}`; }
}

export async function getJson(url) {
    busy(true);
    try {
        const r = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!r.ok) throw new ApiError(r.status, await problemText(r));
        return await r.json();
    } finally { busy(false); }
}

export async function post(url, body, accept = 'application/json') {
    busy(true);
    try {
        const r = await fetch(url, {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: accept, RequestVerificationToken: token() },
            body: JSON.stringify(body)
        });
        if (!r.ok) throw new ApiError(r.status, await problemText(r));
        return r;
    } finally { busy(false); }
}

export async function del(url) {
    busy(true);
    try {
        const r = await fetch(url, { method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json', RequestVerificationToken: token() } });
        if (!r.ok) throw new ApiError(r.status, await problemText(r));
        return r;
    } finally { busy(false); }
}

/** Cytoscape elements from an API graph answer. */
export function toElements(graph) {
    return [
        ...graph.nodes.map(n => ({ group: 'nodes', data: n.data })),
        ...graph.edges.map(e => ({ group: 'edges', data: e.data }))
    ];
}

/** Static selectors per role and kind: function-valued styles are re-evaluated per element and slow big views down. */
export function baseStyle() {
    return [
        {
            selector: 'node', style: {
                'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#1b2430',
                'text-outline-color': '#ffffff', 'text-outline-width': 2, 'width': 26, 'height': 26,
                'background-color': roleColours.unknown, 'shape': 'octagon', 'border-width': 1, 'border-color': '#ffffff', 'min-zoomed-font-size': 8
            }
        },
        ...Object.entries(roleColours).map(([role, colour]) => ({ selector: `node[role = "${role}"]`, style: { 'background-color': colour } })),
        ...Object.entries(kindShapes).filter(([kind]) => kind).map(([kind, shape]) => ({ selector: `node[kind = "${kind}"]`, style: { 'shape': shape } })),
        { selector: 'node[size]', style: { 'width': 'data(size)', 'height': 'data(size)' } },
        // Big views while zoomed out (explorer.js, LABEL_ZOOM): labels too small to draw are not measured either.
        { selector: 'node.bare', style: { 'label': '' } },
        { selector: 'edge', style: { 'width': 1.5, 'line-color': '#9aa5b1', 'curve-style': 'haystack', 'opacity': 0.8 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f0b400' } },
        { selector: 'node:locked', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#1b2430' } },
        { selector: '.filtered', style: { 'display': 'none' } },
        { selector: '.faded', style: { 'opacity': 0.2 } },
        { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#f0b400', 'z-index': 10 } },
        { selector: 'edge.path', style: { 'width': 5, 'line-color': '#f0b400', 'opacity': 1, 'z-index': 10 } },
        { selector: 'node.cut', style: { 'border-width': 6, 'border-color': '#000000', 'border-style': 'solid' } },
        { selector: 'node.barred', style: { 'opacity': 0.25, 'border-style': 'dashed', 'border-color': '#000000', 'border-width': 3 } },
        { selector: 'node.cut-off', style: { 'border-width': 6, 'border-color': '#e74c3c', 'border-style': 'double' } }
    ];
}

export function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
}

export function message(target, text, kind = 'info') {
    const box = typeof target === 'string' ? document.getElementById(target) : target;
    if (!box) return;
    box.textContent = text;
    box.dataset.kind = kind;
    box.hidden = !text;
}

export function download(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function fileNameFrom(response, fallback) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const m = /filename="?([^";]+)"?/.exec(disposition);
    return m ? m[1] : fallback;
}
