// A plain static file server, as a static host has it: no rewrite rule and no fallback (a
// missing file is a 404), a folder answered by its index.html after a 301 redirect to the
// address with a trailing slash, query kept (as `python3 -m http.server` does: `/base` and
// `/base/simulateur` → `/base/`, `/base/simulateur/`); or, given `notFound`, a host that
// answers a missing file with that page (as GitHub Pages serves 404.html). Used by the
// end-to-end tests (scripts/e2e-serve.mjs, and host.spec.mjs for a pages-like host), the
// benchmarks (scripts/bench.mjs; scripts/lighthouse.mjs with `gzip`) and the build's
// prerender step.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.pdf': 'application/pdf',
};

/** What a host compresses (with `gzip`): text-like files and wasm. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.svg', '.webmanifest', '.txt', '.xml']);

/** Whether the request's Accept-Encoding takes gzip (`gzip` or `*`, with a q above 0). */
function acceptsGzip(req) {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  for (const part of String(header).split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Serves `mounts` ({ '/prefix/': dir }) on 127.0.0.1 and `port` (a free one by default),
 * and `pages` ({ '/path': html }) as fixed HTML pages; calls `onNotFound(url)` on each 404,
 * answered with the file `notFound` (an HTML page, read once at start) when given.
 * With `gzip` (off by default), answers the files and pages of the types in COMPRESSIBLE
 * gzipped (level 9, `Content-Encoding: gzip`, `Vary: Accept-Encoding`) to a request whose
 * Accept-Encoding takes gzip, as GitHub Pages or nginx's `gzip on` do; the compressed bytes
 * are kept per file (until its size or modification time changes) and per page.
 * Resolves to the listening `http.Server`.
 */
export async function startServer(mounts, { port = 0, pages = {}, onNotFound = () => {}, notFound, gzip = false } = {}) {
  const notFoundPage = notFound ? await readFile(notFound) : null;
  /** key → { version, body }: gzipped bytes of a file (version: size and mtime) or a page. */
  const gzipped = new Map();
  const compressed = (key, version, body) => {
    const hit = gzipped.get(key);
    if (hit && hit.version === version) return hit.body;
    const out = gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION });
    gzipped.set(key, { version, body: out });
    return out;
  };
  const server = http.createServer(async (req, res) => {
    const send = (code, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      if (code === 404) {
        onNotFound(req.url);
        if (notFoundPage) [body, type] = [notFoundPage, MIME['.html']];
      }
      res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    // A 200 answer of `body` (a Buffer), of the type of extension `ext`; gzipped (cached
    // under `key` while `version` holds) when the server compresses, the type is compressible
    // and the client takes it.
    const sendOk = (body, ext, key, version) => {
      const headers = { 'Content-Type': MIME[ext] || 'application/octet-stream' };
      if (gzip && COMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding';
        if (acceptsGzip(req)) {
          body = compressed(key, version, body);
          headers['Content-Encoding'] = 'gzip';
        }
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
      const url = new URL(req.url, 'http://x');
      let pathname;
      try { pathname = decodeURIComponent(url.pathname); } catch { return send(400, 'Bad Request'); }
      // A folder asked without its trailing slash: the same address (as sent, query kept)
      // with the slash.
      const withSlash = () => send(301, '', MIME['.txt'], { Location: `${url.pathname}/${url.search}` });
      if (Object.hasOwn(pages, pathname)) {
        const page = pages[pathname];
        return sendOk(Buffer.from(page), '.html', `page:${pathname}`, page);
      }
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (pathname === prefix.slice(0, -1)) return withSlash();
        if (!pathname.startsWith(prefix)) continue;
        let file = path.join(dir, pathname.slice(prefix.length));
        if (file !== dir && !file.startsWith(dir + path.sep)) return send(404, 'Not Found');
        let info = await stat(file).catch(() => null);
        if (info?.isDirectory()) {
          if (!pathname.endsWith('/')) return withSlash();
          file = path.join(file, 'index.html');
          info = await stat(file).catch(() => null);
        }
        if (!info?.isFile()) return send(404, 'Not Found');
        const body = await readFile(file);
        return sendOk(body, path.extname(file).toLowerCase(), `file:${file}`, `${info.size}:${info.mtimeMs}`);
      }
      return send(404, 'Not Found');
    } catch (e) {
      if (!res.headersSent) send(500, String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
