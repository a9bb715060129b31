// What a user's authenticator app does, for the TOTP tests: read the QR code on the page and make
// the one-time codes (RFC 6238 with Cognito's parameters: SHA-1, 6 digits, 30 s steps).
import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { Secret, TOTP } from 'otpauth';
import { PNG } from 'pngjs';

const PERIOD_MS = 30_000;

/**
 * The text of the QR code shown in `locator` (a screenshot of it, decoded). Only dark modules on a
 * light ground count, as most phone apps read them; throws if no code is found.
 */
export async function readQrCode(locator: Locator): Promise<string> {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height, {
    inversionAttempts: 'dontInvert',
  });
  if (code === null) {
    throw new Error(`no QR code (dark on light) found in a ${png.width}×${png.height} px screenshot of ${locator}`);
  }
  return code.data;
}

/** The code an authenticator app shows for `secret` (base32, spaces allowed) at `at` (ms since the epoch). */
export function totpCode(secret: string, at: number = Date.now()): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_MS / 1000,
  });
  return totp.generate({ timestamp: at });
}

/**
 * The code of the 30-second step after the one `at` is in. A code is accepted only once, so a
 * second sign-in within the same step needs this one: send it if the server allows a step of
 * clock drift, or wait `msUntilNextStep()` first.
 */
export function totpCodeForNextStep(secret: string, at: number = Date.now()): string {
  return totpCode(secret, at + PERIOD_MS);
}

/** Milliseconds from `at` until the next 30-second step begins (and its code becomes current). */
export function msUntilNextStep(at: number = Date.now()): number {
  return PERIOD_MS - (at % PERIOD_MS);
}
