// End-to-end test of the dashboard in headless Chromium (the Debian package, never a
// downloaded browser), run by dev.tierbus.api.DashboardBrowserTest against a running node:
//
//   node dashboard.e2e.mjs --url http://127.0.0.1:PORT/ --token TOKEN --replay ID [--discard ID] --screenshots DIR
//
// Checks that the container tree shows, live signals arrive over the WebSocket, the tier table
// and the equity curve fill, that the Replay button replays dead letter ID (and Discard
// discards the --discard one). Exit 0 when
// everything held, 1 with the reason otherwise. Screenshots go to DIR.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['url', 'token', 'replay', 'screenshots']) {
  if (!args[k]) { console.error('missing --' + k); process.exit(2); }
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.error('chromium is missing at ' + CHROMIUM + ' (Debian package chromium: apt-get install -y chromium)');
  process.exit(1);
}
fs.mkdirSync(args.screenshots, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tierbus-chromium-'));
const step = (s) => console.log('step: ' + s);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });

let code = 0;
try {
  step('open ' + args.url);
  await page.goto(args.url, { waitUntil: 'load', timeout: 20000 });

  step('the container tree shows every container, running');
  for (const id of ['feed', 'portfolio', 'sink', 'group', 'inner']) {
    await page.waitForSelector(`#containers li[data-container-id="${id}"]`, { timeout: 15000 });
  }
  const state = await page.textContent('#containers li[data-container-id="feed"] [data-role=state]');
  if (state !== 'RUNNING') throw new Error('feed is ' + state + ', expected RUNNING');
  const nested = await page.$('#containers li[data-container-id="group"] li[data-container-id="inner"]');
  if (!nested) throw new Error('inner is not shown under group');

  step('live signals arrive over the WebSocket');
  await page.waitForFunction(() => document.querySelectorAll('#events tbody tr[data-type=SIGNAL]').length >= 3,
    null, { timeout: 15000 });
  const first = await page.$$eval('#events tbody tr', (rows) => rows.length);
  await page.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length > n, first, { timeout: 15000 });
  const symbols = await page.$$eval('#events tbody tr[data-type=SIGNAL] td:nth-child(4)', (tds) => [...new Set(tds.map((t) => t.textContent))]);
  if (!symbols.includes('AAPL')) throw new Error('no AAPL signal in the table: ' + symbols);

  step('tier table, counters and the equity curve fill');
  await page.waitForFunction(() => document.querySelectorAll('#tiers tbody tr').length === 3, null, { timeout: 15000 });
  await page.waitForFunction(() => {
    const io = document.querySelector('#containers li[data-container-id="sink"] [data-role=io]');
    return io && /in [1-9]/.test(io.textContent);
  }, null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('#equity-empty').hidden, null, { timeout: 15000 });
  await page.waitForFunction(() => Number(document.querySelector('#equity-panel').dataset.points || 0) >= 8, null,
    { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('#stream').textContent === 'live', null, { timeout: 15000 });
  // the charts update every second: wait for a few seconds of points and a non-zero rate
  await page.waitForFunction(() => {
    const tds = document.querySelectorAll('#tiers tbody tr[data-tier=standard] td');
    return tds.length && Number(tds[9].textContent) > 0
      && Number(document.querySelector('#charts-panel').dataset.points || 0) >= 4;
  }, null, { timeout: 15000 });
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-live.png'), fullPage: true });

  step('dead letter ' + args.replay + ' is listed; the token is entered once; Replay replays it');
  await page.waitForSelector(`#deadletters tbody tr[data-delivery-id="${args.replay}"]`, { timeout: 15000 });
  await page.fill('#token', args.token);
  await page.click('#token-form button[type=submit]');
  const kept = await page.evaluate(() => sessionStorage.getItem('tierbus.token'));
  if (kept !== args.token) throw new Error('the token was not kept in sessionStorage');
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-deadletters-before.png'), fullPage: true });
  await page.click(`#deadletters button.replay[data-id="${args.replay}"]`);
  await page.waitForFunction((id) => !document.querySelector(`#deadletters tbody tr[data-delivery-id="${id}"]`),
    args.replay, { timeout: 15000 });
  const message = await page.textContent('#deadletter-message');
  if (!message.includes('replayed')) throw new Error('no replay confirmation, message: ' + message);
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-after-replay.png'), fullPage: true });

  if (args.discard) {
    step('Discard discards dead letter ' + args.discard);
    await page.click(`#deadletters button.discard[data-id="${args.discard}"]`);
    await page.waitForFunction((id) => !document.querySelector(`#deadletters tbody tr[data-delivery-id="${id}"]`),
      args.discard, { timeout: 15000 });
    const after = await page.textContent('#deadletter-message');
    if (!after.includes('discarded')) throw new Error('no discard confirmation, message: ' + after);
  }

  if (problems.length) throw new Error(problems.join('; '));
  console.log(JSON.stringify({ ok: true, symbols, message }));
} catch (e) {
  code = 1;
  console.error('FAILED: ' + e.message);
  if (problems.length) console.error(problems.join('\n'));
  try { await page.screenshot({ path: path.join(args.screenshots, 'failure.png'), fullPage: true }); } catch (ignored) { /* closed */ }
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
