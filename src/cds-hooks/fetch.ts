// The CDS Hooks handler for web-standard runtimes: a `(Request) => Promise<Response>` function,
// as Deno.serve, Bun.serve, Cloudflare Workers and most small routers take it.
import { bodyTooLargeResponse, type CdsHooksServiceOptions, createCdsHooksHandler } from './service.js';

/**
 * The CDS Hooks service (see `createCdsHooksHandler`) as a fetch handler.
 *
 * @throws {@link MeldcodeInputError} for a `canonicalBase` that is not an http(s) URL.
 * @example
 * ```ts
 * Deno.serve(cdsHooksFetchHandler({ onFeedback: (entries) => store(entries) }));
 * ```
 */
export function cdsHooksFetchHandler(options: CdsHooksServiceOptions = {}): (request: Request) => Promise<Response> {
  const handle = createCdsHooksHandler(options);
  const limit = options.maxBodyBytes ?? 5 * 1024 * 1024;
  return async (request) => {
    const url = new URL(request.url);
    const declared = Number(request.headers.get('content-length') ?? '0');
    let result;
    if (declared > limit) result = bodyTooLargeResponse(limit);
    else {
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => (headers[key] = value));
      result = await handle({ method: request.method, path: url.pathname, headers, body, url: request.url });
    }
    return new Response(result.body === '' ? null : result.body, { status: result.status, headers: result.headers });
  };
}
