// Small DOM helpers. Text only ever goes in through textContent: no HTML is built from strings
// (the CSP's Trusted Types requirement would refuse it anyway).
import { SIGNED_OUT_EVENT } from './api.js';

export const $ = (selector) => document.querySelector(selector);

export function el(tag, { className, text, attrs = {} } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Fills a <dl> with label/value pairs; a missing value shows as a dash. */
export function facts(list, pairs) {
  list.replaceChildren(...pairs.flatMap(([label, value, id]) => [
    el('dt', { text: label }),
    el('dd', { text: value === undefined || value === null || value === '' ? '—' : String(value), attrs: id ? { id } : {} }),
  ]));
}

/** Shows a problem+json error: its title, its detail, and the errorId to quote to support. */
export function showProblem(error) {
  const box = $('#problem');
  const parts = [el('strong', { text: error.title || 'Something went wrong' })];
  if (error.detail) parts.push(el('span', { text: `: ${error.detail}` }));
  if (error.errorId) parts.push(el('div', { className: 'error-id', text: `Error id (quote it to support): ${error.errorId}` }));
  box.replaceChildren(...parts);
  box.hidden = false;
}

export function clearProblem() {
  $('#problem').hidden = true;
}

/** Signed in: show the page and the sign-out button. On any 401, offer to sign in instead. */
export function signedIn(yes) {
  $('#sign-in-panel').hidden = yes;
  $('#content').hidden = !yes;
  document.querySelector('.sign-out').hidden = !yes;
  if (!yes) clearProblem();
}

document.addEventListener(SIGNED_OUT_EVENT, () => signedIn(false));

/** Values of a form's named inputs, blank ones left out. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v !== ''));
}

/** An event handler that runs an API action and shows its problem, if any (a 401 offers sign-in instead). */
export function guarded(action) {
  return async (event) => {
    event?.preventDefault();
    clearProblem();
    try {
      await action(event);
    } catch (error) {
      if (error.status !== 401) showProblem(error);
    }
  };
}
