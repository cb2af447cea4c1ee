// Test harness for the browser flows: Debian's Chromium driven by playwright-core (never a
// browser downloaded by Playwright), named steps, screenshots, and a record of everything the
// pages received, to search for tokens and other users' values afterwards.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch(executablePath = process.env.CHROMIUM || '/usr/bin/chromium') {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export class Steps {
  constructor(outDir) {
    this.outDir = outDir;
    this.passed = [];
    mkdirSync(outDir, { recursive: true });
  }

  async run(name, page, action) {
    const started = Date.now();
    try {
      await action();
      this.passed.push(name);
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      console.log(`FAIL ${name}: ${error.stack || error}`);
      if (page && !page.isClosed()) {
        const file = path.join(this.outDir, `failure-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.log(`     screenshot: ${file}; page: ${page.url()}`);
      }
      throw error;
    }
  }

  async screenshot(page, name) {
    const file = path.join(this.outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`     screenshot: ${file}`);
  }
}

/**
 * Records, for every page of a browser context: each response's headers (Set-Cookie aside: the
 * session cookie is ciphertext that JavaScript cannot read) and text body, console errors, and CSP
 * violations (reported by a listener added before any page script runs).
 */
export class Recorder {
  constructor(context, appOrigin) {
    this.responses = [];
    this.pending = [];
    this.violations = [];
    this.consoleErrors = [];
    this.appOrigin = appOrigin;
    context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    context.on('page', (page) => this.watch(page));
  }

  watch(page) {
    page.on('console', (message) => {
      if (message.type() === 'error' && new URL(page.url()).origin === this.appOrigin) {
        (message.text().startsWith('CSP violation') ? this.violations : this.consoleErrors).push(message.text());
      }
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
    page.on('response', (response) => this.pending.push(this.record(response)));
  }

  async record(response) {
    const headers = await response.allHeaders().catch(() => ({}));
    delete headers['set-cookie'];
    let body = '';
    const type = headers['content-type'] || '';
    if (/json|text|javascript|html/.test(type)) body = await response.text().catch(() => '');
    this.responses.push({ url: response.url(), status: response.status(), headers, body });
  }

  /** Waits until every response seen so far is recorded. */
  async settled() {
    await Promise.all(this.pending);
  }

  /** Everything the pages received, as one searchable text. */
  text() {
    return this.responses.map((r) => `${r.status} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n');
  }

  find(url, status) {
    return this.responses.filter((r) => r.url.includes(url) && (status === undefined || r.status === status));
  }
}

/** What a page's own script can reach: cookies, both storages, and the live document. */
export async function readableByScript(page) {
  return page.evaluate(() => JSON.stringify({
    cookie: document.cookie,
    local: { ...localStorage },
    session: { ...sessionStorage },
    html: document.documentElement.outerHTML,
  }));
}

/** A page on another origin (another loopback port: same site, so a Lax cookie still goes along). */
export function attackerSite(appOrigin) {
  const pages = {
    '/fetch': `<!doctype html><title>attack</title><pre id="result">running</pre><script>
      const target = ${JSON.stringify(appOrigin)} + '/api/profile/addresses';
      const body = JSON.stringify({ label: 'x', line1: '1 Forged Street', city: 'Evil', postalCode: 'EV1', country: 'GB' });
      const results = {};
      (async () => {
        try {
          const r = await fetch(target, { method: 'POST', credentials: 'include', body,
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'fetch' } });
          results.withHeader = r.status;
        } catch (e) { results.withHeader = 'blocked: ' + e.name; }
        try {
          const r = await fetch(target, { method: 'POST', credentials: 'include', mode: 'no-cors', body,
            headers: { 'Content-Type': 'text/plain' } });
          results.noCors = r.type;
        } catch (e) { results.noCors = 'blocked: ' + e.name; }
        try {
          const r = await fetch(${JSON.stringify(appOrigin)} + '/api/profile', { credentials: 'include' });
          results.read = r.status;
        } catch (e) { results.read = 'blocked: ' + e.name; }
        document.getElementById('result').textContent = JSON.stringify(results);
      })();
    </script>`,
    '/form': `<!doctype html><title>attack</title>
      <form id="f" method="post" enctype="text/plain" action="${appOrigin}/api/profile/addresses">
      <input name='{"line1":"2 Forged Street","city":"Evil","postalCode":"EV1","country":"GB","x":"' value='"}'></form>
      <script>document.getElementById('f').submit();</script>`,
  };
  const server = http.createServer((request, response) => {
    const page = pages[request.url];
    response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page || 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

export function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 2));
}
