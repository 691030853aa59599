import { BUSINESS_TIME_ZONE } from '@privdesk/domain';

const instantFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant as `YYYY-MM-DD HH:mm`, Stockholm time (Swedish locale formats dates as ISO). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return instantFormat.format(date).replace(',', '');
}

/** The `YYYY-MM-DD` part of an ISO instant or date, in Stockholm. */
export function formatDate(iso: string | null | undefined): string {
  return formatInstant(iso).slice(0, 10);
}

/** '' and whitespace become null; other strings are trimmed. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}
