// The throughline as a graph, shared by the server (no-JS highlight) and the browser (instant
// highlight). Pure functions, no imports: columns run policy → structure → priority → measure.

export const columns = ['policy', 'structure', 'priority', 'measure'] as const;
export type Column = (typeof columns)[number];

export interface MapNode {
	/** "policy-3", "structure-7", … — also the `?focus=` value. */
	key: string;
	column: Column;
	id: number;
	label: string;
	/** A short second line: relation words, authority, unit… */
	detail: string;
	/** Where to read or edit the item. */
	href: string;
}

export interface MapEdge {
	from: string;
	to: string;
	/** For policy → structure: establishes, funds, requires or guides. */
	label?: string;
}

export interface ThroughlineGraph {
	nodes: MapNode[];
	edges: MapEdge[];
}

export const nodeKey = (column: Column, id: number) => `${column}-${id}`;

/**
 * Every item on a path through `focus`: everything upstream of it (towards policies) and
 * everything downstream (towards measures). Edges whose both ends are in the set lie on such a path.
 */
export function pathsThrough(graph: ThroughlineGraph, focus: string): Set<string> {
	const down = new Map<string, string[]>();
	const up = new Map<string, string[]>();
	for (const e of graph.edges) {
		(down.get(e.from) ?? down.set(e.from, []).get(e.from)!).push(e.to);
		(up.get(e.to) ?? up.set(e.to, []).get(e.to)!).push(e.from);
	}
	const on = new Set<string>([focus]);
	const walk = (start: string, next: Map<string, string[]>) => {
		const stack = [start];
		while (stack.length) {
			for (const n of next.get(stack.pop()!) ?? []) {
				if (!on.has(n)) {
					on.add(n);
					stack.push(n);
				}
			}
		}
	};
	walk(focus, down);
	walk(focus, up);
	return on;
}

/** The part of the graph that runs through one item (used for the priority filter). */
export function subgraphThrough(graph: ThroughlineGraph, key: string): ThroughlineGraph {
	const on = pathsThrough(graph, key);
	return {
		nodes: graph.nodes.filter((n) => on.has(n.key)),
		edges: graph.edges.filter((e) => on.has(e.from) && on.has(e.to))
	};
}
