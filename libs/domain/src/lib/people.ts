/**
 * One person per e-mail address: addresses are compared trimmed and in lower case, so
 * `Anna@Example.se ` and `anna@example.se` are the same person. The stored address keeps the case
 * it was typed in.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The same address, whatever its case and surrounding spaces. */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normaliseEmail(a) === normaliseEmail(b);
}
