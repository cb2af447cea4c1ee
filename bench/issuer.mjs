// A local OIDC issuer for the load benchmarks: serves discovery and the JWKS on a loopback port
// and mints RS256 access tokens with the key pair that ships in quarkus-test-oidc-server (the one
// the tests sign with, see src/test/java/dev/profileservice/support/OidcServerResource and Tokens).
// The service verifies every token through this JWKS, exactly as against a real provider.
//
//   node bench/issuer.mjs --port P --private privateKey.jwk --public publicKey.jwk \
//        --users 50 --ttl 3600 --tokens target/bench/tokens.txt
//
// Writes one "<sub> <token>" line per user to --tokens, then serves until killed. The tokens are shaped
// like Keycloak's access tokens, as Tokens.java's are: typ Bearer, client roles under resource_access.
import { createPrivateKey, createSign, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const port = Number(args.port);
const users = Number(args.users ?? 50);
const ttl = Number(args.ttl ?? 3600);
const base = `http://127.0.0.1:${port}/realms/bench`;
export const ISSUER = base;
const AUDIENCE = 'profile-service';

const privateJwk = JSON.parse(readFileSync(args.private, 'utf8'));
const publicJwk = JSON.parse(readFileSync(args.public, 'utf8'));
const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(claims) {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: privateJwk.kid })}.${b64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

const now = Math.floor(Date.now() / 1000);
const lines = [];
for (let i = 0; i < users; i++) {
  // sub unlike the user name, as with Keycloak (see Tokens.java)
  const sub = `bench-${String(i).padStart(3, '0')}-sub`;
  lines.push(`${sub} ${sign({
    iss: ISSUER, aud: AUDIENCE, sub, preferred_username: `user${i}`, upn: `user${i}@example.org`,
    typ: 'Bearer', resource_access: { [AUDIENCE]: { roles: ['user'] } }, groups: ['user'],
    iat: now, exp: now + ttl, jti: randomUUID(),
  })}`);
}
writeFileSync(args.tokens, lines.join('\n') + '\n');

const routes = {
  // the code-flow endpoints are advertised (the web client needs them at startup) but never called by the bench
  '/realms/bench/.well-known/openid-configuration': {
    issuer: ISSUER, jwks_uri: `${base}/protocol/openid-connect/certs`,
    authorization_endpoint: `${base}/protocol/openid-connect/auth`, token_endpoint: `${base}/protocol/openid-connect/token`,
    end_session_endpoint: `${base}/protocol/openid-connect/logout`, id_token_signing_alg_values_supported: ['RS256'],
  },
  '/realms/bench/protocol/openid-connect/certs': { keys: [publicJwk] },
};
createServer((req, res) => {
  const body = routes[req.url];
  res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(body ? JSON.stringify(body) : '{}');
}).listen(port, '127.0.0.1', () => console.log(`issuer ${ISSUER} ready`));
