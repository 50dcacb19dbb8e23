// What the dashboard's end-to-end scripts share: their arguments, headless Chromium (the
// Debian package, never a downloaded browser) with a throwaway profile, the page's errors
// collected as problems, and one way to end: exit 0 when the scenario held, 1 with the reason
// (and a screenshot failure-NAME.png) otherwise.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** --key value pairs of the command line; exits 2 naming the first required one missing. */
export function parseArgs(required) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []));
  for (const k of required) {
    if (!args[k]) { console.error('missing --' + k); process.exit(2); }
  }
  return args;
}

export const step = (s) => console.log('step: ' + s);

/**
 * Runs scenario(page, problems) in a fresh headless Chromium, then exits. The scenario throws
 * to fail; problems holds the page's errors and console errors so far (it fails on them too).
 */
export async function run(name, screenshots, scenario) {
  const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(CHROMIUM)) {
    console.error('chromium is missing at ' + CHROMIUM + ' (Debian package chromium: apt-get install -y chromium)');
    process.exit(1);
  }
  fs.mkdirSync(screenshots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tierbus-chromium-'));
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
  page.on('console', (m) => {
    // the API's refusals are answers the dashboard reads and shows (/health's 503 while the node
    // is not ready, 401/403 of reads without the right token, 503 without a reliable tier):
    // no fault of the page; a file of the page that fails to load is one
    const url = m.location().url || '';
    const where = url ? new URL(url).pathname : '';
    const answer = m.text().startsWith('Failed to load resource') && (where.startsWith('/api/') || where === '/health');
    if (m.type() === 'error' && !answer) problems.push('console error: ' + m.text() + ' (' + url + ')');
  });
  let code = 0;
  try {
    const result = await scenario(page, problems);
    if (problems.length) throw new Error(problems.join('; '));
    console.log(JSON.stringify(Object.assign({ ok: true }, result)));
  } catch (e) {
    code = 1;
    console.error('FAILED: ' + e.message);
    if (problems.length) console.error(problems.join('\n'));
    try {
      await page.screenshot({ path: path.join(screenshots, 'failure-' + name + '.png'), fullPage: true });
    } catch (ignored) { /* closed */ }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(code);
}
