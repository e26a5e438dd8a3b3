// Opens the status page in Debian's Chromium (never a downloaded browser), reads what a person
// would see, twice some seconds apart, saves a screenshot, and prints the observations as one JSON
// line for StatusPageIT to check. Usage: node status-page.mjs URL SCREENSHOT.png SECONDS_BETWEEN, with
// the basic-auth credentials in PAGE_USER and PAGE_PASSWORD.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot, between] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'status-page-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1100, height: 520 },
  httpCredentials: { username: process.env.PAGE_USER, password: process.env.PAGE_PASSWORD },
});
const problems = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.type() + ': ' + m.text()); });
  page.on('pageerror', e => problems.push('pageerror: ' + e.message));
  page.on('requestfailed', r => problems.push('requestfailed: ' + r.url()));
  const response = await page.goto(url, { waitUntil: 'load' });
  // The table is built from the first status.json; the first chart from history.json right after.
  await page.waitForSelector('[data-value]');
  await page.waitForFunction(() => [...document.querySelectorAll('path')].some(p => p.getAttribute('d')));
  const read = () => page.evaluate(() => ({
    values: Object.fromEntries([...document.querySelectorAll('[data-value]')].map(e => [e.dataset.value, e.textContent])),
    states: Object.fromEntries([...document.querySelectorAll('[data-sensor]')].map(e => [e.dataset.sensor, e.textContent])),
    health: document.getElementById('health').textContent,
    broker: document.getElementById('broker').textContent,
    outbox: document.getElementById('depth').textContent,
    losses: document.getElementById('losses').textContent,
    charts: [...document.querySelectorAll('path')].filter(p => p.getAttribute('d')).length,
    updated: document.getElementById('updated').textContent,
  }));
  const first = await read();
  await page.waitForTimeout(Number(between) * 1000);
  const second = await read();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ status: response.status(), title: await page.title(), first, second, problems }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
