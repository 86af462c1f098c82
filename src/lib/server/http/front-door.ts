/**
 * Where scripts/serve.ts finds the front door that SvelteKit's hooks open (kept-pages.ts). The
 * hooks live in the built bundle and serve.ts outside it, so they meet on a global; this file
 * imports nothing, so plain Node can load it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers the request and returns true, or returns false and leaves it untouched. */
export type FrontDoor = (req: IncomingMessage, res: ServerResponse) => boolean;

const slot = Symbol.for('throughline.front-door');
type WithDoor = { [slot]?: FrontDoor };

export function openFrontDoor(door: FrontDoor): void {
	(globalThis as WithDoor)[slot] = door;
}

/** The door the hooks opened; undefined before the build's hooks are loaded, or with no cache. */
export function frontDoor(): FrontDoor | undefined {
	return (globalThis as WithDoor)[slot];
}
