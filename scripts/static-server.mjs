// A plain static file server, as a static host has it: no rewrite rule and no fallback (a
// missing file is a 404), a folder answered by its index.html after a 301 redirect to the
// address with a trailing slash, query kept (as `python3 -m http.server` does: `/base` and
// `/base/simulateur` → `/base/`, `/base/simulateur/`); or, given `notFound`, a host that
// answers a missing file with that page (as GitHub Pages serves 404.html). Used by the
// end-to-end tests (scripts/e2e-serve.mjs, and host.spec.mjs for a pages-like host), the
// benchmark and the build's prerender step.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.pdf': 'application/pdf',
};

/**
 * Serves `mounts` ({ '/prefix/': dir }) on 127.0.0.1 and `port` (a free one by default),
 * and `pages` ({ '/path': html }) as fixed HTML pages; calls `onNotFound(url)` on each 404,
 * answered with the file `notFound` (an HTML page, read once at start) when given.
 * Resolves to the listening `http.Server`.
 */
export async function startServer(mounts, { port = 0, pages = {}, onNotFound = () => {}, notFound } = {}) {
  const notFoundPage = notFound ? await readFile(notFound) : null;
  const server = http.createServer(async (req, res) => {
    const send = (code, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      if (code === 404) {
        onNotFound(req.url);
        if (notFoundPage) [body, type] = [notFoundPage, MIME['.html']];
      }
      res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
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
      if (Object.hasOwn(pages, pathname)) return send(200, pages[pathname], MIME['.html']);
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
        res.writeHead(200, {
          'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
          'Content-Length': body.length,
        });
        return res.end(req.method === 'HEAD' ? undefined : body);
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
