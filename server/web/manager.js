// Figures for managers: asked for a date range, drawn here as SVG bar charts with the same
// numbers in a table beside them (for screen readers and for copying). Small counts arrive from
// the server already as "< 5"; the page draws them as a hatched stub, never as a number.
'use strict';

(() => {
  const { api, el } = board;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = (tag, attributes, ...children) => {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const labels = {
    book: 'Booke', move: 'Flytte', cancel: 'Aflyse', check_in: 'Tjekke ind', activities: 'Aktiviteter', joblog: 'Joblog', plan: 'Plan',
    speech: 'Oplæsning', high_contrast: 'Høj kontrast', low_reach: 'Lav rækkevidde',
    interpreter: 'Tolk', cannot_read: 'Kan ikke læse', physical_help: 'Praktisk hjælp', other: 'Andet', too_late_to_change: 'For sent at ændre',
  };
  const label = (l) => labels[l] || board.language(l);

  function chart(f) {
    const rows = f.rows;
    const numbers = rows.map((r) => (typeof r.value === 'number' ? r.value : 0));
    const max = Math.max(1, ...numbers);
    const barH = 22, gap = 6, left = 190, width = 190;
    const height = rows.length * (barH + gap) + gap;
    const picture = svg('svg', { viewBox: `0 0 ${left + width + 60} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `title-${f.id}` });
    rows.forEach((r, i) => {
      const y = gap + i * (barH + gap);
      const suppressed = typeof r.value !== 'number';
      const w = suppressed ? 8 : Math.max(2, (r.value / max) * width);
      picture.append(
        svg('text', { x: left - 8, y: y + barH * 0.7, 'text-anchor': 'end' }, label(r.label)),
        svg('rect', { x: left, y, width: w, height: barH, fill: suppressed ? '#8a8f98' : '#0b4f8a' }),
        svg('text', { x: left + w + 6, y: y + barH * 0.7 }, suppressed ? '< 5' : String(r.value)));
    });
    return picture;
  }

  function table(f) {
    return el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Hvad'), el('th', { scope: 'col', class: 'num' }, 'Antal'))),
      el('tbody', {}, f.rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, label(r.label)),
        el('td', { class: 'num', 'data-value': String(r.value) }, String(r.value))))));
  }

  function show(figures) {
    const out = figures.figures.map((f) => {
      const extra = f.id === 'self_service' && f.share_percent !== null
        ? el('p', { class: 'big', id: 'share' }, typeof f.share_percent === 'number' ? `${String(f.share_percent).replace('.', ',')} %` : '< 5')
        : f.id === 'help_taken' && f.median_minutes_to_take !== null
          ? el('p', {}, `Median tid til et kald blev taget: ${typeof f.median_minutes_to_take === 'number' ? `${String(f.median_minutes_to_take).replace('.', ',')} min.` : 'for få kald til at vise'}`)
          : null;
      return el('section', { class: 'figure', id: `figure-${f.id}`, 'aria-labelledby': `title-${f.id}` },
        el('h2', { id: `title-${f.id}` }, f.title), extra,
        f.rows.length ? [chart(f), el('details', {}, el('summary', {}, 'Tallene som tabel'), table(f))] : el('p', { class: 'empty' }, 'Ingen i perioden.'));
    });
    document.getElementById('figures').replaceChildren(...out);
    document.getElementById('figures-status').textContent = `Tal fra ${figures.from} til ${figures.to}.`;
  }

  async function load() {
    const from = document.getElementById('from').value, to = document.getElementById('to').value;
    const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    document.getElementById('csv').href = `/api/v1/board/figures.csv${query}`;
    const r = await api('GET', `/api/v1/board/figures${query}`);
    if (r.status === 200) return show(r.json);
    document.getElementById('figures-status').textContent =
      r.status === 403 ? 'Tallene er kun for ledere.' : r.status === 400 ? 'Vælg en periode på højst et år.' : 'Tallene kunne ikke hentes.';
  }

  board.login(() => {
    document.getElementById('board').hidden = false;
    const today = new Date();
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    document.getElementById('to').value = iso(today);
    document.getElementById('from').value = iso(new Date(today.getTime() - 29 * 86400000));
    document.getElementById('range').addEventListener('submit', (event) => { event.preventDefault(); load(); });
    load();
  });
})();
