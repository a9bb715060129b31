// Chromium's virtual authenticator (DevTools Protocol, WebAuthn domain), standing in for a
// device's built-in passkey provider: resident keys, user verification, no dialog.
import type { CDPSession, Page } from '@playwright/test';

export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  /** Adds an authenticator to the page's browser that verifies the user and consents at once. */
  static async add(page: Page): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  /** Whether the user passes verification: false is a user who cancels the prompt. */
  async userVerifies(verified: boolean): Promise<void> {
    await this.cdp.send('WebAuthn.setUserVerified', { authenticatorId: this.id, isUserVerified: verified });
  }

  /** How many passkeys the authenticator holds. */
  async passkeyCount(): Promise<number> {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.id });
    return credentials.length;
  }

  /** Takes the authenticator away, as if the device were gone. */
  async remove(): Promise<void> {
    await this.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: this.id });
  }
}
