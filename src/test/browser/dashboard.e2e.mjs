// End-to-end test of the dashboard in headless Chromium (the Debian package, never a
// downloaded browser), run by dev.tierbus.api.DashboardBrowserTest against a running node:
//
//   node dashboard.e2e.mjs --url http://127.0.0.1:PORT/ --token TOKEN --replay ID [--discard ID] --screenshots DIR
//
// Checks that the page opens on the server's history (recent events and the equity curve),
// the container tree shows, live signals arrive over the WebSocket, the tier table and the
// equity curve fill, the latency chart is on a log scale and the equity axis has room for its
// labels, a wrong token is said at once while the stream goes on, the Replay button replays
// dead letter ID (and Discard discards the --discard one), and an outage (a container whose
// handler fails, deployed through the API) shows in the banner and goes away with it. Exit 0
// when everything held, 1 with the reason otherwise. Screenshots go to DIR.
import path from 'node:path';
import { parseArgs, run, step } from './browser.mjs';

const args = parseArgs(['url', 'token', 'replay', 'screenshots']);

await run('dashboard', args.screenshots, async (page) => {
  step('open ' + args.url);
  await page.goto(args.url, { waitUntil: 'load', timeout: 20000 });

  step('the page opens on the server\'s history: recent events and the equity curve');
  await page.waitForFunction(() => document.querySelectorAll('#events tbody tr[data-history=true]').length >= 5,
    null, { timeout: 5000 });
  await page.waitForFunction(() => Number(document.querySelector('#equity-panel').dataset.historyPoints || 0) >= 3,
    null, { timeout: 5000 });
  const countText = await page.textContent('#event-count');
  if (!/^showing \d+ of \d+ received \(\d+ from history\)/.test(countText)) {
    throw new Error('the events table does not say what it shows of what arrived: ' + countText);
  }

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
    const td = document.querySelector('#tiers tbody tr[data-tier=standard] td[data-col=delivered_per_sec]');
    return td && Number(td.textContent.replace(/,/g, '')) > 0
      && Number(document.querySelector('#charts-panel').dataset.points || 0) >= 4;
  }, null, { timeout: 15000 });
  const shownOfReceived = await page.evaluate(() => {
    const p = document.querySelector('#events-panel').dataset;
    return [Number(p.shown), Number(p.received), document.querySelectorAll('#events tbody tr').length];
  });
  if (shownOfReceived[0] !== shownOfReceived[2] || shownOfReceived[0] > shownOfReceived[1]) {
    throw new Error('the events count is not what the table shows: ' + shownOfReceived);
  }

  step('the latency chart is on a log scale; the equity axis has room for its labels (equity above 1 M)');
  const scale = await page.evaluate(() => {
    const u = window.tierbusDashboard.latencyChart;
    const y = (v) => u.valToPos(v, 'y');
    return { distr: u.scales.y.distr, decade1: y(10) - y(100), decade2: y(100) - y(1000) };
  });
  if (scale.distr !== 3 || Math.abs(scale.decade1 - scale.decade2) > 1 || scale.decade1 <= 0) {
    throw new Error('the latency chart is not on a log scale: ' + JSON.stringify(scale));
  }
  const equityAxis = await page.evaluate(() => {
    const u = window.tierbusDashboard.equityChart;
    const values = u.data[1].filter((v) => v != null);
    // the labels as drawn (uPlot keeps them on the axis) and the width the axis was given
    const labels = (u.axes[1]._values || []).filter((l) => l);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = '12px system-ui, sans-serif';
    return { max: Math.max(...values), labels, widest: Math.max(...labels.map((l) => ctx.measureText(l).width)),
      axisWidth: u.bbox.left / devicePixelRatio };
  });
  if (equityAxis.max < 1e6 || equityAxis.labels.length < 2 || !equityAxis.labels.every((l) => /^\d+(\.\d+)?M$/.test(l))
      || new Set(equityAxis.labels).size !== equityAxis.labels.length || equityAxis.axisWidth < equityAxis.widest + 8) {
    throw new Error('equity labels are not distinct M values that fit their axis: ' + JSON.stringify(equityAxis));
  }
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-live.png'), fullPage: true });

  step('a wrong token is said at once, not kept, and the stream goes on');
  await page.fill('#token', 'wrong-' + args.token);
  await page.click('#token-form button[type=submit]');
  await page.waitForFunction(() => {
    const el = document.querySelector('#token-state');
    return el.classList.contains('bad') && el.textContent.includes('wrong token');
  }, null, { timeout: 3000 });
  const dropped = await page.evaluate(() => sessionStorage.getItem('tierbus.token'));
  if (dropped !== null) throw new Error('a wrong token was kept');
  const before = await page.evaluate(() => Number(document.querySelector('#events-panel').dataset.received));
  await page.waitForFunction((n) => Number(document.querySelector('#events-panel').dataset.received) >= n + 3,
    before, { timeout: 10000 });
  if (await page.textContent('#stream') !== 'live') throw new Error('the stream is not live after a wrong token');
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-wrong-token.png'), fullPage: true });

  step('dead letter ' + args.replay + ' is listed; the token is entered once; Replay replays it');
  await page.waitForSelector(`#deadletters tbody tr[data-delivery-id="${args.replay}"]`, { timeout: 15000 });
  await page.fill('#token', args.token);
  await page.click('#token-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#token-state').classList.contains('ok'), null,
    { timeout: 3000 });
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

  step('an outage shows in the banner: a container whose handler fails, deployed through the API');
  if (!(await page.isHidden('#outage'))) throw new Error('an outage banner before any outage: ' + await page.textContent('#outage'));
  const deployed = await page.evaluate(async (token) => {
    const res = await fetch('/api/containers', { method: 'POST',
      headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ container_type: 'throwing', container_id: 'broken',
        external_events: { subscribes: [{ source: 'feed', events: ['SIGNAL'] }] } }) });
    return res.status;
  }, args.token);
  if (deployed !== 201) throw new Error('could not deploy the failing container: HTTP ' + deployed);
  await page.waitForFunction(() => {
    const b = document.querySelector('#outage');
    return !b.hidden && /router\.error_rate: standard [\d.]+ % failed/.test(b.textContent);
  }, null, { timeout: 15000 });
  await page.waitForSelector('#tiers tbody tr[data-tier=standard] td[data-col=error_rate_pct].bad', { timeout: 5000 });
  const outage = await page.textContent('#outage');
  await page.screenshot({ path: path.join(args.screenshots, 'dashboard-outage.png'), fullPage: true });
  const removed = await page.evaluate(async (token) => (await fetch('/api/containers/broken',
    { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token } })).status, args.token);
  if (removed !== 200 && removed !== 204) throw new Error('could not remove the failing container: HTTP ' + removed);
  await page.waitForFunction(() => document.querySelector('#outage').hidden, null, { timeout: 15000 });

  return { symbols, message, outage };
});
