import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a-device-password-key-of-32-chars-or-more');

  it.each(['hunter2', 'lösenord med åäö', '', 'x'.repeat(500)])('opens what it sealed: %s', (secret) => {
    expect(box.open(box.seal(secret))).toBe(secret);
  });

  it('seals the same secret differently each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered ciphertext', () => {
    const [version, iv, tag, ciphertext] = box.seal('secret').split('.');
    const flipped = Buffer.from(ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64')].join('.'))).toThrow();
  });

  it('cannot be opened with another key', () => {
    expect(() => new SecretBox('another-key-that-is-also-32-characters-long').open(box.seal('secret'))).toThrow();
  });
});
