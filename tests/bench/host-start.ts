// Cold start of the browser host to the workbench's first paint, and one call's round trip over HTTP.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { freshDataDir, startHostProcess } from '../e2e/fixtures';
import { median, type Figures } from './report';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchHostStart(runs = 5): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const listen: number[] = [];
  const firstPaint: number[] = [];
  const roundTrip: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dataDir = freshDataDir();
      const page = await browser.newPage();
      const t0 = performance.now();
      const host = await startHostProcess(dataDir);
      listen.push(performance.now() - t0);
      await page.goto(host.url);
      await page.getByTestId('page-title').waitFor();
      firstPaint.push(performance.now() - t0);
      const times = await page.evaluate(async () => {
        const out: number[] = [];
        for (let k = 0; k < 50; k++) {
          const s = performance.now();
          await window.workbench!.invoke('profile.get', {});
          out.push(performance.now() - s);
        }
        return out;
      });
      roundTrip.push(...times);
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  return {
    'host.listen': { value: median(listen), unit: 'ms', target: 1500 },
    'host.cold-start-to-first-paint': { value: median(firstPaint), unit: 'ms', target: 3000 },
    // Browser host only: Electron's IPC has no HTTP round trip.
    'rpc.http.profile-get.median': { value: median(roundTrip), unit: 'ms', target: 10 },
  };
}
