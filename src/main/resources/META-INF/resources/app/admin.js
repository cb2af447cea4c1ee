// Admin lookup: search by email (POST, so the address never sits in a URL or an access log),
// then open one result in the Admin view. Each read is audited by the service.
import { api } from './api.js';
import { $, el, facts, guarded, signedIn } from './dom.js';

async function search(email) {
  $('#admin-view').hidden = true;
  $('#search-status').textContent = 'Searching…';
  let data;
  try {
    ({ data } = await api('POST', '/api/admin/profiles/search', { body: { email } }));
  } finally {
    $('#search-status').textContent = '';
  }
  const items = data.items || [];
  $('#results').replaceChildren(...items.map(result));
  $('#search-status').textContent = items.length === 0 ? 'No profile has this email.'
    : `${items.length} profile${items.length === 1 ? '' : 's'} found${data.truncated ? ' (more match: refine the search)' : ''}.`;
}

function result(profile) {
  const open = el('button', { text: 'Open', attrs: { type: 'button' } });
  open.addEventListener('click', guarded(() => show(profile.userId)));
  return el('li', {}, el('span', { text: `${profile.displayName || '(no name)'} · ${profile.email || ''} · ${profile.userId}` }), open);
}

async function show(userId) {
  const { data: p } = await api('GET', `/api/admin/profiles/${encodeURIComponent(userId)}`);
  facts($('#admin-facts'), [
    ['User id', p.userId, 'admin-userId'],
    ['Display name', p.displayName],
    ['Email', p.email, 'admin-email'],
    ['Phone', p.phone],
    ['Locale', p.locale],
    ['SSN', p.ssnLast4 ? `•••-••-${p.ssnLast4}` : null],
    ['Internal notes', p.internalNotes, 'admin-notes'],
    ['Account flags', (p.accountFlags || []).join(', ')],
    ['Created', p.createdAt],
    ['Updated', p.updatedAt],
    ['Version', p.version],
  ]);
  $('#admin-view').hidden = false;
}


$('#search-form').addEventListener('submit', guarded(() => search($('#search-email').value.trim())));

// Probe the session once, so a signed-out visitor is offered to sign in straight away.
guarded(async () => {
  await api('GET', '/api/profile/addresses?limit=1');
  signedIn(true);
})();
