// Reads src/routes the way SvelteKit does, so the access matrix covers every page, form action and
// endpoint that exists, including ones added after the matrix was written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface RouteNode {
	/** The route id as SvelteKit writes it, e.g. "/admin/users/[id]" (groups removed). */
	id: string;
	/** Has a page (+page.svelte, or +page.server.ts alone). */
	page: boolean;
	/** Names of the form actions exported from +page.server.ts. */
	actions: string[];
	/** HTTP methods exported from +server.ts. */
	methods: string[];
}

const routesDir = resolve('src/routes');

function routeId(dir: string): string {
	const parts = relative(routesDir, dir)
		.split(sep)
		.filter((p) => p && !/^\(.+\)$/.test(p));
	// Written without the parameter matchers (`[id=id]` is `[id]` in route-access.ts).
	return '/' + parts.join('/').replace(/=\w+\]/g, ']');
}

function exportedNames(file: string): { names: string[]; actions: string[] } {
	const source = ts.createSourceFile(
		file,
		readFileSync(file, 'utf8'),
		ts.ScriptTarget.Latest,
		true
	);
	const names: string[] = [];
	const actions: string[] = [];
	for (const statement of source.statements) {
		const exported = ts.canHaveModifiers(statement)
			? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
			: false;
		if (!exported) continue;
		if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
		if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (!ts.isIdentifier(d.name)) continue;
				names.push(d.name.text);
				if (d.name.text !== 'actions' || !d.initializer) continue;
				let init: ts.Expression = d.initializer;
				while (
					ts.isSatisfiesExpression(init) ||
					ts.isAsExpression(init) ||
					ts.isParenthesizedExpression(init)
				)
					init = init.expression;
				if (!ts.isObjectLiteralExpression(init))
					throw new Error(`${file}: actions is not an object literal`);
				for (const p of init.properties) {
					const name =
						p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
					if (!name) throw new Error(`${file}: cannot read an action's name`);
					actions.push(name);
				}
			}
		}
	}
	return { names, actions };
}

function walk(dir: string, out: RouteNode[]): void {
	const files = readdirSync(dir);
	const has = (f: string) => files.includes(f);
	const serverPage = ['+page.server.ts', '+page.server.js'].find(has);
	const endpoint = ['+server.ts', '+server.js'].find(has);
	const page = has('+page.svelte') || !!serverPage;
	if (page || endpoint) {
		const actions = serverPage ? exportedNames(join(dir, serverPage)).actions : [];
		const methods = endpoint
			? exportedNames(join(dir, endpoint)).names.filter((n) =>
					['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'].includes(n)
				)
			: [];
		out.push({ id: routeId(dir), page, actions, methods });
	}
	for (const f of files) {
		const full = join(dir, f);
		if (statSync(full).isDirectory()) walk(full, out);
	}
}

export function routeTree(): RouteNode[] {
	if (!existsSync(routesDir)) throw new Error('Run the tests from the project root.');
	const out: RouteNode[] = [];
	walk(routesDir, out);
	return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Fills "[param]", "[[optional]]" and "[...rest]" from the example params. */
export function concretePath(id: string, params: Record<string, string> = {}): string {
	return id.replace(/\[\[?(?:\.\.\.)?(\w+)(?:=\w+)?\]?\]/g, (_, name: string) => {
		if (!(name in params))
			throw new Error(`Route ${id} needs an example value for [${name}] in route-access.ts`);
		return params[name];
	});
}
