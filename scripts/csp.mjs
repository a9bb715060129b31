// The Content-Security-Policy the built site runs under, derived from its config.json: scripts
// and styles only from the site itself (no inline code), WebAssembly allowed to compile, and
// network access only to the site, the Cognito endpoint and, with `oauth`, the pool domain (its
// /oauth2/token is fetched to finish a sign-in through Google or a company provider). Used by the test server and by
// `make dist`, which prints it for the host's header configuration. A config whose
// allowedRedirectOrigins would smuggle anything else into the header is refused: the script
// then prints why on stderr and exits with status 1.
//   node scripts/csp.mjs path/to/config.json

const ORIGINS_FIELD = 'allowedRedirectOrigins';

/** A config.json problem, worded like the app's own config errors. */
export class ConfigError extends Error {}

export function cspFor(config) {
  const endpoint = config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
  const ancestors = ["'self'", ...allowedOrigins(config)].join(' ');
  const connect = [...new Set(["'self'", new URL(endpoint).origin, ...poolDomain(config)])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src ${connect}`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "object-src 'none'",
    // index.html's <base href> (the site's root, where config.json is) is on the site itself.
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** `oauth.domain`'s origin (none without `oauth`); throws on one that is not an origin. */
export function poolDomain(config) {
  const domain = config.oauth?.domain;
  if (domain === undefined || domain === null) return [];
  const origin = normalizeOrigin(domain);
  if (origin === null) {
    throw new ConfigError(
      `config.json field "oauth.domain" is invalid: ${JSON.stringify(domain)} is not a pool domain ` +
        'such as https://example.auth.ap-northeast-1.amazoncognito.com',
    );
  }
  return [origin];
}

/** `allowedRedirectOrigins`, each normalised as the app normalises it; throws on a bad one. */
export function allowedOrigins(config) {
  const entries = config[ORIGINS_FIELD] ?? [];
  if (!Array.isArray(entries)) {
    throw new ConfigError(`config.json field "${ORIGINS_FIELD}" is invalid: expected a list of origins`);
  }
  return entries.map((entry) => {
    const origin = normalizeOrigin(entry);
    if (origin === null) {
      throw new ConfigError(
        `config.json field "${ORIGINS_FIELD}" is invalid: ${JSON.stringify(entry)} is not an origin ` +
          'such as https://app.example.com',
      );
    }
    return origin;
  });
}

/**
 * `scheme://host[:port]` (a trailing `/` tolerated) as the app reads it (core/src/redirect.rs,
 * `normalize_origin`): http or https, ASCII case folded, the default port dropped; `null` for
 * anything else. tests/csp/origin-cases.json holds both to the same answers.
 */
export function normalizeOrigin(origin) {
  if (typeof origin !== 'string') return null;
  const separator = origin.indexOf('://');
  if (separator < 0) return null;
  const scheme = asciiLowercase(origin.slice(0, separator));
  let authority = origin.slice(separator + 3);
  if (authority.endsWith('/')) authority = authority.slice(0, -1);
  authority = asciiLowercase(authority);
  const defaultPort = { https: ':443', http: ':80' }[scheme];
  if (defaultPort === undefined) return null;
  let host = authority;
  let port = null;
  const colon = authority.lastIndexOf(':');
  if (colon >= 0) {
    const [before, after] = [authority.slice(0, colon), authority.slice(colon + 1)];
    if (!before.endsWith(']') || after === '') [host, port] = [before, after];
  }
  const hostOk = /^[a-z0-9.\-[\]:]+$/.test(host);
  const portOk = port === null || /^[0-9]{1,5}$/.test(port);
  if (!hostOk || !portOk) return null;
  const suffix = port === null || `:${port}` === defaultPort ? '' : `:${port}`;
  return `${scheme}://${host}${suffix}`;
}

/** Lower-cases A-Z only, as Rust's `to_ascii_lowercase` (`toLowerCase` also folds e.g. U+212A to k). */
function asciiLowercase(text) {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const path = process.argv[2] ?? 'config.json';
  try {
    console.log(cspFor(JSON.parse(readFileSync(path, 'utf8'))));
  } catch (error) {
    console.error(`${path}: ${error.message}`);
    process.exit(1);
  }
}
