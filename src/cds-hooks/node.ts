// The CDS Hooks handler on node:http: no framework, so the service runs wherever Node 20 does.
// For a web-standard runtime (Deno, Bun, a worker), see ./fetch.ts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { bodyTooLargeResponse, type CdsHooksServiceOptions, createCdsHooksHandler } from './service.js';

/** Reads a request body up to `limit` bytes; `undefined` as soon as it is larger (413 follows). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      resolve(undefined);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A node:http server that answers CDS Hooks 2.0 calls (see `createCdsHooksHandler`). It is not
 * listening yet: call `listen(port, host)`; port 0 picks a free port.
 *
 * @throws {@link MeldcodeInputError} for a `canonicalBase` that is not an http(s) URL.
 * @example
 * ```ts
 * const server = createCdsHooksServer({ onFeedback: (entries) => store(entries) });
 * server.listen(8080, '127.0.0.1');
 * ```
 */
export function createCdsHooksServer(options: CdsHooksServiceOptions = {}): Server {
  const handle = createCdsHooksHandler(options);
  const limit = options.maxBodyBytes ?? 5 * 1024 * 1024;
  return createServer((request, response) => {
    void (async () => {
      const body = await readBody(request, limit);
      if (body === undefined) {
        const tooLarge = bodyTooLargeResponse(limit);
        response.writeHead(tooLarge.status, tooLarge.headers);
        // Stop reading the rest: answer, then close the connection.
        response.end(tooLarge.body, () => request.destroy());
        return;
      }
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const path = request.url ?? '/';
      const result = await handle({ method: request.method ?? 'GET', path, headers, body, url: `http://${request.headers.host ?? 'localhost'}${path}` });
      response.writeHead(result.status, result.headers);
      response.end(result.body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}
