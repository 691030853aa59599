import { HttpInterceptorFn } from '@angular/common/http';

/** How long a repeated identical submission counts as the same one (a double click, a retry). */
export const SAME_SUBMISSION_MS = 30_000;

/**
 * The key of a POST: the same for the same URL and body sent again within half a minute, so the
 * server makes one ticket of a double submit and one mailing of a retried send; a new key for
 * anything else. Multipart bodies (files) get a key of their own.
 */
export function idempotencyKeys(now: () => number = Date.now, newKey: () => string = () => crypto.randomUUID()) {
  const recent = new Map<string, { key: string; at: number }>();
  return (url: string, body: unknown): string => {
    const time = now();
    for (const [fingerprint, entry] of recent) if (time - entry.at > SAME_SUBMISSION_MS) recent.delete(fingerprint);
    if (body instanceof FormData || body instanceof Blob) return newKey();
    const fingerprint = `${url}\n${JSON.stringify(body ?? null)}`;
    const earlier = recent.get(fingerprint);
    if (earlier) return earlier.key;
    const key = newKey();
    recent.set(fingerprint, { key, at: time });
    return key;
  };
}

const keyFor = idempotencyKeys();

// Signing in and out are not creates: a second sign-in must start a session of its own.
export const idempotencyInterceptor: HttpInterceptorFn = (request, next) =>
  request.method === 'POST' && request.url.startsWith('/api/') && !request.url.startsWith('/api/auth/') ? next(request.clone({ setHeaders: { 'Idempotency-Key': keyFor(request.url, request.body) } })) : next(request);
