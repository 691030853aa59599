import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import type { CertificateCheck, CertificateView } from '@privdesk/domain';
import { describeError } from '../../../core/api/api-errors';
import { RETENTION_DOWNLOADS, RetentionApi } from '../../../core/api/retention.api';
import { formatInstant } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe, ListState } from '../../../shared';
import { extractId, OUTCOMES, outcomeKey, RECORD_TYPES, RecordType, recordTypeKey } from './retention-labels';
import { RetentionNav } from './retention-nav';
import { idValidator } from './validators';

/** Deletion certificates: the proof of each cull, and "was this record culled?". */
@Component({
  selector: 'app-certificates',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListState,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    RetentionNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './certificates.html',
  styleUrl: './certificates.scss',
})
export class CertificatesPage {
  private readonly api = inject(RetentionApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);

  protected readonly downloads = RETENTION_DOWNLOADS;
  protected readonly formatInstant = formatInstant;
  protected readonly outcomes = OUTCOMES;
  protected readonly outcomeKey = outcomeKey;
  protected readonly recordTypes = RECORD_TYPES;
  protected readonly recordTypeKey = recordTypeKey;

  protected readonly certificates = signal<CertificateView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  /** Ids of the certificates whose details are open. */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  private readonly openParam = toSignal(this.route.queryParamMap);

  protected readonly checkForm = new FormGroup({
    recordType: new FormControl<RecordType>('person', { nonNullable: true, validators: [Validators.required] }),
    id: new FormControl('', { nonNullable: true, validators: [Validators.required, idValidator] }),
  });
  protected readonly checking = signal(false);
  protected readonly checkResult = signal<CertificateCheck | null>(null);
  protected readonly checkError = signal('');

  constructor() {
    this.load();
    // A finished task links here with `?open=<certificate id>`: open it and bring it into view.
    effect(() => {
      const open = this.openParam()?.get('open');
      if (!open || !this.certificates().some((c) => c.id === open)) return;
      this.expanded.update((ids) => new Set([...ids, open]));
      setTimeout(() => document.getElementById(`certificate-${open}`)?.scrollIntoView({ block: 'center' }));
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.certificates().subscribe({
      next: (certificates) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.certificates.set(certificates);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected toggle(id: string): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected typeLabel(type: string): string {
    const key = recordTypeKey(type);
    return key ? this.i18n.t(key) : type;
  }

  protected check(): void {
    if (this.checking()) return;
    if (this.checkForm.invalid) {
      this.checkForm.markAllAsTouched();
      return;
    }
    const { recordType, id } = this.checkForm.getRawValue();
    this.checking.set(true);
    this.checkError.set('');
    this.checkResult.set(null);
    this.api.check(recordType, extractId(id) ?? id).subscribe({
      next: (result) => {
        this.checking.set(false);
        this.checkResult.set(result);
      },
      error: (error: unknown) => {
        this.checking.set(false);
        this.checkError.set(describeError(error, this.i18n));
      },
    });
  }

  /** Jumps to a certificate named by a check's match. */
  protected show(id: string): void {
    this.expanded.update((ids) => new Set([...ids, id]));
    setTimeout(() => {
      const row = document.getElementById(`certificate-${id}`);
      row?.scrollIntoView({ block: 'center' });
      row?.querySelector<HTMLElement>('button')?.focus();
    });
  }
}
