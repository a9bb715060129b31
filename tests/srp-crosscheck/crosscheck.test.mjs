// Cross-check of our SRP against the AWS client library amazon-cognito-identity-js, bit for bit.
//
// For each random case (secret a, server B, salt, secret block, pool name, user id, password,
// time) the SDK signs in through its public CognitoUser.authenticateUser with a stand-in for
// its HTTP client, and our CognitoClient does the same through core/examples/srp_crosscheck.rs.
// SRP_A, the derived key (the SDK's AuthenticationHelper), and every field of the
// PASSWORD_VERIFIER answer must be identical.
//
//   node --test tests/srp-crosscheck/       (builds and runs the Rust side with cargo)
//   SRP_CROSSCHECK_CASES=500 node --test tests/srp-crosscheck/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sdk = require('amazon-cognito-identity-js');
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;
const { AuthenticationHelper, AuthenticationDetails, CognitoUser, CognitoUserPool, DateHelper } = sdk;

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const CASES = Number(process.env.SRP_CROSSCHECK_CASES ?? 60);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Passwords mix ASCII symbols, spaces and non-ASCII text, which both sides must hash as UTF-8.
const PASSWORD_CHARS = [...(ALNUM + ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'), 'é', 'ß', 'ж', '中', '文', '😀', 'ﬁ'];

const pick = (chars, length) => Array.from({ length }, () => chars[randomInt(chars.length)]).join('');
const hex = (bytes) => Buffer.from(bytes).toString('hex');

/** A short random number that came out all zeros gets a last byte of 1: a secret `a` of zero
 * would make A = 1, which no client sends, and a server's B of zero is refused. */
function nonZero(hexValue) {
  return /^0*$/.test(hexValue) ? `${hexValue.slice(0, -2)}01` : hexValue;
}

/** A random hex number of `bytes` bytes; sometimes with leading zero bytes or the top bit set. */
function randomHex(bytes) {
  const value = randomBytes(bytes);
  const shape = randomInt(4);
  if (shape === 0) value[0] = 0;
  if (shape === 1) value[0] |= 0x80;
  return hex(value);
}

/** B in [1, N) mostly; now and then B >= N (still nonzero mod N) or a short one (never all
 * zeros: a B of zero is refused, as it must be, so it is no case to compare). */
function randomB() {
  const shape = randomInt(10);
  if (shape === 0) return (N + BigInt(randomInt(1, 1 << 30))).toString(16);
  if (shape === 1) return nonZero(randomHex(randomInt(1, 40)));
  return ((BigInt('0x' + randomHex(384)) % (N - 1n)) + 1n).toString(16);
}

function randomCase(i) {
  const region = ['eu-west-1', 'us-east-1', 'ap-northeast-1'][i % 3];
  const smallA = i % 11 === 5 ? nonZero(randomHex(randomInt(1, 16))) : randomHex(128);
  return {
    userPoolId: `${region}_${pick(ALNUM, randomInt(1, 24))}`,
    email: `user${i}@example.com`,
    userIdForSrp: i % 4 === 0 ? pick(PASSWORD_CHARS, randomInt(1, 30)).replace(/\s/g, '_') : randomUUID(),
    password: pick(PASSWORD_CHARS, randomInt(1, 40)),
    smallA,
    srpB: i % 2 ? randomB().toUpperCase() : randomB(),
    salt: randomHex(randomInt(1, 33)),
    secretBlock: randomBytes(randomInt(1, 200)).toString('base64'),
    // From 1970 to 2099, plus single-digit days and hours now and then.
    epochMs: i % 5 === 0 ? Date.UTC(2000 + (i % 99), i % 12, 1 + (i % 9), i % 10, 7, 3) : randomInt(0, 4102444800) * 1000 + randomInt(1000),
  };
}

/** The key the SDK's AuthenticationHelper derives, as hex. */
function sdkKey(c) {
  const helper = new AuthenticationHelper(c.userPoolId.split('_')[1]);
  helper.smallAValue = new BigInteger(c.smallA, 16);
  helper.largeAValue = undefined;
  let key;
  helper.getLargeAValue(() => {
    helper.getPasswordAuthenticationKey(
      c.userIdForSrp,
      c.password,
      new BigInteger(c.srpB, 16),
      new BigInteger(c.salt, 16),
      (error, hkdf) => {
        if (error) throw error;
        key = Buffer.from(hkdf).toString('hex');
      },
    );
  });
  return key;
}

/** The SDK's own sign-in (authenticateUser), with its `a` and clock set to the case's. */
function sdkSignIn(c) {
  const pool = new CognitoUserPool({ UserPoolId: c.userPoolId, ClientId: 'crosscheckclient' });
  const sent = {};
  pool.client = {
    request(operation, params, callback) {
      sent[operation] = params;
      if (operation === 'InitiateAuth') {
        callback(null, {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: c.salt,
            SRP_B: c.srpB,
            SECRET_BLOCK: c.secretBlock,
            USER_ID_FOR_SRP: c.userIdForSrp,
            USERNAME: c.userIdForSrp,
          },
        });
      }
    },
  };
  const user = new CognitoUser({ Username: c.email, Pool: pool });
  const details = new AuthenticationDetails({ Username: c.email, Password: c.password });
  const generate = AuthenticationHelper.prototype.generateRandomSmallA;
  const RealDate = globalThis.Date;
  AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger(c.smallA, 16);
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [c.epochMs]));
    }
  };
  try {
    user.authenticateUser(details, {
      onSuccess() {},
      onFailure(error) {
        throw error;
      },
    });
  } finally {
    AuthenticationHelper.prototype.generateRandomSmallA = generate;
    globalThis.Date = RealDate;
  }
  return sent;
}

/** Our side: the Rust client for every case, in one run of the example binary. */
function ours(cases) {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'leptos-cognito-core', '--example', 'srp_crosscheck'], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `srp_crosscheck failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

const VECTOR = {
  userPoolId: 'eu-west-1_myPool',
  email: 'test@example.com',
  userIdForSrp: 'test',
  password: 'test',
  smallA: '499602d2',
  srpB: '499602d2',
  salt: '499602d2',
  secretBlock: Buffer.from('secretssecrestssecrets').toString('base64'),
  epochMs: Date.UTC(2018, 6, 10, 11, 1, 0),
};

const cases = [VECTOR, ...Array.from({ length: CASES }, (_, i) => randomCase(i))];
const results = ours(cases);

test('the SDK itself reproduces the public vector', () => {
  const sent = sdkSignIn(VECTOR);
  assert.equal(sdkKey(VECTOR), 'd96cde6c95dda17175c1293140c5a81f');
  assert.equal(sent.RespondToAuthChallenge.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE, 'tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk=');
  assert.equal(sent.RespondToAuthChallenge.ChallengeResponses.TIMESTAMP, 'Tue Jul 10 11:01:00 UTC 2018');
});

test('our timestamps follow the SDK across single digits and years', () => {
  const sample = cases.map((c) => {
    const RealDate = globalThis.Date;
    globalThis.Date = class extends RealDate {
      constructor(...args) {
        super(...(args.length ? args : [c.epochMs]));
      }
    };
    try {
      return new DateHelper().getNowString();
    } finally {
      globalThis.Date = RealDate;
    }
  });
  assert.deepEqual(
    results.map((r) => r.respond.TIMESTAMP),
    sample,
  );
});

cases.forEach((c, i) => {
  test(`case ${i}: SRP_A, key and PASSWORD_VERIFIER answer equal the SDK's`, () => {
    const ourResult = results[i];
    assert.ok(!ourResult.error && !ourResult.respond.error, JSON.stringify(ourResult));
    const sent = sdkSignIn(c);
    const context = JSON.stringify(c);
    assert.equal(ourResult.srpA, sent.InitiateAuth.AuthParameters.SRP_A, `SRP_A differs for ${context}`);
    assert.equal(ourResult.key, sdkKey(c), `key differs for ${context}`);
    assert.deepEqual(ourResult.respond, sent.RespondToAuthChallenge.ChallengeResponses, `answer differs for ${context}`);
  });
});
