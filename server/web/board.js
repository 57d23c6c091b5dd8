// Shared by the board's pages: JSON requests to this server, login and logout, Danish words.
'use strict';

const board = (() => {
  const languages = {
    da: 'dansk', en: 'engelsk', ar: 'arabisk', fa: 'persisk', uk: 'ukrainsk', so: 'somali', tr: 'tyrkisk',
    pl: 'polsk', ti: 'tigrinya', ro: 'rumænsk', ur: 'urdu', de: 'tysk', ru: 'russisk', ku: 'kurdisk', prs: 'dari',
  };
  const months = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: res.status, json };
  }

  // Builds an element: el('p', {class: 'x'}, 'text', child). Text is always text, never HTML.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  // Shows the login form until a staff member logs in; then calls start(staff).
  function login(start) {
    const form = document.getElementById('login');
    const status = document.getElementById('login-status');
    const who = document.getElementById('who');
    const begin = (staff) => {
      form.hidden = true;
      who.hidden = false;
      document.getElementById('who-name').textContent = `Logget ind som ${staff.name}`;
      start(staff);
    };
    const showForm = () => {
      form.hidden = false;
      who.hidden = true;
      document.getElementById('staff-number').focus();
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const number = document.getElementById('staff-number').value.trim();
      const pin = document.getElementById('pin').value;
      if (!number || !/^[0-9]{4,12}$/.test(pin)) {
        status.textContent = 'Skriv dit medarbejdernummer og din PIN-kode (4 til 12 cifre).';
        return;
      }
      const r = await api('POST', '/api/v1/board/login', { staff_number: number, pin });
      document.getElementById('pin').value = '';
      if (r.status === 200) return begin(r.json);
      status.textContent = r.status === 429 ? 'For mange forkerte PIN-koder. Vent fem minutter.'
        : r.status === 401 ? 'Forkert medarbejdernummer eller PIN-kode.' : 'Det lykkedes ikke. Prøv igen.';
      document.getElementById('pin').focus();
    });
    document.getElementById('logout').addEventListener('click', async () => {
      await api('POST', '/api/v1/board/logout');
      location.reload();
    });
    api('GET', '/api/v1/board/me').then((r) => (r.status === 200 ? begin(r.json) : showForm()), showForm);
    return showForm;
  }

  const language = (code) => languages[code] || code;
  const time = (iso) => iso.slice(11, 16).replace(':', '.');
  const date = (iso) => `${Number(iso.slice(8, 10))}. ${months[Number(iso.slice(5, 7)) - 1]}`;
  const minutesAgo = (iso, skewMs) => Math.max(0, Math.floor((Date.now() + skewMs - Date.parse(iso)) / 60000));

  return { api, el, login, language, time, date, minutesAgo };
})();
