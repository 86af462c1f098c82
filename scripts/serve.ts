// Serves the production build. A kept public page is answered first, straight from node:http (the
// front door the build's hooks open: src/lib/server/http/kept-pages.ts). adapter-node answers
// static files (`/_app/immutable/…`) before SvelteKit's hooks run, so the headers that every
// response needs (nosniff, HSTS) are set here, ahead of its handler. This replaces build/index.js:
// same PORT, HOST and graceful shutdown.
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseSecurityHeaders } from '../src/lib/server/http/headers.ts';
import { frontDoor } from '../src/lib/server/http/front-door.ts';
import { unreadableRequestAnswer } from '../src/lib/server/http/data-addresses.ts';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

export async function serve(): Promise<http.Server> {
	const { handler } = (await import(pathToFileURL(resolve('build/handler.js')).href)) as {
		handler: NodeHandler;
	};
	// Importing the handler loads the hooks, which open the door (none when the cache is off).
	const door = frontDoor();
	const headers = baseSecurityHeaders(process.env.ORIGIN);
	const server = http.createServer((req, res) => {
		// A kept page carries every header it needs, these included.
		if (door?.(req, res)) return;
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	// Idle connections are kept longer than clients and proxies keep theirs (often 15–60 s), so that
	// none sends a request on a connection the server is closing at that moment (Node's 5 s made
	// a client reusing one lose its request); the headers' own limit must be longer still.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	// A request node:http cannot read never reaches the hooks: answer it as a problem document.
	server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
		if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
		else socket.end(unreadableRequestAnswer(error.code));
	});
	const host = process.env.HOST || '0.0.0.0';
	const port = Number(process.env.PORT || 3000);
	await new Promise<void>((done, refuse) => {
		server.once('error', refuse);
		server.listen(port, host, done);
	});
	console.log(`Listening on http://${host}:${port}`);
	const stop = () => {
		// Finish the requests in flight, then exit; a second signal or 30 s forces it.
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 30_000).unref();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return server;
}
