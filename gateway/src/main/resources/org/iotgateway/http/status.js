'use strict';
// Polls status.json every 2 s and history.json every 30 s; builds the table once, then updates text only.
const $ = id => document.getElementById(id);
const cells = {};
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function set(id, text, cls) {
  $(id).textContent = text;
  if (cls !== undefined) $(id).className = cls;
}
function num(v) {
  return v === null ? '–' : Math.abs(v) >= 1e4 ? v.toFixed(0) : String(+v.toPrecision(4));
}
function ago(ms) {
  const s = ms / 1000;
  return s < 90 ? s.toFixed(0) + ' s' : s < 5400 ? (s / 60).toFixed(0) + ' min' : (s / 3600).toFixed(1) + ' h';
}

function build(s) {
  const body = $('rows');
  for (const sensor of s.sensors) {
    sensor.channels.forEach((c, i) => {
      const tr = el('tr');
      if (i === 0) {
        const id = el('td', sensor.id), st = el('td');
        id.rowSpan = st.rowSpan = sensor.channels.length;
        st.dataset.sensor = sensor.id;
        tr.append(id, st);
        cells[sensor.id] = st;
      }
      const key = sensor.id + '/' + c.id;
      const row = {value: el('td', '', 'n'), chart: el('td'), counts: []};
      row.value.dataset.value = key;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', '0 0 360 36');
      svg.setAttribute('preserveAspectRatio', 'none');
      row.path = document.createElementNS(SVG, 'path');
      svg.append(row.path);
      row.chart.append(svg);
      tr.append(el('td', c.id), row.value, row.chart);
      for (let k = 0; k < 5; k++) row.counts.push(tr.appendChild(el('td', '', 'n')));
      cells[key] = row;
      body.append(tr);
    });
  }
}

function show(s) {
  if (!cells.built) { build(s); cells.built = true; }
  $('gw').textContent = s.gateway;
  set('health', s.health.ok ? 'healthy' : 'unhealthy', s.health.ok ? 'ok' : 'bad');
  set('health-x', s.health.ok ? '' : s.health.reason);
  set('broker', s.broker.connected ? 'connected' : 'disconnected', s.broker.connected ? 'ok' : 'bad');
  set('broker-x', s.broker.reconnects + ' reconnects · ' + s.broker.published + ' published');
  const o = s.outbox, r = s.readings, st = s.stream;
  set('depth', o.depth + ' waiting', o.depth > 1000 ? 'warn' : '');
  set('age', o['oldest-age-ms'] < 0 ? 'nothing owed to the broker' : 'oldest ' + ago(o['oldest-age-ms']));
  set('rate', num(st['ingest-per-s']) + ' readings/s', st.overloaded ? 'bad' : '');
  set('ring', 'ring ' + st.occupancy + ' / ' + st.capacity + (st.overloaded ? ' · overloaded' : ''));
  const losses = {'dropped (ring full)': r.dropped, rejected: r.rejected, late: r.late,
    'evicted (size)': o['evicted-size'], 'evicted (age)': o['evicted-age'], 'refused (outbox full)': o.rejected,
    'dead-lettered': o['dead-lettered'], 'dropped (writer queue)': o['dropped-queue-full']};
  const nonzero = Object.entries(losses).filter(e => e[1] > 0);
  set('losses', nonzero.reduce((a, e) => a + e[1], 0) + ' lost', nonzero.length ? 'warn' : 'ok');
  set('losses-x', nonzero.map(e => e[0] + ' ' + e[1]).join(' · ') + (r.filtered ? ' (' + r.filtered + ' filtered)' : ''));
  for (const sensor of s.sensors) {
    const td = cells[sensor.id];
    td.textContent = sensor.state + (sensor.stale ? ' · stale' : '');
    td.className = sensor.stale || sensor.state === 'disconnected' ? 'bad' : sensor.state === 'degraded' ? 'warn' : 'ok';
    td.title = sensor.detail || '';
    for (const c of sensor.channels) {
      const row = cells[sensor.id + '/' + c.id];
      row.value.textContent = num(c.last) + (c.unit ? ' ' + c.unit : '');
      [c.offered, c.dropped, c.rejected, c.filtered, c.late].forEach((v, k) => { row.counts[k].textContent = v; });
    }
  }
  set('updated', 'updated ' + new Date(s.now).toLocaleTimeString(), '');
}

function chart(h) {
  for (const c of h.channels) {
    const row = cells[c.sensor + '/' + c.channel];
    if (!row) continue;
    const vs = c.v.filter(v => v !== null);
    const lo = Math.min(...vs), span = Math.max(...vs) - lo || 1;
    let d = '', pen = 'M';
    c.v.forEach((v, i) => {
      if (v === null) { pen = 'M'; return; }
      d += pen + i + ' ' + (34 - (v - lo) / span * 32).toFixed(1) + (pen === 'M' ? ' l0 0 ' : ' ');
      pen = 'L';
    });
    row.path.setAttribute('d', d);
  }
}

async function poll(url, use) {
  try {
    const res = await fetch(url, {cache: 'no-store'});
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    use(await res.json());
  } catch (e) {
    set('updated', 'no answer from the gateway: ' + e.message, 'bad');
  }
}

async function start() {
  await poll('status.json', show);
  await poll('history.json', chart);
  setInterval(() => poll('status.json', show), 2000);
  setInterval(() => poll('history.json', chart), 30000);
}
start();
