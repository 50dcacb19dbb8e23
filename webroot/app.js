// tierbus dashboard: plain JS, no build step. Reads the node's API (/api/...) every second and
// follows /ws/signals for live events. The token for changes is entered once and kept in
// sessionStorage (gone when the tab closes).
(function () {
  'use strict';

  const TOKEN_KEY = 'tierbus.token';
  const MAX_ROWS = 200;
  const HISTORY = 120; // seconds of chart history
  const TIERS = ['fast', 'standard', 'reliable'];
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

  // ------------------------------------------------------------------ token

  function showTokenState() {
    text($('#token-state'), token() ? 'token kept for this session' : 'no token: changes will be refused');
  }
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const v = $('#token').value.trim();
    if (v) sessionStorage.setItem(TOKEN_KEY, v); else sessionStorage.removeItem(TOKEN_KEY);
    $('#token').value = '';
    showTokenState();
    connectStream(true);
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

  const series = { t: [], p50: {}, p99: {}, rate: {} };
  TIERS.forEach((t) => { series.p50[t] = []; series.p99[t] = []; series.rate[t] = []; });
  const colors = { fast: '#58a6ff', standard: '#3fb950', reliable: '#d29922' };

  function chartSize(el) { return { width: Math.max(300, el.clientWidth || 400), height: 180 }; }

  const latencyChart = new uPlot(Object.assign(chartSize($('#latency-chart')), {
    series: [{}].concat(...TIERS.map((t) => [
      { label: t + ' p50', stroke: colors[t] },
      { label: t + ' p99', stroke: colors[t], dash: [4, 4] }])),
    axes: [{ stroke: '#8391a1' }, { stroke: '#8391a1', size: 70 }],
  }), [[]].concat(TIERS.flatMap(() => [[], []])), $('#latency-chart'));

  const throughputChart = new uPlot(Object.assign(chartSize($('#throughput-chart')), {
    series: [{}].concat(TIERS.map((t) => ({ label: t, stroke: colors[t] }))),
    axes: [{ stroke: '#8391a1' }, { stroke: '#8391a1', size: 70 }],
  }), [[]].concat(TIERS.map(() => [])), $('#throughput-chart'));

  function push(arr, v) { arr.push(v); if (arr.length > HISTORY) arr.shift(); }

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
    TIERS.forEach((t) => {
      const tier = m.tiers[t];
      push(series.p50[t], tier.latency.p50_us);
      push(series.p99[t], tier.latency.p99_us);
      push(series.rate[t], tier.events_per_sec.delivered);
      const tr = make('tr');
      [t, tier.published, tier.delivered, tier.dropped, tier.rejected, tier.errors, tier.queue_depth,
        tier.latency.p50_us, tier.latency.p99_us, tier.events_per_sec.delivered]
        .forEach((v) => tr.appendChild(make('td', null, String(v))));
      tr.dataset.tier = t;
      rows.push(tr);
    });
    $('#tiers tbody').replaceChildren(...rows);
    latencyChart.setData([series.t].concat(TIERS.flatMap((t) => [series.p50[t], series.p99[t]])));
    throughputChart.setData([series.t].concat(TIERS.map((t) => series.rate[t])));
    $('#charts-panel').dataset.points = series.t.length;
  }

  async function refreshHealth() {
    const el = $('#health');
    try {
      const res = await fetch('/health');
      const h = await res.json();
      const warn = h.checks.some((c) => c.status === 'WARN');
      el.className = 'badge ' + (h.ready ? (warn ? 'warn' : 'up') : 'down');
      text(el, h.ready ? (warn ? 'ready (warnings)' : 'ready') : 'not ready: ' + h.failing.join(', '));
      el.title = h.checks.map((c) => c.name + ': ' + c.status + ' ' + c.message).join('\n');
    } catch (e) {
      el.className = 'badge down';
      text(el, 'unreachable');
    }
  }

  // ------------------------------------------------------------------ equity curve

  const equity = { t: [], v: [] };
  const equityChart = new uPlot(Object.assign(chartSize($('#equity-chart')), {
    series: [{}, { label: 'equity', stroke: '#3fb950', fill: 'rgba(63,185,80,0.08)' }],
    axes: [{ stroke: '#8391a1' }, { stroke: '#8391a1', size: 70 }],
  }), [[], []], $('#equity-chart'));

  function onPortfolio(f) {
    const eq = f.payload && f.payload.equity;
    if (typeof eq !== 'number') return;
    equity.t.push(Date.parse(f.time) / 1000 || Date.now() / 1000);
    equity.v.push(eq);
    if (equity.t.length > 2000) { equity.t.shift(); equity.v.shift(); }
    $('#equity-empty').hidden = true;
    equityChart.setData([equity.t, equity.v]);
    $('#equity-panel').dataset.points = equity.t.length;
  }

  // ------------------------------------------------------------------ live events

  let received = 0;
  let dropped = 0;

  function num(v) { return typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v); }

  function detail(f) {
    const p = f.payload || {};
    switch (f.type) {
      case 'SIGNAL': return p.direction + ' ' + num(p.strength) + (p.strategy ? ' (' + p.strategy + ')' : '') + (p.reason ? ': ' + p.reason : '');
      case 'ORDER': return p.side + ' ' + p.quantity + (p.limit_price == null ? ' at market' : ' limit ' + p.limit_price) + ' #' + p.order_id;
      case 'FILL': return p.side + ' ' + num(p.quantity) + ' @ ' + num(p.price) + ' #' + p.order_id;
      default: return JSON.stringify(p);
    }
  }

  function onEvent(f) {
    received++;
    dropped += f.dropped || 0;
    text($('#event-count'), received + ' received' + (dropped ? ', ' + dropped + ' conflated' : ''));
    if (f.type === 'PORTFOLIO_UPDATE') { onPortfolio(f); return; }
    const tr = make('tr', 'type-' + f.type);
    tr.dataset.type = f.type;
    [f.time.replace('T', ' ').replace('Z', ''), f.type, f.source, f.symbol || '', detail(f)]
      .forEach((v, i) => tr.appendChild(make('td', i === 4 ? 'detail' : null, v)));
    const body = $('#events tbody');
    body.insertBefore(tr, body.firstChild);
    while (body.childElementCount > MAX_ROWS) body.removeChild(body.lastChild);
  }

  let ws = null;
  let retry = 500;

  function connectStream(restart) {
    if (ws && restart) { ws.onclose = null; ws.close(); ws = null; }
    if (ws) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const q = token() ? '?token=' + encodeURIComponent(token()) : '';
    const sock = new WebSocket(proto + '//' + location.host + '/ws/signals' + q);
    ws = sock;
    const badge = $('#stream');
    sock.onopen = () => {
      retry = 500;
      sock.send(JSON.stringify({ subscribe: { events: ['SIGNAL', 'ORDER', 'FILL', 'PORTFOLIO_UPDATE'] } }));
    };
    sock.onmessage = (m) => {
      const f = JSON.parse(m.data);
      if (f.seq !== undefined) onEvent(f);
      else if (f.subscribed !== undefined) { badge.className = 'badge up'; text(badge, 'live'); }
      else if (f.error) { badge.className = 'badge warn'; text(badge, 'stream: ' + f.error); }
    };
    sock.onclose = () => {
      badge.className = 'badge down';
      text(badge, 'stream closed, reconnecting');
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
