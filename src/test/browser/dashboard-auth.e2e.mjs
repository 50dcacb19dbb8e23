// End-to-end test of the dashboard against a node whose reads need the token (http.auth_reads),
// run by dev.tierbus.api.DashboardBrowserTest:
//
//   node dashboard-auth.e2e.mjs --url http://127.0.0.1:PORT/ --token TOKEN --screenshots DIR
//
// Checks that the page says at once that it needs the token, says a wrong one at once without
// keeping it, and with the right one loads the server's history and follows the stream.
import path from 'node:path';
import { parseArgs, run, step } from './browser.mjs';

const args = parseArgs(['url', 'token', 'screenshots']);

const tokenSays = (page, kind, pattern) => page.waitForFunction(([k, p]) => {
  const el = document.querySelector('#token-state');
  return el.classList.contains(k) && new RegExp(p).test(el.textContent);
}, [kind, pattern], { timeout: 5000 });

await run('dashboard-auth', args.screenshots, async (page) => {
  step('open without a token: the page says reads need it');
  await page.goto(args.url, { waitUntil: 'load', timeout: 20000 });
  await tokenSays(page, 'bad', 'needs the API token');
  const before = await page.$$eval('#events tbody tr', (rows) => rows.length);
  if (before !== 0) throw new Error(before + ' events shown without the token');

  step('a wrong token is said at once and not kept');
  await page.fill('#token', 'wrong-' + args.token);
  await page.click('#token-form button[type=submit]');
  await tokenSays(page, 'bad', 'wrong token');
  if (await page.evaluate(() => sessionStorage.getItem('tierbus.token')) !== null) throw new Error('a wrong token was kept');

  step('the right token: the history, then live events');
  await page.fill('#token', args.token);
  await page.click('#token-form button[type=submit]');
  await tokenSays(page, 'ok', 'token accepted');
  await page.waitForFunction(() => document.querySelectorAll('#events tbody tr[data-history=true]').length >= 3,
    null, { timeout: 10000 });
  const received = await page.evaluate(() => Number(document.querySelector('#events-panel').dataset.received));
  await page.waitForFunction((n) => Number(document.querySelector('#events-panel').dataset.received) >= n + 3,
    received, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#stream').textContent === 'live', null, { timeout: 5000 });
  // the reads refused without the token come with it
  await page.waitForSelector('#containers li[data-container-id="feed"]', { timeout: 5000 });
  await page.waitForFunction(() => document.querySelectorAll('#tiers tbody tr').length === 3, null, { timeout: 5000 });
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-auth-reads.png'), fullPage: true });
  return {};
});
