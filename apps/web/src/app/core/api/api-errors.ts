import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import type { ApiError } from '@privdesk/domain';
import type { I18n } from '../i18n';

/** The server's `ApiError` body, if the failure carried one. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (!body || typeof body !== 'object') return null;
  const candidate = body as Partial<ApiError> & { message?: unknown };
  const message = Array.isArray(candidate.message) ? candidate.message.join(' ') : candidate.message;
  return {
    statusCode: candidate.statusCode ?? error.status,
    error: candidate.error ?? error.statusText,
    message: typeof message === 'string' ? message : '',
    fields: candidate.fields && typeof candidate.fields === 'object' ? candidate.fields : undefined,
  };
}

export function httpStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
}

/** One sentence for the user about a failed request. */
export function describeError(error: unknown, i18n: I18n): string {
  const status = httpStatus(error);
  const body = apiError(error);
  switch (status) {
    case 0:
      return i18n.t('error.network');
    case 400:
      return body?.fields ? i18n.t('error.validation') : body?.message || i18n.t('error.validation');
    case 403:
      return i18n.t('error.forbidden');
    case 404:
      return i18n.t('error.notFound');
    case 409:
      return i18n.t('error.conflict', { message: body?.message ?? '' });
    default:
      return body?.message && status < 500 ? body.message : i18n.t('error.generic', { status });
  }
}

/**
 * Puts the server's per-field messages (`fields`, keyed by dotted path such as `person.email`)
 * on the matching controls of `form`, whose shape mirrors the request body, and marks them touched
 * so that `mat-error` shows them. The user's input stays as typed. Returns the messages that did
 * not match any control, to be shown above the form.
 *
 * `prefixes`: groups to try when a path does not match as given — the server is not consistent
 * (a 409 on a duplicate personnummer names `personnummer`, a 400 names `person.personnummer`).
 */
export function applyServerErrors(form: AbstractControl, error: unknown, prefixes: readonly string[] = []): string[] {
  const fields = apiError(error)?.fields;
  if (!fields) return [];
  const unmatched: string[] = [];
  for (const [path, messages] of Object.entries(fields)) {
    const control = [path, ...prefixes.map((prefix) => `${prefix}.${path}`)]
      .map((candidate) => form.get(candidate))
      .find((found) => found && !(found instanceof FormGroup) && !(found instanceof FormArray));
    const text = (Array.isArray(messages) ? messages : [String(messages)]).filter(Boolean);
    if (!control) {
      unmatched.push(...text);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: text.join(' ') });
    control.markAsTouched();
  }
  return unmatched;
}

/** Moves focus to the first invalid field inside `host` (after the view shows the errors). */
export function focusFirstInvalid(host: HTMLElement): void {
  setTimeout(() => {
    const field = host.querySelector<HTMLElement>(
      '.mat-form-field-invalid input, .mat-form-field-invalid textarea, .mat-form-field-invalid mat-select, input.ng-invalid',
    );
    field?.focus();
  });
}
