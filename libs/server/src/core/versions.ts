import { STALE_VERSION } from '@privdesk/domain';
import { DomainError } from './errors';

/**
 * Refuses an edit based on another version than the stored one. The caller holds the record's row
 * lock (FOR UPDATE), so two editors of the same version cannot both pass.
 */
export function checkVersion(what: string, storedVersion: number, basedOn: number): void {
  if (storedVersion === basedOn) return;
  const message = `${what} was changed by someone else since you opened it: load it again and re-apply your changes`;
  throw new DomainError('conflict', message, { version: [message] }, { code: STALE_VERSION, params: { currentVersion: storedVersion } });
}
