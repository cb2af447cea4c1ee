// Seeds the benchmark users through the service's own API: one profile (email, phone and ssn, so
// the owner view decrypts three fields) and N addresses per token in --tokens. Fails on any non-2xx.
//
//   node bench/seed.mjs --base http://127.0.0.1:PORT --tokens target/bench/tokens.txt --addresses 5
import { readFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const users = readFileSync(args.tokens, 'utf8').trim().split('\n').map((line) => line.split(' '));
const addresses = Number(args.addresses ?? 5);

// A cold JVM on a busy machine may time a first backend call out (503, or a 500 when the SDK's retry of
// a conditional write meets its own first attempt): those are retried. A PUT whose failure hid a
// success then finds the profile there (428), which is fine too.
async function call(method, path, token, body) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(args.base + path, {
      method, body: body && JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    const text = await response.text();
    if (response.ok || (attempt > 1 && response.status === 428)) {
      return response;
    }
    if (response.status < 500 || attempt === 5) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function seedUser([sub, token], i) {
  const profile = { displayName: `Bench User ${i}`, email: `user${i}@example.org`, phone: `+4930123456${String(i % 100).padStart(2, '0')}`,
    ssn: `123-45-${String(1000 + i).slice(-4)}`, locale: 'en-GB', preferences: { theme: 'dark' } };
  await call('PUT', '/api/profile', token, profile);
  for (let a = 0; a < addresses; a++) {
    await call('POST', '/api/profile/addresses', token, { label: `home ${a}`, line1: `${a + 1} Bench Street`,
      line2: 'Flat 2', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' });
  }
}

const queue = users.map((user, i) => [user, i]);
await Promise.all(Array.from({ length: 4 }, async () => {
  while (queue.length) {
    const [user, i] = queue.shift();
    await seedUser(user, i);
  }
}));
console.log(`seeded ${users.length} users with ${addresses} addresses each`);
