// The framework's flowchart, drawn from the library's own Mermaid text (`toMermaid`), with the path
// the decision took highlighted. The Mermaid runtime is not used: it injects <style> elements, which
// a strict Content-Security-Policy (style-src 'self') blocks. Instead this reads the flowchart
// subset that `toMermaid` writes (nodes, edges, classes), lays it out with dagre, and draws SVG
// with presentation attributes and classes from the app's own stylesheet.
import { layout, graphlib } from '@dagrejs/dagre';
import type { Decision } from 'meldcode';
import { s } from './dom';

export type Shape = 'rect' | 'decision' | 'stadium' | 'subroutine' | 'flag' | 'parallelogram';

export interface ChartNode {
  id: string;
  shape: Shape;
  /** The label, one entry per line (Mermaid `<br/>`), unescaped. */
  lines: string[];
  classes: string[];
}

export interface ChartEdge {
  from: string;
  to: string;
  label?: string;
  dotted: boolean;
}

export interface Chart {
  nodes: ChartNode[];
  edges: ChartEdge[];
}

const shapes: [open: string, close: string, shape: Shape][] = [
  ['([', '])', 'stadium'],
  ['[[', ']]', 'subroutine'],
  ['[/', '/]', 'parallelogram'],
  ['[', ']', 'rect'],
  ['{', '}', 'decision'],
  ['>', ']', 'flag'],
];

const unescape = (text: string) => text.replace(/#quot;/g, '"').replace(/#lt;/g, '<').replace(/#gt;/g, '>');

/**
 * Reads the Mermaid flowchart that `toMermaid` writes. Throws on a line it does not know, so a
 * change in `toMermaid` shows up in the app's tests rather than as a silently wrong chart.
 */
export function parseMermaid(text: string): Chart {
  const nodes = new Map<string, ChartNode>();
  const edges: ChartEdge[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!/^flowchart (TD|TB)$/.test(lines[0] ?? '')) throw new Error(`parseMermaid: expected "flowchart TD", got "${lines[0]}"`);
  for (const line of lines.slice(1)) {
    const edge = /^(\w+) (-->|-\.->)(?:\|"(.*)"\|)? (\w+)$/.exec(line);
    if (edge) {
      const [, from, arrow, label, to] = edge;
      edges.push({ from: from!, to: to!, dotted: arrow === '-.->', ...(label ? { label: unescape(label) } : {}) });
      continue;
    }
    const node = /^(\w+)(\(\[|\[\[|\[\/|\[|\{|>)"(.*)"(\]\)|\]\]|\/\]|\]|\})$/.exec(line);
    if (node) {
      const [, id, open, label, close] = node;
      const shape = shapes.find(([o, c]) => o === open && c === close)?.[2];
      if (!shape) throw new Error(`parseMermaid: unknown shape ${open}…${close}`);
      nodes.set(id!, { id: id!, shape, lines: label!.split('<br/>').map(unescape), classes: [] });
      continue;
    }
    const cls = /^class ([\w,]+) (\w+);$/.exec(line);
    if (cls) {
      for (const id of cls[1]!.split(',')) nodes.get(id)?.classes.push(cls[2]!);
      continue;
    }
    if (/^classDef \w+ .*;$/.test(line)) continue; // colours come from the app's stylesheet
    throw new Error(`parseMermaid: unknown line "${line}"`);
  }
  for (const e of edges) if (!nodes.has(e.from) || !nodes.has(e.to)) throw new Error(`parseMermaid: edge ${e.from} → ${e.to} to an unknown node`);
  return { nodes: [...nodes.values()], edges };
}

/** How a consideration (1-5) was answered, read from the rules that fired in the decision's trail. */
export type ConsiderationAnswers = Partial<Record<1 | 2 | 3 | 4 | 5, 'yes' | 'no' | 'open'>>;

export function considerationAnswers(decision: Decision): ConsiderationAnswers {
  const out: ConsiderationAnswers = {};
  const put = (n: number, a: 'yes' | 'no' | 'open') => {
    if (n >= 1 && n <= 5) out[n as 1] = a;
  };
  for (const e of decision.trail) {
    if (!e.outcome || e.module !== 'afwegingskader') continue;
    const effect = e.effect as { type: string; params?: Record<string, unknown> };
    const p = effect.params ?? {};
    if (effect.type === 'consideration') put(Number(p.consideration), p.answer === 'yes' ? 'yes' : 'no');
    else if (effect.type === 'close') put(1, 'no');
    else if (effect.type === 'report') put(Number(p.consideration), Number(p.consideration) === 2 ? 'yes' : 'no');
    else if (effect.type === 'help' && p.stage === 'offer') put(4, 'yes');
    else if (effect.type === 'help' && p.stage === 'close-with-agreements') put(5, 'yes');
    else if (effect.type === 'needs-input') {
      const m = /^afweging-(\d)-open$/.exec(e.ruleId);
      if (m) put(Number(m[1]), 'open');
    }
  }
  return out;
}

/** The edges (as `from>to`) and nodes on the path the decision took. */
export function pathTaken(chart: Chart, decision: Decision, words: { yes: string; no: string; unknown: string }): { edges: Set<string>; nodes: Set<string> } {
  const answers = considerationAnswers(decision);
  const edges = new Set<string>();
  const done = new Set<number>(decision.steps?.done ?? []);
  const key = (e: ChartEdge) => `${e.from}>${e.to}`;
  for (const e of chart.edges) {
    const step = /^S([1-4])$/.exec(e.from);
    if (step && /^(S[1-4]|A1)$/.test(e.to) && done.has(Number(step[1]))) edges.add(key(e));
    const a = /^A([1-5])$/.exec(e.from);
    if (!a) continue;
    const answer = answers[Number(a[1]) as 1];
    if (!answer) continue;
    const label = e.label?.toLowerCase();
    if ((answer === 'yes' && label === words.yes.toLowerCase()) || (answer === 'no' && label === words.no.toLowerCase()) || (answer === 'open' && label === words.unknown.toLowerCase())) {
      edges.add(key(e));
    }
  }
  // Help offered (consideration 4: yes) leads on to consideration 5.
  if (answers[4] === 'yes') for (const e of chart.edges) if (e.from === 'HELP') edges.add(key(e));
  const nodes = new Set<string>();
  for (const e of chart.edges) if (edges.has(key(e))) nodes.add(e.from).add(e.to);
  if (answers[1]) nodes.add('A1');
  for (const n of done) nodes.add(`S${n}`);
  return { edges, nodes };
}

/** Measures text width in px for the chart's font, with a canvas (falls back to an estimate). */
function measurer(font: string): (text: string) => number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = font;
  return (text) => (ctx ? ctx.measureText(text).width : text.length * 6.6);
}

function wrap(lines: string[], max: number, width: (t: string) => number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && width(next) > max) {
        out.push(current);
        current = word;
      } else current = next;
    }
    out.push(current);
  }
  return out;
}

const FONT_SIZE = 12;
const LINE = 15;
const FONT = `${FONT_SIZE}px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif`;

/** Where dagre put each node and edge: computed once per chart (it is the slow part), drawn often. */
export interface ChartLayout {
  chart: Chart;
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number; width: number; height: number; lines: string[] }>;
  edges: { points: { x: number; y: number }[]; label?: { x: number; y: number; width: number } }[];
}

/** Lays the chart out (top to bottom) with dagre, the labels wrapped to a measured width. */
export function layoutChart(chart: Chart): ChartLayout {
  const width = measurer(FONT);
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 40, marginx: 8, marginy: 8 });
  const wrapped = new Map<string, string[]>();
  for (const n of chart.nodes) {
    const lines = wrap(n.lines, n.shape === 'decision' ? 200 : 230, width);
    wrapped.set(n.id, lines);
    const w = Math.max(...lines.map(width)) + (n.shape === 'decision' ? 56 : n.shape === 'parallelogram' || n.shape === 'flag' ? 40 : 24);
    g.setNode(n.id, { width: Math.ceil(w), height: lines.length * LINE + 18 });
  }
  chart.edges.forEach((e, i) => {
    g.setEdge(e.from, e.to, e.label ? { width: width(e.label) + 8, height: LINE, labelpos: 'c' } : {}, String(i));
  });
  layout(g);
  const graph = g.graph() as { width?: number; height?: number };
  const nodes = new Map(chart.nodes.map((n) => {
    const { x, y, width: w, height: h } = g.node(n.id) as { x: number; y: number; width: number; height: number };
    return [n.id, { x, y, width: w, height: h, lines: wrapped.get(n.id)! }];
  }));
  const edges = chart.edges.map((e, i) => {
    const info = g.edge(e.from, e.to, String(i)) as { points: { x: number; y: number }[]; x?: number; y?: number };
    const label = e.label && info.x !== undefined && info.y !== undefined ? { x: info.x, y: info.y, width: width(e.label) + 8 } : undefined;
    return { points: info.points, ...(label ? { label } : {}) };
  });
  return { chart, width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

/** The laid-out chart as an SVG element, with the path taken marked by the class `on-path`. */
export function drawChart(laid: ChartLayout, path: { edges: Set<string>; nodes: Set<string> }, title: string): SVGElement {
  const { chart, width: W, height: H } = laid;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title' });
  svg.append(s('title', { id: 'chart-title' }, title));
  svg.append(
    s('defs', {},
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })),
      s('marker', { id: 'arrow-on', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead on-path' })),
    ),
  );
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  const labelLayer = s('g', { class: 'edge-labels' });
  chart.edges.forEach((e, i) => {
    const info = laid.edges[i]!;
    const on = path.edges.has(`${e.from}>${e.to}`);
    const d = info.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    edgeLayer.append(s('path', { d, class: `edge${e.dotted ? ' dotted' : ''}${on ? ' on-path' : ''}`, 'marker-end': on ? 'url(#arrow-on)' : 'url(#arrow)', 'data-edge': `${e.from}>${e.to}` }));
    if (e.label && info.label) {
      const { x: lx, y: ly, width: lw } = info.label;
      labelLayer.append(
        s('g', { class: `edge-label${on ? ' on-path' : ''}` },
          s('rect', { x: (lx - lw / 2).toFixed(1), y: (ly - LINE / 2).toFixed(1), width: lw.toFixed(1), height: LINE, rx: 3 }),
          s('text', { x: lx.toFixed(1), y: (ly + 4).toFixed(1), 'text-anchor': 'middle' }, e.label),
        ),
      );
    }
  });
  for (const n of chart.nodes) {
    const { x, y, width: w, height: h, lines } = laid.nodes.get(n.id)!;
    const l = x - w / 2;
    const t = y - h / 2;
    const on = path.nodes.has(n.id);
    const group = s('g', { class: ['node', `shape-${n.shape}`, ...n.classes, on ? 'on-path' : ''].filter(Boolean).join(' '), 'data-node': n.id });
    const box =
      n.shape === 'decision'
        ? s('polygon', { points: [[l + 18, t], [l + w - 18, t], [l + w, y], [l + w - 18, t + h], [l + 18, t + h], [l, y]].map((p) => p.join(',')).join(' ') })
        : n.shape === 'parallelogram'
          ? s('polygon', { points: [[l + 14, t], [l + w, t], [l + w - 14, t + h], [l, t + h]].map((p) => p.join(',')).join(' ') })
          : n.shape === 'flag'
            ? s('polygon', { points: [[l, t], [l + w, t], [l + w, t + h], [l, t + h], [l + 14, y]].map((p) => p.join(',')).join(' ') })
            : s('rect', { x: l, y: t, width: w, height: h, rx: n.shape === 'stadium' ? h / 2 : 4 });
    group.append(box);
    if (n.shape === 'subroutine') {
      group.append(s('line', { x1: l + 6, y1: t, x2: l + 6, y2: t + h, class: 'sub' }), s('line', { x1: l + w - 6, y1: t, x2: l + w - 6, y2: t + h, class: 'sub' }));
    }
    const text = s('text', { x, y: y - (lines.length * LINE) / 2 + LINE - 3, 'text-anchor': 'middle' });
    lines.forEach((line, i) => text.append(s('tspan', { x, dy: i === 0 ? 0 : LINE }, line)));
    group.append(text);
    nodeLayer.append(group);
  }
  svg.append(edgeLayer, nodeLayer, labelLayer);
  return svg;
}
