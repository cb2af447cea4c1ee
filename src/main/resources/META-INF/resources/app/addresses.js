// The caller's addresses: pages of PAGE_SIZE, "Show more" follows the opaque nextCursor.
import { api } from './api.js';
import { $, el, formValues, guarded } from './dom.js';

const PAGE_SIZE = 5;
let nextCursor = null;

export async function loadAddresses() {
  nextCursor = null;
  $('#address-list').replaceChildren();
  await loadPage();
}

async function loadPage() {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (nextCursor) query.set('cursor', nextCursor);
  const { data } = await api('GET', `/api/profile/addresses?${query}`);
  $('#address-list').append(...data.items.map(item));
  nextCursor = data.nextCursor || null;
  $('#more-addresses').hidden = !nextCursor;
  $('#no-addresses').hidden = $('#address-list').children.length > 0;
}

function item(address) {
  const text = [address.label, address.line1, address.line2, address.city, address.postalCode, address.country]
    .filter(Boolean).join(', ');
  const remove = el('button', { text: 'Delete', attrs: { type: 'button', 'aria-label': `Delete ${text}` } });
  const row = el('li', { attrs: { 'data-id': address.id } }, el('span', { text }), remove);
  remove.addEventListener('click', guarded(async () => {
    await api('DELETE', `/api/profile/addresses/${encodeURIComponent(address.id)}`);
    row.remove();
    $('#no-addresses').hidden = $('#address-list').children.length > 0;
  }));
  return row;
}


$('#more-addresses').addEventListener('click', guarded(loadPage));

$('#address-form').addEventListener('submit', guarded(async (event) => {
  const form = event.target;
  const body = formValues(form);
  if (body.country) body.country = body.country.toUpperCase();
  await api('POST', '/api/profile/addresses', { body });
  form.reset();
  await loadAddresses();
}));
