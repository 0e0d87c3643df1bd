/**
 * Remembers, across the redirect to the sign-in page, that a signed-in user was sent there
 * because the server no longer knew their session (idle timeout, sign-out elsewhere).
 */
const KEY = 'kehu.sessionExpired';

export function markSessionExpired(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // storage unavailable: the sign-in page just shows no notice
  }
}

/** True once after a session expired; reading clears it. */
export function takeSessionExpired(): boolean {
  try {
    const v = sessionStorage.getItem(KEY) === '1';
    sessionStorage.removeItem(KEY);
    return v;
  } catch {
    return false;
  }
}
