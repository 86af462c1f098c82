// The server's areas lean one way (README: Architecture). The areas of src/lib/server/ stand on
// floors, listed from the top down in eslint.config.js; a module may import its own area and the
// areas on the floors below it, never one beside it or above it. So no two areas import each
// other and no import cycle between areas can form: every cycle would need an import that runs
// sideways or up, and that import is refused here.
import path from 'node:path';

/**
 * @typedef {{ root: string, floors: string[][] }} Options
 * `root`: the folder whose areas these are, from the project's root. `floors`: the areas on each
 * floor, the top floor first. An area is a folder of `root` ("priorities"), a loose module of it
 * ("clock" for clock.ts), or one module that stands apart from the rest of its folder
 * ("db/index.ts"); a module belongs to the longest that names it.
 */

/**
 * @param {string} relative a module's path from the root, with '/'
 * @param {Map<string, number>} floorOf
 */
function areaOf(relative, floorOf) {
	let best = null;
	for (const area of floorOf.keys()) {
		const hit =
			relative === area ||
			relative.startsWith(area + '/') ||
			relative.replace(/\.(ts|js)$/, '') === area;
		if (hit && (best === null || area.length > best.length)) best = area;
	}
	if (best !== null) return best;
	// On no floor yet: the folder, or the loose module's name.
	return relative.includes('/') ? relative.split('/')[0] : relative.replace(/\.(ts|js)$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
export const areasLeanOneWay = {
	meta: {
		type: 'problem',
		docs: { description: 'An area imports only the areas on the floors below its own.' },
		schema: [
			{
				type: 'object',
				properties: {
					root: { type: 'string' },
					floors: { type: 'array', items: { type: 'array', items: { type: 'string' } } }
				},
				required: ['root', 'floors'],
				additionalProperties: false
			}
		],
		messages: {
			up: '{{from}} may not import {{to}} ({{target}}): {{to}} stands above it (floor {{toFloor}} over {{fromFloor}}). Move what both need below, or what gathers both into views/ or the route.',
			beside:
				'{{from}} may not import {{to}} ({{target}}): they stand on the same floor. Move what both need below, or what gathers both into views/ or the route.',
			unplaced:
				'{{area}} stands on no floor: add it to the floors of the areas rule in eslint.config.js.'
		}
	},
	create(context) {
		const options = /** @type {Options} */ (context.options[0]);
		const cwd = context.cwd;
		const root = path.resolve(cwd, options.root);
		/** @type {Map<string, number>} the floor of each area, 1 the ground */
		const floorOf = new Map();
		options.floors.forEach((floor, i) => {
			for (const area of floor) floorOf.set(area, options.floors.length - i);
		});
		const file = path.resolve(cwd, context.filename);
		const fromRelative = path.relative(root, file).split(path.sep).join('/');
		if (fromRelative.startsWith('..') || path.isAbsolute(fromRelative)) return {};
		const from = areaOf(fromRelative, floorOf);

		/** @param {import('estree').Node} node @param {unknown} value */
		function check(node, value) {
			if (typeof value !== 'string') return;
			let target;
			if (value.startsWith('.')) target = path.resolve(path.dirname(file), value);
			else if (value === '$lib/server' || value.startsWith('$lib/server/'))
				target = path.join(root, value.slice('$lib/server'.length));
			else return;
			const relative = path.relative(root, target).split(path.sep).join('/');
			if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return;
			const to = areaOf(relative, floorOf);
			if (to === from) return;
			const fromFloor = floorOf.get(from);
			const toFloor = floorOf.get(to);
			if (fromFloor === undefined || toFloor === undefined) {
				const area = fromFloor === undefined ? from : to;
				context.report({ node, messageId: 'unplaced', data: { area } });
			} else if (toFloor >= fromFloor) {
				const data = {
					from,
					to,
					target: value,
					fromFloor: String(fromFloor),
					toFloor: String(toFloor)
				};
				context.report({ node, messageId: toFloor === fromFloor ? 'beside' : 'up', data });
			}
		}

		return {
			ImportDeclaration: (node) => check(node.source, node.source.value),
			ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
			ExportAllDeclaration: (node) => check(node.source, node.source.value),
			ImportExpression: (node) =>
				node.source.type === 'Literal' && check(node.source, node.source.value)
		};
	}
};

export default { rules: { 'areas-lean-one-way': areasLeanOneWay } };
