// Runs in the browser page: times our wasm SRP math and amazon-cognito-identity-js's on the same
// random inputs, one after the other, and hands the numbers to run.mjs via window.benchResult.
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

const bytes = (n) => crypto.getRandomValues(new Uint8Array(n));
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const base64 = (b) => btoa(String.fromCharCode(...b));

/** Random server values: B in [1, N), a 16-byte salt, a 64-byte secret block. */
function randomCase() {
  const b = (BigInt('0x' + hex(bytes(384))) % (N - 1n)) + 1n;
  return {
    poolId: 'ap-northeast-1_' + hex(bytes(5)),
    userId: crypto.randomUUID(),
    password: 'Pw-' + hex(bytes(6)),
    srpB: b.toString(16),
    salt: hex(bytes(16)),
    secretBlock: base64(bytes(64)),
    epochMs: Date.now(),
  };
}

/** Plain JavaScript BigInt square-and-multiply, for reference (u and x random, not hashed). */
function modpow(base, exp, m) {
  let result = 1n;
  base %= m;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % m;
    base = (base * base) % m;
    exp >>= 1n;
  }
  return result;
}
const K = 0x538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6n;
function jsBigIntModpows(aBytes, bBytes) {
  const a = BigInt('0x' + hex(aBytes));
  const b = BigInt('0x' + hex(bBytes)) % N;
  const u = BigInt('0x' + hex(bytes(32)));
  const x = BigInt('0x' + hex(bytes(32)));
  const largeA = modpow(2n, a, N);
  const base = (((b - K * modpow(2n, x, N)) % N) + N) % N;
  return [largeA, modpow(base, a + u * x, N)];
}

/** Sliding-window power with BigInt (5-bit windows, as ours). */
function windowPow(base, exp, m) {
  const odd = [base % m];
  const square = (odd[0] * odd[0]) % m;
  for (let i = 1; i < 16; i++) odd.push((odd[i - 1] * square) % m);
  const bits = exp.toString(2);
  let acc = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      acc = (acc * acc) % m;
      i++;
      continue;
    }
    let end = Math.min(i + 5, bits.length);
    while (bits[end - 1] === '0') end--;
    for (let k = i; k < end; k++) acc = (acc * acc) % m;
    acc = (acc * odd[Number(BigInt('0b' + bits.slice(i, end))) >> 1]) % m;
    i = end;
  }
  return acc;
}
/** The click path's two exponentiations (g^x, S) in BigInt: what calling the browser's BigInt
 * from wasm could at best reach (u and x random, not hashed). */
function jsBigIntClick(aBytes, bBytes) {
  const a = BigInt('0x' + hex(aBytes));
  const b = BigInt('0x' + hex(bBytes)) % N;
  const u = BigInt('0x' + hex(bytes(32)));
  const x = BigInt('0x' + hex(bytes(32)));
  const base = (((b - K * windowPow(2n, x, N)) % N) + N) % N;
  return windowPow(base, a + u * x, N);
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The SDK's whole SRP path (A, then key and signature) with a client that answers at once. */
function sdkOnce(c) {
  const sdk = window.AmazonCognitoIdentity;
  const pool = new sdk.CognitoUserPool({ UserPoolId: c.poolId, ClientId: 'benchclient' });
  let responses;
  pool.client = {
    request(operation, params, callback) {
      if (operation === 'InitiateAuth') {
        callback(null, {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: c.salt,
            SRP_B: c.srpB,
            SECRET_BLOCK: c.secretBlock,
            USER_ID_FOR_SRP: c.userId,
            USERNAME: c.userId,
          },
        });
      } else {
        responses = params.ChallengeResponses;
      }
    },
  };
  const user = new sdk.CognitoUser({ Username: 'bench@example.com', Pool: pool });
  const details = new sdk.AuthenticationDetails({ Username: 'bench@example.com', Password: c.password });
  const started = performance.now();
  user.authenticateUser(details, { onSuccess() {}, onFailure(e) { throw e; } });
  const elapsed = performance.now() - started;
  if (!responses?.PASSWORD_CLAIM_SIGNATURE) throw new Error('the SDK produced no signature');
  return elapsed;
}

/** The bignum crates compared, as named in src/lib.rs's modpows_* functions. */
const CRATES = ['num_bigint', 'crypto_bigint', 'ibig', 'dashu', 'dashu_monty', 'dashu_monty2', 'malachite'];

/** A variant's module; a different `instance` tag gives a second instance with its own memory. */
async function loadVariant(name, instance = '') {
  const module = await import(`./target/${name}/srp_bench.js${instance ? `?${instance}` : ''}`);
  await module.default();
  return module;
}

window.runBench = async function runBench(runs) {
  const variants = {};
  const names = await (await fetch('./target/variants.json')).json();
  // Each variant twice: as the app runs it (the table of powers of g made before the sign-in,
  // timed once) and without the table, to show what it brings.
  const tableless = {};
  const once = {};
  for (const name of names) {
    variants[name] = await loadVariant(name);
    tableless[name] = await loadVariant(name, 'tableless');
    const started = performance.now();
    variants[name].prepare();
    once[`ours ${name} (g table, once per page)`] = performance.now() - started;
  }
  // The candidate crates a variant was built with (none with build.sh --app-only).
  const cratesOf = (w) => CRATES.filter((crate) => typeof w[`modpows_${crate}`] === 'function');
  const times = {};
  const record = (key, ms) => (times[key] ??= []).push(ms);
  const time = (key, f) => {
    const started = performance.now();
    const out = f();
    record(key, performance.now() - started);
    return out;
  };
  // One untimed warm-up each, so compilation tiers don't count.
  const warm = randomCase();
  sdkOnce(warm);
  jsBigIntClick(bytes(128), bytes(384));
  for (const [name, w] of Object.entries(variants)) {
    const args = [warm.poolId, warm.userId, warm.password, warm.srpB, warm.salt, warm.secretBlock, warm.epochMs];
    w.ours(...args);
    w.ours_a();
    w.ours_click(...args);
    tableless[name].ours_a();
    tableless[name].ours_click(...args);
    for (const crate of cratesOf(w)) w[`modpows_${crate}`](bytes(128), bytes(384));
    void name;
  }
  for (let i = 0; i < runs; i++) {
    const c = randomCase();
    record('sdk amazon-cognito-identity-js (A + signature)', sdkOnce(c));
    time('js BigInt (3 modpows, reference)', () => jsBigIntModpows(bytes(128), bytes(384)));
    time('js BigInt (g^x and S by 5-bit windows, click-path reference)', () => jsBigIntClick(bytes(128), bytes(384)));
    const args = [c.poolId, c.userId, c.password, c.srpB, c.salt, c.secretBlock, c.epochMs];
    for (const [name, w] of Object.entries(variants)) {
      time(`ours ${name} (A + signature)`, () => w.ours(...args));
      time(`ours ${name} (A, before the click)`, () => w.ours_a());
      time(`ours ${name} (click path)`, () => w.ours_click(...args));
      tableless[name].ours_a();
      time(`ours ${name} without the g table (click path)`, () => tableless[name].ours_click(...args));
      const a = bytes(128);
      const b = bytes(384);
      const answers = cratesOf(w).map((crate) =>
        time(`${crate} ${name} (3 modpows)`, () => w[`modpows_${crate}`](a, b)),
      );
      if (new Set(answers).size > 1) throw new Error(`the crates disagree on run ${i}: ${answers}`);
    }
  }
  const summary = {};
  for (const [key, values] of Object.entries(times)) {
    summary[key] = { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
  }
  for (const [key, ms] of Object.entries(once)) summary[key] = { median: ms, min: ms, max: ms, runs: 1 };
  return { userAgent: navigator.userAgent, summary };
};
window.benchReady = true;
