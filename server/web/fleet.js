// Every kiosk's last heartbeat, drawn from /api/v1/board/fleet once a minute (heartbeats come
// every minute; a faster page would show nothing new).
'use strict';

(() => {
  const { api, el, time } = board;
  const lights = { green: 'I drift', amber: 'Forsinket', red: 'Ingen kontakt' };
  const printers = { ok: 'OK', failed: 'Fejl', none: 'Ingen', unknown: 'Ukendt', paper_near_end: 'Papir snart tomt', paper_out: 'Papir tomt', cover_open: 'Låg åbent' };

  async function load() {
    const r = await api('GET', '/api/v1/board/fleet');
    if (r.status !== 200) { document.getElementById('fleet-status').textContent = 'Kunne ikke hente kioskerne.'; return; }
    const rows = r.json.kiosks.map((k) => el('tr', { 'data-kiosk': k.kiosk_id },
      el('th', { scope: 'row' }, k.place ? `${k.place} (${k.kiosk_id})` : k.kiosk_id),
      el('td', {}, el('span', { class: `badge health ${k.light}` }, lights[k.light] + (k.healthy ? '' : ', melder fejl'))),
      el('td', {}, `kl. ${time(k.last_heartbeat)}`),
      el('td', {}, k.version),
      el('td', {}, printers[k.printer] || 'Ukendt'),
      el('td', {}, [k.client_certificate_days_left, k.server_certificate_days_left].filter((d) => d !== undefined).join(' / ') || '–'),
      el('td', {}, Object.entries(k.incidents).map(([kind, n]) => `${kind}: ${n}`).join(', ') || 'Ingen')));
    document.querySelector('#fleet tbody').replaceChildren(...rows);
    document.getElementById('fleet-status').textContent = `${rows.length} kiosker.`;
  }

  board.login(() => {
    document.getElementById('board').hidden = false;
    load();
    setInterval(load, 60000);
  });
})();
