// The reception board: help calls and arrivals, live from /api/v1/board/stream (Server-Sent
// Events: the server sends the board when it changes; nothing here asks every second).
'use strict';

(() => {
  const { api, el, language, time, date, minutesAgo } = board;
  const reasons = {
    interpreter: 'Tolk', cannot_read: 'Kan ikke læse', physical_help: 'Praktisk hjælp', other: 'Andet',
    too_late_to_change: 'For sent at ændre online',
  };
  const flows = {
    check_in: 'tjekke ind', book: 'booke et møde', move: 'flytte et møde', cancel: 'aflyse et møde',
    activities: 'tilmelde sig aktiviteter', joblog: 'skrive i joblog', plan: 'se sin plan',
  };
  const timings = { early: 'For tidligt', on_time: 'Til tiden', late: 'For sent' };
  let snapshot = { help_calls: [], arrivals: [] };
  let skewMs = 0;  // the server's clock minus this browser's: "how long ago" counts by the server
  let seen = null;  // ids of calls already shown, to announce only new ones

  const waited = (iso) => {
    const m = minutesAgo(iso, skewMs);
    return m < 1 ? 'under 1 minut' : m === 1 ? '1 minut' : `${m} minutter`;
  };

  function reasonText(call) {
    const reason = reasons[call.reason] || call.reason;
    return call.language && call.reason === 'interpreter' ? `${reason} (${language(call.language)})` : reason;
  }

  function errandText(call) {
    if (!call.errand) return 'Ikke oplyst';
    const flow = flows[call.errand.flow] || call.errand.flow;
    const meeting = call.errand.meeting_date ? `, møde ${date(call.errand.meeting_date)}` : '';
    const late = call.reason === 'too_late_to_change' ? ' efter fristen' : '';
    return `Ville ${flow}${late}${meeting}`;
  }

  async function act(path, body, what) {
    const r = await api('POST', path, body);
    if (r.status === 200) return announce(what);
    if (r.status === 409) return announce(r.json && r.json.detail ? `${r.json.title}: ${r.json.detail}` : 'Kaldet er allerede lukket.');
    if (r.status === 401) return location.reload();
    announce('Det lykkedes ikke. Prøv igen.');
  }

  function callCard(call) {
    const where = call.place ? `${call.place} (${call.kiosk_id})` : call.kiosk_id;
    const taken = call.status === 'taken';
    const base = `/api/v1/board/help-calls/${encodeURIComponent(call.id)}`;
    return el('li', { class: taken ? 'card taken' : 'card', 'data-id': call.id },
      el('h3', { id: `call-${call.id}` }, `${reasonText(call)} – ${where}`),
      el('dl', {},
        el('dt', {}, 'Venter'), el('dd', { 'data-since': call.created_at }, waited(call.created_at)),
        call.language && call.reason !== 'interpreter' ? [el('dt', {}, 'Sprog'), el('dd', {}, language(call.language))] : null,
        el('dt', {}, 'Ærinde'), el('dd', {}, errandText(call)),
        el('dt', {}, 'Medarbejder ved kiosken'), el('dd', {}, call.staff_present ? 'Ja, en kollega hjælper allerede' : 'Nej'),
        el('dt', {}, 'Status'),
        el('dd', {}, el('span', { class: taken ? 'badge taken' : 'badge open' }, taken ? `${call.taken_by} er på vej` : 'Ingen er på vej endnu'))),
      el('div', { class: 'actions', role: 'group', 'aria-labelledby': `call-${call.id}` },
        taken ? null : el('button', { type: 'button', class: 'primary', 'data-action': 'take',
          onclick: () => act(`${base}/take`, undefined, 'Du har taget kaldet. Kiosken siger, at du er på vej.') }, 'Jeg kommer'),
        el('button', { type: 'button', 'data-action': 'handled',
          onclick: () => act(`${base}/close`, { outcome: 'handled' }, 'Kaldet er lukket som klaret.') }, 'Klaret'),
        el('button', { type: 'button', 'data-action': 'left',
          onclick: () => act(`${base}/close`, { outcome: 'citizen_left' }, 'Kaldet er lukket: borgeren gik.') }, 'Borgeren gik')));
  }

  function arrivalCard(a) {
    const name = `${a.first_name} ${a.last_initial}.`;
    return el('li', { class: 'card', 'data-id': a.booking_id },
      el('h3', { id: `arrival-${a.booking_id}` }, `${name} – møde kl. ${time(a.meeting_start)}`),
      el('dl', {},
        el('dt', {}, 'Rådgiver'), el('dd', {}, a.consultant_first_name),
        el('dt', {}, 'Tjekket ind'), el('dd', {}, `kl. ${time(a.checked_in_at)} `, el('span', { class: `badge ${a.timing}` }, timings[a.timing])),
        el('dt', {}, 'Tolk'), el('dd', {}, a.interpreter_language ? `Ja, ${language(a.interpreter_language)}` : 'Nej')),
      el('div', { class: 'actions', role: 'group', 'aria-labelledby': `arrival-${a.booking_id}` },
        el('button', { type: 'button', 'data-action': 'received',
          onclick: () => act(`/api/v1/board/arrivals/${encodeURIComponent(a.booking_id)}/received`, undefined, `${name} er modtaget.`) },
          'Modtaget af rådgiver')));
  }

  function announce(text) {
    const live = document.getElementById('announce');
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50);
  }

  // Drawn again whole on each change; keyboard focus stays on the same button of the same card,
  // or, if that card left the board, goes to the next card's button or the list's heading.
  function render() {
    const active = document.activeElement;
    const card = active && active.closest && active.closest('li.card');
    const focus = card ? { list: card.parentElement.id, id: card.dataset.id, action: active.dataset.action,
      index: [...card.parentElement.children].indexOf(card) } : null;
    fill('calls', snapshot.help_calls, callCard, 'hjælp');
    fill('arrivals', snapshot.arrivals, arrivalCard, 'ankomne');
    if (!focus) return;
    const list = document.getElementById(focus.list);
    const same = list.querySelector(`li[data-id="${CSS.escape(focus.id)}"]`);
    const target = same ? (same.querySelector(`[data-action="${focus.action}"]`) || same.querySelector('button'))
      : (list.children[Math.min(focus.index, list.children.length - 1)] || {}).querySelector?.('button');
    (target || document.getElementById(`${focus.list}-title`)).focus();
  }

  function fill(id, items, card) {
    document.getElementById(id).replaceChildren(...items.map(card));
    document.getElementById(`${id}-empty`).hidden = items.length > 0;
    document.getElementById(`${id}-count`).textContent = `(${items.length})`;
  }

  function received(next) {
    skewMs = Date.parse(next.generated_at) - Date.now();
    const ids = new Set(next.help_calls.map((c) => c.id));
    if (seen) {
      for (const call of next.help_calls) {
        if (!seen.has(call.id)) announce(`Nyt kald: ${reasonText(call)}, ${call.place || call.kiosk_id}.`);
      }
    }
    seen = ids;
    snapshot = next;
    render();
  }

  function connect() {
    const status = document.getElementById('connection');
    const stream = new EventSource('/api/v1/board/stream');
    stream.addEventListener('board', (event) => {
      status.textContent = 'Opdateres af sig selv.';
      status.classList.remove('lost');
      received(JSON.parse(event.data));
    });
    stream.addEventListener('ended', () => { stream.close(); location.reload(); });
    stream.addEventListener('error', () => {
      status.textContent = 'Forbindelsen er afbrudt. Prøver igen …';
      status.classList.add('lost');
      // Closed for good (the session ended): back to the login.
      if (stream.readyState === EventSource.CLOSED) location.reload();
    });
  }

  board.login(() => {
    document.getElementById('board').hidden = false;
    connect();
    // "Waited" counts on between changes: the page's own clock, not the server's attention.
    setInterval(() => {
      for (const dd of document.querySelectorAll('[data-since]')) dd.textContent = waited(dd.dataset.since);
    }, 15000);
  });
})();
