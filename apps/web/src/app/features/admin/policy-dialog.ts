import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EXPIRY_ACTIONS, ExpiryAction, LEGAL_BASES, LEGAL_BASIS_LABELS, LegalBasis, PolicyChangePreview, PolicyView, TaskView } from '@privdesk/domain';
import { map, startWith, Subscription } from 'rxjs';
import { PoliciesApi } from '../../core/api/admin.api';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { RetentionApi } from '../../core/api/retention.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe, isStaleEdit, StaleEdit, StaleEditNotice } from '../../shared';
import { policyChanges, PolicyForm, policyForm, PolicyFormValue, RULE_FIELDS, RuleField, ruleFromValues } from './policy-form';
import { expiryActionKey } from './retention/retention-labels';
import { isActive, pollTask } from './retention/task-polling';
import { TaskProgress } from './retention/task-progress';
import { ruleInWords } from './rule-words';

export interface PolicyDialogData {
  policy: PolicyView;
}

/**
 * Edits a policy: the rule's numbers (by its kind), what happens at expiry, the legal basis and the
 * texts. "Preview" shows what the change would do before anything is saved; after saving, the
 * recomputation of every deadline is followed here.
 */
@Component({
  selector: 'app-policy-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    TaskProgress,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policy-dialog.html',
  styles: `
    .group {
      margin: 0 0 0.75rem;
      padding: 0;
      border: none;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 0.5rem;
      padding: 0;
    }
    .kind,
    .words {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .outcome {
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      p {
        margin: 0.25rem 0;
      }
    }
    .warn {
      font-weight: 600;
    }
    .field-grid {
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    }
  `,
})
export class PolicyDialog {
  private readonly api = inject(PoliciesApi);
  private readonly retention = inject(RetentionApi);
  protected readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<PolicyDialogData>(MAT_DIALOG_DATA);

  /** The policy as the form was loaded from it (after someone else's save: as stored now); what the changes are measured against. */
  protected readonly policy = signal(this.data.policy);
  protected readonly form: PolicyForm = policyForm(this.data.policy);
  protected readonly kind = this.data.policy.rule.kind;
  protected readonly ruleFields = RULE_FIELDS[this.kind];
  protected readonly actions = EXPIRY_ACTIONS;
  protected readonly kindKey = `ruleKind.${this.kind}` as const;
  protected readonly actionKey = expiryActionKey;
  protected readonly actionLabel = computed(() => this.i18n.t(expiryActionKey(this.value().expiryAction)).toLowerCase());
  protected readonly actionHintKey = (action: ExpiryAction) => `expiryActionHint.${action}` as const;
  protected readonly bases = LEGAL_BASES;
  protected readonly basisLabels = LEGAL_BASIS_LABELS;
  protected readonly textGroups = [
    { name: 'purpose', label: 'policies.col.purpose' },
    { name: 'dataCategories', label: 'policies.col.categories' },
    { name: 'clockStarts', label: 'policies.col.clockStarts' },
  ] as const;

  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(null), map(() => this.form.getRawValue() as PolicyFormValue)), {
    requireSync: true,
  });
  protected readonly changes = computed(() => policyChanges(this.policy(), this.value()));
  protected readonly changed = computed(() => Object.keys(this.changes()).length > 0);
  /** The rule in words as it would read after saving. */
  protected readonly ruleWords = computed(() => {
    const value = this.value();
    const rule = ruleFromValues(this.kind, value.rule);
    const lang = this.i18n.lang();
    return rule ? ruleInWords({ ...this.policy(), rule, clockStarts: { sv: value.clockStarts.sv.trim(), en: value.clockStarts.en.trim() } }, lang) : '';
  });

  /** The version a save is based on; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit(
    (policy: PolicyView) => policyForm(policy).getRawValue(),
    {
      labels: {
        'rule.months': 'policyEdit.field.months',
        'rule.yearsAfterEnd': 'policyEdit.field.yearsAfterEnd',
        'rule.monthsWithoutAgreement': 'policyEdit.field.monthsWithoutAgreement',
        'rule.years': 'policyEdit.field.years',
        expiryAction: 'policyEdit.expiryAction',
        legalBasis: 'policies.col.legalBasis',
        ...Object.fromEntries(
          this.textGroups.flatMap(({ name, label }) =>
            (['sv', 'en'] as const).map((lang) => [`${name}.${lang}`, () => `${this.i18n.t(label)} (${this.i18n.t(`language.${lang}`)})`]),
          ),
        ),
      },
      show: (field, value) => {
        if (field === 'expiryAction') return this.i18n.t(expiryActionKey(value as ExpiryAction));
        if (field === 'legalBasis') return LEGAL_BASIS_LABELS[value as LegalBasis]?.[this.i18n.lang()];
        return undefined;
      },
    },
    this.data.policy,
  );

  protected readonly busy = signal<'preview' | 'save' | null>(null);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly preview = signal<PolicyChangePreview | null>(null);
  protected readonly task = signal<TaskView | null>(null);
  private poll: Subscription | null = null;

  constructor() {
    // A preview shows what the form said then; after an edit it no longer applies.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.preview.set(null));
    inject(DestroyRef).onDestroy(() => this.poll?.unsubscribe());
  }

  protected ruleLabel(field: RuleField): string {
    return this.i18n.t(`policyEdit.field.${field}`);
  }

  protected runPreview(): void {
    if (!this.check()) return;
    this.busy.set('preview');
    this.errors.set([]);
    this.api.preview(this.policy().code, this.changes()).subscribe({
      next: (preview) => {
        this.busy.set(null);
        this.preview.set(preview);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected save(): void {
    if (this.task() || !this.check()) {
      // Saving again after someone else's save, when the form now says what they saved: nothing is left to do.
      if (!this.busy() && !this.changed()) this.stale.conflict.set(null);
      return;
    }
    this.busy.set('save');
    this.errors.set([]);
    this.api.update(this.policy().code, { ...this.changes(), version: this.stale.version }).subscribe({
      next: ({ policy, task }) => {
        this.busy.set(null);
        this.preview.set(null);
        this.policy.set(policy);
        this.stale.start(policy);
        this.task.set(task);
        this.form.disable({ emitEvent: false });
        if (isActive(task)) {
          this.poll = pollTask((id) => this.retention.task(id), task.id).subscribe({ next: (current) => this.task.set(current) });
        }
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private check(): boolean {
    if (this.busy()) return false;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return false;
    }
    return this.changed();
  }

  protected discardMine(): void {
    this.form.reset(this.stale.discard());
  }

  /** Someone else saved the policy first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(): void {
    const code = this.policy().code;
    this.api.list().subscribe({
      next: (policies) => {
        this.busy.set(null);
        const current = policies.find((policy) => policy.code === code);
        if (!current) {
          this.errors.set([() => this.i18n.t('error.notFound')]);
          return;
        }
        const merged = this.stale.merge(current, this.form.getRawValue());
        this.policy.set(current);
        this.form.setValue(merged);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    if (isStaleEdit(error)) {
      this.mergeTheirs();
      return;
    }
    this.busy.set(null);
    const unmatched = applyServerErrors(this.form, error);
    this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
    focusFirstInvalid(this.host.nativeElement);
  }
}
