import { ApiError, NETWORK_ERROR_TEXT, toApiError } from './api-error.ts';

/**
 * The one way the web app talks to the server: same-origin cookies, the CSRF header on
 * every write, and failures turned into a typed ApiError.
 */
let csrfToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for the rare request made outside apiFetch (an upload with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any request (other than the session probe) answers 401. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is with `contentType` (file uploads). */
  raw?: Blob | ArrayBuffer;
  contentType?: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** The session probe handles its own 401 (it means "signed out", not "expired"). */
  quietUnauthorized?: boolean;
}

export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.raw !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    body = opts.raw;
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path + toQueryString(opts.query), {
      method, headers, body, credentials: 'same-origin', signal: opts.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'internal', NETWORK_ERROR_TEXT);
  }
  if (res.ok) return res;

  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    payload = null;
  }
  const error = toApiError(res.status, payload);
  if (res.status === 401 && !opts.quietUnauthorized) onUnauthorized();
  throw error;
}

/** A JSON request; resolves with the parsed body. */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Downloads a file answer (Excel export, template) under the name the server suggests. */
export async function apiDownload(path: string, query: Record<string, QueryValue> | undefined, fallbackName: string): Promise<void> {
  const res = await apiFetch(path, { query });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : plain?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
