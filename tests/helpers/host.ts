// A real browser host in-process, and a caller that speaks to it as the page does.
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { startHost, type Host } from '../../electron/host/server';
import { REPO } from './core';

const hosts: Host[] = [];

export async function makeHost(core: Core): Promise<Host> {
  const host = await startHost({ core, rendererDir: path.join(REPO, 'renderer'), port: 0 });
  hosts.push(host);
  return host;
}

/** Posts to /rpc/<channel> with the page's headers; `headers` override them. */
export async function rpc(host: Host, channel: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${host.url}/rpc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url, 'x-workbench-token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** A raw request, for what fetch will not send (foreign Host headers, unnormalised paths). */
export function rawRequest(host: Host, opts: http.RequestOptions, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, ...opts }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});
