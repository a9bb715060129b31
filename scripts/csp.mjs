// The Content-Security-Policy the built site runs under, derived from its config.json: scripts
// and styles only from the site itself (no inline code), WebAssembly allowed to compile, and
// network access only to the site and the Cognito endpoint. Used by the test server and by
// `make dist`, which prints it for the host's header configuration.
//   node scripts/csp.mjs path/to/config.json

export function cspFor(config) {
  const endpoint = config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
  const ancestors = ["'self'", ...(config.allowedRedirectOrigins ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src 'self' ${new URL(endpoint).origin}`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  console.log(cspFor(JSON.parse(readFileSync(process.argv[2] ?? 'config.json', 'utf8'))));
}
