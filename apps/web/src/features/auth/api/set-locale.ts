import type { Locale } from '../../../lib/i18n/locale.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Saves the language on the user's account so other devices start in it too. */
export function saveLocale(locale: Locale): Promise<{ ok: true }> {
  return apiRequest<{ ok: true }>('/api/v1/auth/locale', { method: 'PUT', json: { locale } });
}
