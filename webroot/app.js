// tierbus dashboard: plain JS, no build step. Reads the node's API (/api/...) every second and
// follows /ws/signals for live events, starting from the history the server keeps (recent
// events and the equity curve). The token for changes is entered once, checked at once over the
// WebSocket, and kept in sessionStorage (gone when the tab closes); a wrong one is said and
// dropped, and the read-only view goes on.
(function () {
  'use strict';

  const TOKEN_KEY = 'tierbus.token';
  const MAX_ROWS = 200;
  const HISTORY = 120; // seconds of chart history
  const TIERS = ['fast', 'standard', 'reliable'];
  const TABLE_EVENTS = ['SIGNAL', 'ORDER', 'FILL'];
  const AXIS_FONT = '12px system-ui, sans-serif';
  const $ = (sel) => document.querySelector(sel);

  // ------------------------------------------------------------------ API access

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

  async function api(method, path, body) {
    const headers = {};
    if (token()) headers['Authorization'] = 'Bearer ' + token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try { json = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) {
      const msg = json && json.error ? json.error : ('HTTP ' + res.status);
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return json;
  }

  function text(el, value) { el.textContent = value; return el; }
  function make(tag, cls, content) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (content !== undefined) el.textContent = content;
    return el;
  }

  // ------------------------------------------------------------------ numbers

  const UNITS = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];

  // 1234567 -> "1.23M": at most three significant digits, so labels stay short whatever the scale
  function si(v) {
    if (typeof v !== 'number' || !isFinite(v)) return '';
    const a = Math.abs(v);
    for (const [size, suffix] of UNITS) {
      if (a >= size) return short(v / size) + suffix;
    }
    return short(v);
  }
  // axis labels in one unit (k, M, ...) with as many decimals as the step between them needs:
  // equity moving by 200 around 2.5 M reads 2.4998M, 2.5000M, 2.5002M, not 2.5M three times
  function siTicks(u, splits, axisIdx, space, incr) {
    const top = Math.max(0, ...splits.filter((v) => v != null).map(Math.abs));
    const [size, suffix] = UNITS.find(([n]) => top >= n) || [1, ''];
    const decimals = incr > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(incr / size) - 1e-9))) : 0;
    return splits.map((v) => v == null ? '' : (v / size).toFixed(decimals) + suffix);
  }
  function short(v) {
    if (typeof v !== 'number' || !isFinite(v)) return '';
    const a = Math.abs(v);
    const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    return String(Number(v.toFixed(digits)));
  }
  // quantities and prices: whole numbers as they are, others to 4 decimals (6 significant digits below 1)
  function amount(v) {
    if (typeof v !== 'number' || !isFinite(v)) return String(v);
    const a = Math.abs(v);
    const opts = a > 0 && a < 1 ? { maximumSignificantDigits: 6 } : { maximumFractionDigits: 4 };
    return v.toLocaleString('en-US', opts);
  }
  function count(v) { return typeof v === 'number' ? v.toLocaleString('en-US') : ''; }
  function micros(v) {
    if (typeof v !== 'number' || !isFinite(v)) return '';
    if (v >= 1e6) return short(v / 1e6) + ' s';
    if (v >= 1e3) return short(v / 1e3) + ' ms';
    return short(v) + ' µs';
  }

  // an axis as wide as its longest label, so 5-digit latencies or 1.25M equity are never cut off
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = AXIS_FONT;
  function axisSize(u, values) {
    if (!values) return 50;
    let widest = 0;
    values.forEach((v) => { if (v != null) widest = Math.max(widest, measure.measureText(String(v)).width); });
    return Math.ceil(widest) + 22;
  }
  function yAxis(values) {
    return { stroke: '#8391a1', font: AXIS_FONT, size: axisSize, values };
  }

  // ------------------------------------------------------------------ token

  function tokenState(kind, message) {
    const el = $('#token-state');
    el.className = kind || '';
    text(el, message);
  }
  function showTokenState() {
    tokenState('', token() ? 'token kept for this session' : 'no token: changes will be refused');
  }
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const v = $('#token').value.trim();
    $('#token').value = '';
    if (!v) {
      sessionStorage.removeItem(TOKEN_KEY);
      showTokenState();
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, v);
    tokenRefused = false;
    tokenState('', 'checking the token …');
    // the open stream checks it at once and keeps going whatever the answer
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ auth: v }));
    else connectStream(true);
    refreshDeadLetters();
  });
  showTokenState();

  // ------------------------------------------------------------------ container tree

  let metricsByContainer = {};

  function renderTree(containers) {
    const root = $('#containers');
    const ul = document.createElement('ul');
    ul.className = 'tree';
    containers.forEach((c) => ul.appendChild(renderNode(c)));
    root.replaceChildren(...ul.childNodes);
  }

  function renderNode(c) {
    const li = make('li');
    li.dataset.containerId = c.id;
    const line = make('div', 'node');
    line.appendChild(make('span', 'id', c.id));
    line.appendChild(make('span', 'type', c.type));
    const state = make('span', 'state state-' + c.state, c.state);
    state.dataset.role = 'state';
    line.appendChild(state);
    const m = metricsByContainer[c.id] || c;
    const io = make('span', 'io', 'in ' + m.events_in + ' / out ' + m.events_out);
    io.dataset.role = 'io';
    line.appendChild(io);
    li.appendChild(line);
    if (c.children && c.children.length) {
      const ul = make('ul');
      c.children.forEach((child) => ul.appendChild(renderNode(child)));
      li.appendChild(ul);
    }
    return li;
  }

  async function refreshTopology() {
    try {
      const t = await api('GET', '/api/topology');
      renderTree(t.containers);
    } catch (e) {
      text($('#containers'), 'topology: ' + e.message);
    }
  }

  // ------------------------------------------------------------------ tier charts

  const series = { t: [], p50: {}, p99: {}, rate: {}, refused: [] };
  TIERS.forEach((t) => { series.p50[t] = []; series.p99[t] = []; series.rate[t] = []; });
  const colors = { fast: '#58a6ff', standard: '#3fb950', reliable: '#d29922' };

  function chartSize(el) { return { width: Math.max(300, el.clientWidth || 400), height: 180 }; }

  // log scale: the reliable tier's milliseconds and the fast tier's microseconds on one chart
  const latencyChart = new uPlot(Object.assign(chartSize($('#latency-chart')), {
    series: [{}].concat(...TIERS.map((t) => [
      { label: t + ' p50', stroke: colors[t], value: (u, v) => v == null ? '–' : micros(v) },
      { label: t + ' p99', stroke: colors[t], dash: [4, 4], value: (u, v) => v == null ? '–' : micros(v) }])),
    scales: {
      y: {
        distr: 3,
        log: 10,
        range: (u, min, max) => min == null || max == null ? [1, 1000] : uPlot.rangeLog(Math.max(min, 1), Math.max(max, 10), 10, true),
      },
    },
    axes: [{ stroke: '#8391a1', font: AXIS_FONT }, yAxis((u, splits) => splits.map(micros))],
  }), [[]].concat(TIERS.flatMap(() => [[], []])), $('#latency-chart'));

  const throughputChart = new uPlot(Object.assign(chartSize($('#throughput-chart')), {
    series: [{}].concat(TIERS.map((t) => ({ label: t, stroke: colors[t], value: (u, v) => v == null ? '–' : si(v) })))
      .concat([{ label: 'refused', stroke: '#f85149', dash: [2, 3], value: (u, v) => v == null ? '–' : si(v) }]),
    axes: [{ stroke: '#8391a1', font: AXIS_FONT }, yAxis(siTicks)],
  }), [[]].concat(TIERS.map(() => [])).concat([[]]), $('#throughput-chart'));

  function push(arr, v) { arr.push(v); if (arr.length > HISTORY) arr.shift(); }
  // a latency of 0 is "nothing measured yet": a gap, not a point a log scale cannot draw
  function positive(v) { return typeof v === 'number' && v > 0 ? v : null; }

  let tierProblems = [];

  async function refreshMetrics() {
    let m;
    try {
      m = await api('GET', '/api/metrics');
    } catch (e) {
      return;
    }
    metricsByContainer = {};
    m.containers.forEach((c) => { metricsByContainer[c.id] = c; });
    document.querySelectorAll('#containers li').forEach((li) => {
      const c = metricsByContainer[li.dataset.containerId];
      if (!c) return;
      const io = li.querySelector(':scope > .node [data-role=io]');
      const st = li.querySelector(':scope > .node [data-role=state]');
      if (io) text(io, 'in ' + c.events_in + ' / out ' + c.events_out);
      if (st) { text(st, c.state); st.className = 'state state-' + c.state; }
    });
    push(series.t, Date.now() / 1000);
    const rows = [];
    const problems = [];
    let refusedAll = 0;
    TIERS.forEach((t) => {
      const tier = m.tiers[t];
      const rates = tier.events_per_sec || {};
      // refused: what the tier turned away (its journal down, ...); 0 where the node does not report it
      const refusedPerSec = rates.refused || 0;
      const errorPct = tier.error_rate_pct || 0;
      refusedAll += refusedPerSec;
      push(series.p50[t], positive(tier.latency.p50_us));
      push(series.p99[t], positive(tier.latency.p99_us));
      push(series.rate[t], rates.delivered);
      // a failing error rate is /health's to say; the table shows every non-zero one
      if (refusedPerSec > 0) problems.push(t + ' tier refuses ' + si(refusedPerSec) + ' events/s');
      const tr = make('tr');
      tr.dataset.tier = t;
      [['tier', t], ['published', count(tier.published)], ['delivered', count(tier.delivered)],
        ['dropped', count(tier.dropped)], ['rejected', count(tier.rejected)], ['refused', count(tier.refused || 0)],
        ['errors', count(tier.errors)], ['queued', count(tier.queue_depth)],
        ['p50_us', count(tier.latency.p50_us)], ['p99_us', count(tier.latency.p99_us)],
        ['delivered_per_sec', count(rates.delivered)], ['refused_per_sec', count(refusedPerSec)],
        ['error_rate_pct', short(errorPct)]]
        .forEach(([col, v]) => {
          const td = make('td', null, v);
          td.dataset.col = col;
          if ((col === 'refused_per_sec' && refusedPerSec > 0) || (col === 'error_rate_pct' && errorPct > 0)) {
            td.className = 'bad';
          }
          tr.appendChild(td);
        });
      rows.push(tr);
    });
    push(series.refused, refusedAll);
    tierProblems = problems;
    renderOutage();
    $('#tiers tbody').replaceChildren(...rows);
    latencyChart.setData([series.t].concat(TIERS.flatMap((t) => [series.p50[t], series.p99[t]])));
    throughputChart.setData([series.t].concat(TIERS.map((t) => series.rate[t])).concat([series.refused]));
    $('#charts-panel').dataset.points = series.t.length;
  }

  let healthProblems = [];

  async function refreshHealth() {
    const el = $('#health');
    try {
      const res = await fetch('/health');
      const h = await res.json();
      const warn = h.checks.some((c) => c.status === 'WARN');
      el.className = 'badge ' + (h.ready ? (warn ? 'warn' : 'up') : 'down');
      text(el, h.ready ? (warn ? 'ready (warnings)' : 'ready') : 'not ready: ' + h.failing.join(', '));
      el.title = h.checks.map((c) => c.name + ': ' + c.status + ' ' + c.message).join('\n');
      healthProblems = h.checks.filter((c) => c.status === 'DOWN').map((c) => c.name + ': ' + c.message);
    } catch (e) {
      el.className = 'badge down';
      text(el, 'unreachable');
      healthProblems = ['the node does not answer /health'];
    }
    renderOutage();
  }

  // one banner for what is wrong now: the failing health checks, and tiers refusing events
  function renderOutage() {
    const problems = healthProblems.concat(tierProblems);
    const banner = $('#outage');
    banner.hidden = problems.length === 0;
    banner.dataset.problems = problems.length;
    text(banner, problems.length ? 'Outage: ' + problems.join(' · ') : '');
  }

  // ------------------------------------------------------------------ equity curve

  // one curve: the first PORTFOLIO_UPDATE source, from the server's history, then live
  const equity = { source: null, t: [], v: [], loaded: false, early: [] };
  const equityChart = new uPlot(Object.assign(chartSize($('#equity-chart')), {
    series: [{}, { label: 'equity', stroke: '#3fb950', fill: 'rgba(63,185,80,0.08)', value: (u, v) => v == null ? '–' : amount(v) }],
    axes: [{ stroke: '#8391a1', font: AXIS_FONT }, yAxis(siTicks)],
  }), [[], []], $('#equity-chart'));

  function drawEquity() {
    $('#equity-empty').hidden = equity.t.length > 0;
    text($('#equity-source'), equity.source ? '(' + equity.source + ')' : '');
    equityChart.setData([equity.t, equity.v]);
    $('#equity-panel').dataset.points = equity.t.length;
  }

  function addEquityPoint(source, timeSec, value) {
    if (equity.source === null) equity.source = source;
    if (source !== equity.source) return;
    if (equity.t.length && timeSec < equity.t[equity.t.length - 1]) return; // already in the history
    equity.t.push(timeSec);
    equity.v.push(value);
    if (equity.t.length > 4000) { equity.t.shift(); equity.v.shift(); }
  }

  function onEquityHistory(curves) {
    equity.t = [];
    equity.v = [];
    const curve = curves.find((c) => c.source === equity.source) || curves[0];
    if (curve) {
      equity.source = curve.source;
      curve.time_ms.forEach((ms, i) => { equity.t.push(ms / 1000); equity.v.push(curve.equity[i]); });
      $('#equity-panel').dataset.historyPoints = curve.points;
    }
    equity.loaded = true;
    // live updates that came before the answer, past its end
    equity.early.forEach((p) => addEquityPoint(p.source, p.t, p.v));
    equity.early = [];
    drawEquity();
  }

  function onPortfolio(f) {
    const eq = f.payload && f.payload.equity;
    if (typeof eq !== 'number') return;
    const t = Date.parse(f.time) / 1000 || Date.now() / 1000;
    if (!equity.loaded) { equity.early.push({ source: f.source, t, v: eq }); return; }
    addEquityPoint(f.source, t, eq);
    drawEquity();
  }

  // ------------------------------------------------------------------ events table

  let received = 0;
  let dropped = 0;
  let fromHistory = 0;

  function showCount() {
    const shown = $('#events tbody').childElementCount;
    text($('#event-count'), 'showing ' + count(shown) + ' of ' + count(received) + ' received'
      + (fromHistory ? ' (' + count(fromHistory) + ' from history)' : '')
      + (dropped ? ', ' + count(dropped) + ' conflated away' : ''));
    $('#events-panel').dataset.shown = shown;
    $('#events-panel').dataset.received = received;
  }

  function detail(f) {
    const p = f.payload || {};
    switch (f.type) {
      case 'SIGNAL': return p.direction + ' ' + amount(p.strength) + (p.strategy ? ' (' + p.strategy + ')' : '') + (p.reason ? ': ' + p.reason : '');
      case 'ORDER': return p.side + ' ' + amount(p.quantity) + (p.limit_price == null ? ' at market' : ' limit ' + amount(p.limit_price)) + ' #' + p.order_id;
      case 'FILL': return p.side + ' ' + amount(p.quantity) + ' @ ' + amount(p.price) + ' #' + p.order_id
        + (p.commission ? ' (commission ' + amount(p.commission) + ')' : '');
      default: return JSON.stringify(p);
    }
  }

  function onEvent(f) {
    dropped += f.dropped || 0;
    if (f.type === 'PORTFOLIO_UPDATE') { onPortfolio(f); return; }
    received++;
    if (f.history) fromHistory++;
    const tr = make('tr', 'type-' + f.type + (f.history ? ' history' : ''));
    tr.dataset.type = f.type;
    if (f.history) { tr.dataset.history = 'true'; tr.title = 'from the server\'s history, before this page opened'; }
    const time = f.time.replace('T', ' ').replace('Z', '').replace(/(\.\d{3})\d+/, '$1');
    [time, f.type, f.source, f.symbol || '', detail(f)]
      .forEach((v, i) => tr.appendChild(make('td', i === 4 ? 'detail' : null, v)));
    const body = $('#events tbody');
    body.insertBefore(tr, body.firstChild);
    while (body.childElementCount > MAX_ROWS) body.removeChild(body.lastChild);
    showCount();
  }

  function resetEvents() {
    received = 0;
    dropped = 0;
    fromHistory = 0;
    $('#events tbody').replaceChildren();
    equity.loaded = false;
    equity.early = [];
    showCount();
  }

  // ------------------------------------------------------------------ the stream

  let ws = null;
  let retry = 500;
  let historyWanted = MAX_ROWS;
  let waitingForToken = false;
  // the last token given was refused: said until another is given
  let tokenRefused = false;

  // the equity curve first: its snapshot is taken before the live PORTFOLIO_UPDATEs start
  function requestStream(sock) {
    sock.send(JSON.stringify({ history: 'equity' }));
    sock.send(JSON.stringify({ subscribe: { events: ['PORTFOLIO_UPDATE'] } }));
    sock.send(JSON.stringify({ subscribe: { events: TABLE_EVENTS, history: historyWanted } }));
  }

  function streamBadge(kind, message) {
    const badge = $('#stream');
    badge.className = 'badge ' + kind;
    text(badge, message);
  }

  function onStreamError(sock, f) {
    const path = f.details && f.details.length ? f.details[0].path : null;
    if (f.error === 'wrong token') {
      sessionStorage.removeItem(TOKEN_KEY);
      tokenRefused = true;
      tokenState('bad', f.close ? 'wrong token: not kept' : 'wrong token: not kept (the live view goes on)');
      return;
    }
    if (/^authenticate first/.test(f.error) || /^no token within/.test(f.error)) {
      waitingForToken = true;
      tokenState('bad', (tokenRefused ? 'wrong token: not kept; ' : '') + 'this node needs the API token to read: enter it above');
      streamBadge('warn', 'stream: waiting for the token');
      return;
    }
    if (path === 'subscribe.history') {
      // this node keeps less history: ask for what it has
      const m = /\[0, (\d+)\]/.exec(f.details[0].message);
      historyWanted = m ? Number(m[1]) : 0;
      sock.send(JSON.stringify({ subscribe: { events: TABLE_EVENTS, history: historyWanted } }));
      return;
    }
    streamBadge(f.close ? 'down' : 'warn', 'stream: ' + f.error);
  }

  function connectStream(restart) {
    if (ws && restart) { ws.onclose = null; ws.close(); ws = null; }
    if (ws) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const sock = new WebSocket(proto + '//' + location.host + '/ws/signals');
    ws = sock;
    sock.onopen = () => {
      retry = 500;
      waitingForToken = false;
      resetEvents();
      if (token()) sock.send(JSON.stringify({ auth: token() }));
      requestStream(sock);
    };
    sock.onmessage = (m) => {
      const f = JSON.parse(m.data);
      if (f.seq !== undefined) onEvent(f);
      else if (f.subscribed !== undefined) streamBadge('up', 'live');
      else if (f.authenticated) {
        tokenRefused = false;
        tokenState('ok', 'token accepted, kept for this session');
        if (waitingForToken) {
          // reads need the token on this node: what was refused without it comes now
          waitingForToken = false;
          requestStream(sock);
          refreshTopology();
          refreshMetrics();
          refreshDeadLetters();
        }
      } else if (f.history === 'equity') onEquityHistory(f.curves || []);
      else if (f.error) onStreamError(sock, f);
    };
    sock.onclose = () => {
      streamBadge('down', 'stream closed, reconnecting');
      ws = null;
      setTimeout(() => connectStream(false), retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  // ------------------------------------------------------------------ dead letters

  function showDeadLetterMessage(msg) { text($('#deadletter-message'), msg); }

  async function refreshDeadLetters() {
    let page;
    try {
      page = await api('GET', '/api/deadletters?limit=100');
    } catch (e) {
      text($('#deadletter-state'), e.status === 503 ? '(no reliable tier on this node)' : '(' + e.message + ')');
      $('#deadletters tbody').replaceChildren();
      return;
    }
    text($('#deadletter-state'), '(' + page.total + ')');
    const rows = page.letters.map((d) => {
      const tr = make('tr');
      tr.dataset.deliveryId = d.delivery_id;
      const ev = d.event;
      [String(d.delivery_id), d.subscriber, ev.type + ' ' + (ev.symbol || '') + ' from ' + ev.source,
        String(d.attempts), d.last_error || '', d.dead_at || '']
        .forEach((v) => tr.appendChild(make('td', null, v)));
      const actions = make('td');
      const replay = make('button', 'replay', 'Replay');
      replay.dataset.id = d.delivery_id;
      replay.onclick = () => act('POST', '/api/deadletters/' + d.delivery_id + '/replay', 'replayed', d.delivery_id);
      const discard = make('button', 'discard', 'Discard');
      discard.dataset.id = d.delivery_id;
      discard.onclick = () => act('DELETE', '/api/deadletters/' + d.delivery_id, 'discarded', d.delivery_id);
      actions.append(replay, ' ', discard);
      tr.appendChild(actions);
      return tr;
    });
    $('#deadletters tbody').replaceChildren(...rows);
  }

  async function act(method, path, what, id) {
    if (!token()) { showDeadLetterMessage('enter the API token above first'); return; }
    try {
      await api(method, path);
      showDeadLetterMessage('dead letter ' + id + ' ' + what);
    } catch (e) {
      showDeadLetterMessage('dead letter ' + id + ' not ' + what + ': ' + e.message);
    }
    refreshDeadLetters();
  }

  // ------------------------------------------------------------------ start

  // for a look from the browser's console (and the end-to-end test): the charts as drawn
  window.tierbusDashboard = { latencyChart, throughputChart, equityChart, format: { si, siTicks, amount, micros } };

  refreshTopology();
  refreshMetrics();
  refreshHealth();
  refreshDeadLetters();
  connectStream(false);
  setInterval(refreshMetrics, 1000);
  setInterval(refreshHealth, 2000);
  setInterval(refreshTopology, 5000);
  setInterval(refreshDeadLetters, 5000);
})();
