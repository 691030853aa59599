import { idempotencyKeys, SAME_SUBMISSION_MS } from './idempotency.interceptor';

describe('idempotency keys of the web app', () => {
  const clock = (start = 0) => {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('sends the same key for the same submission again within half a minute, a new one after', () => {
    const time = clock();
    const keyFor = idempotencyKeys(time.now, counter());
    const first = keyFor('/api/tickets', { subject: 'Skrivare' });
    time.advance(SAME_SUBMISSION_MS - 1);
    expect(keyFor('/api/tickets', { subject: 'Skrivare' })).toBe(first);
    time.advance(2);
    expect(keyFor('/api/tickets', { subject: 'Skrivare' })).not.toBe(first);
  });

  it('sends another key for another body or another address', () => {
    const keyFor = idempotencyKeys(clock().now, counter());
    const first = keyFor('/api/tickets', { subject: 'Skrivare' });
    expect(keyFor('/api/tickets', { subject: 'Router' })).not.toBe(first);
    expect(keyFor('/api/quotes', { subject: 'Skrivare' })).not.toBe(first);
  });

  it('gives every upload a key of its own', () => {
    const keyFor = idempotencyKeys(clock().now, counter());
    expect(keyFor('/api/applicants', new FormData())).not.toBe(keyFor('/api/applicants', new FormData()));
  });
});
