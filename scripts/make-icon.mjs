// Renders resources/icon.svg to the 512 px PNG electron-builder turns into every platform's icon.
import { chromium } from '@playwright/test';
import fs from 'node:fs';

const svg = fs.readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: 'resources/icon.png', omitBackground: true });
await browser.close();
