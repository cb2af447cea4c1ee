// My profile: the Owner view, edits with If-Match, export and erasure.
import { api } from './api.js';
import { $, facts, formValues, guarded, showProblem, clearProblem, signedIn } from './dom.js';
import { loadAddresses } from './addresses.js';

const EDITABLE = ['displayName', 'email', 'phone', 'locale'];
const ERASE_WORD = 'ERASE';
let current = { profile: null, etag: null };

async function load() {
  clearProblem();
  $('#conflict').hidden = true;
  try {
    const { data, etag } = await api('GET', '/api/profile');
    current = { profile: data, etag };
  } catch (error) {
    if (error.status === 401) return;
    if (error.status !== 404) throw error;
    current = { profile: null, etag: null };
  }
  signedIn(true);
  render();
  await loadAddresses();
}

function render() {
  const p = current.profile;
  $('#no-profile').hidden = p !== null;
  $('#profile-view').hidden = p === null;
  if (p) {
    facts($('#profile-view'), [
      ['Display name', p.displayName, 'view-displayName'],
      ['Email', p.email, 'view-email'],
      ['Phone', p.phone, 'view-phone'],
      ['Locale', p.locale, 'view-locale'],
      // The service never returns the SSN, only its last four digits.
      ['SSN', p.ssnLast4 ? `•••-••-${p.ssnLast4}` : null, 'view-ssn'],
      ['Last updated', p.updatedAt ? new Date(p.updatedAt).toLocaleString() : null, 'view-updated'],
    ]);
  }
  for (const name of EDITABLE) $(`#${name}`).value = (p && p[name]) || '';
  $('#save').textContent = p ? 'Save changes' : 'Create profile';
}

async function save(form) {
  const values = formValues(form);
  $('#saved').textContent = '';
  try {
    if (current.profile) {
      // Merge patch: a cleared field is removed (null); the ETag we read guards against lost updates.
      const patch = Object.fromEntries(EDITABLE.map((name) => [name, values[name] ?? null]));
      const { data, etag } = await api('PATCH', '/api/profile', { body: patch, etag: current.etag, contentType: 'application/merge-patch+json' });
      current = { profile: data, etag };
    } else {
      const { data, etag } = await api('PUT', '/api/profile', { body: values });
      current = { profile: data, etag };
    }
    render();
    $('#saved').textContent = 'Saved.';
  } catch (error) {
    if (error.status === 412) {
      $('#conflict').hidden = false;
    } else if (error.status !== 401) {
      showProblem(error);
    }
  }
}

async function download() {
  const { data } = await api('GET', '/api/profile/export');
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'profile-export.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function erase() {
  await api('DELETE', '/api/profile');
  current = { profile: null, etag: null };
  $('#erase-form').reset();
  $('#erase').disabled = true;
  $('#erased').hidden = false;
  render();
  await loadAddresses();
}


$('#profile-form').addEventListener('submit', (event) => {
  event.preventDefault();
  clearProblem();
  save(event.target);
});
$('#reload').addEventListener('click', guarded(load));
$('#export').addEventListener('click', guarded(download));
$('#erase-confirm').addEventListener('input', (event) => {
  $('#erase').disabled = event.target.value.trim() !== ERASE_WORD;
});
$('#erase-form').addEventListener('submit', guarded(() => {
  if ($('#erase-confirm').value.trim() === ERASE_WORD) return erase();
  return undefined;
}));

guarded(load)();
