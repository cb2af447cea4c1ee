// The IdP's side of the browser flow, kept apart so that the same flow runs against another IdP.
// It fits both the test IdP (support/OidcCodeFlow) and Keycloak's own pages: fields #username and
// #password, button #kc-login; Keycloak asks to confirm a logout that carries no id_token_hint.

/** On the IdP's login page: fill in the form and submit it. Resolves once the app has the browser back. */
export async function signIn(page, { username, password }, appOrigin) {
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((url) => url.origin === appOrigin, { timeout: 20000 }),
    page.click('#kc-login'),
  ]);
}

/**
 * After the app sent the browser to the IdP's end-session endpoint: confirm if the IdP asks to.
 * Waits for whichever comes first, the app's signed-out page or the IdP's confirm button: right
 * after the click the browser may still show the app's page.
 */
export async function confirmSignOut(page, appOrigin) {
  const signedOut = (url) => url.origin === appOrigin && url.pathname.endsWith('/signed-out.html');
  const confirm = page.locator('#kc-logout');
  const outcome = await Promise.race([
    page.waitForURL(signedOut, { timeout: 20000 }).then(() => 'signed-out', () => 'timeout'),
    confirm.waitFor({ state: 'visible', timeout: 20000 }).then(() => 'confirm', () => 'timeout'),
  ]);
  if (outcome === 'confirm') {
    await Promise.all([page.waitForURL(signedOut, { timeout: 20000 }), confirm.click()]);
  }
}
