// The loopback browser host: serves the built renderer and the handler table on 127.0.0.1 only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Core } from '../core/create-core';
import { fail } from '../shared/errors';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects its CSS-in-JS as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port: number;
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, JSON.stringify(fail(status === 413 ? 'TOO_LARGE' : 'FORBIDDEN', message)));
}

/** Reads the body; past the limit it drains the rest unread and answers null, so a reply can still be sent. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(opts.rendererDir);
  const indexHtml = () =>
    fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta name="workbench-token" content="${token}" />`);
  let allowedHosts: string[] = [];
  const sse = new Set<http.ServerResponse>();
  const offEvents = opts.core.events.onAny((name, payload) => {
    for (const res of sse) res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: only our own host names are answered.
      if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 403, '主机名不被允许。');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        const origin = req.headers.origin;
        if (!origin || !allowedHosts.map((h) => `http://${h}`).includes(origin)) return refuse(res, 403, '来源不被允许。');
        if (req.headers['x-workbench-token'] !== token) return refuse(res, 403, '访问令牌无效。');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 403, '请求格式不被允许。');
        const body = await readBody(req, MAX_BODY_BYTES);
        if (body === null) return refuse(res, 413, `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 上限。`);
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          return send(res, 200, JSON.stringify(fail('INVALID_INPUT', '请求内容不是有效的 JSON。')));
        }
        const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
        return send(res, 200, JSON.stringify(await opts.core.call(channel, input)));
      }
      if (req.method === 'GET' && url.pathname === '/events') {
        if (url.searchParams.get('token') !== token) return refuse(res, 403, '访问令牌无效。');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        sse.add(res);
        req.on('close', () => sse.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方法。');
      return serveStatic(url.pathname, res);
    } catch (e) {
      console.error('[host]', e);
      if (!res.headersSent) send(res, 500, JSON.stringify(fail('INTERNAL')));
    }
  });

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel || 'index.html');
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return refuse(res, 403, '路径不被允许。');
    const isFile = fs.existsSync(file) && fs.statSync(file).isFile();
    // Unknown paths fall back to the app (client-side routes); assets must exist.
    if (!isFile && path.extname(file)) return send(res, 404, '{}');
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (!isFile || file.endsWith('index.html')) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(indexHtml());
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            offEvents();
            for (const r of sse) r.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
