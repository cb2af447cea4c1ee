// Calls the service's /api with the browser session. The session cookie goes along by itself;
// X-Requested-With is the CSRF header the service requires of cookie-authenticated calls.
// A redirect is never followed: /api answers 401 when the session is gone, and signing in is a
// page navigation to /login, never a fetch (a fetch cannot follow the IdP's login pages).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.detail = problem.detail || '';
    this.errorId = problem.errorId || '';
  }
}

export const SIGNED_OUT_EVENT = 'profile:signed-out';

export async function api(method, path, { body, contentType = 'application/json', etag } = {}) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', redirect: 'error', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { title: 'The service could not be reached', detail: 'Check your connection and try again.' });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response));
    if (response.status === 401) document.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT));
    throw error;
  }
  const text = response.status === 204 ? '' : await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), data: text ? JSON.parse(text) : null };
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}
