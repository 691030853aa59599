import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MAT_TOOLTIP_DEFAULT_OPTIONS, MatTooltip } from '@angular/material/tooltip';
import { LEGAL_BASIS_LABELS, Privacy, seededPolicy } from '@privdesk/domain';
import { I18n } from '../core/i18n';

/**
 * Why a record is kept and until when: legal basis and deadline in view; purpose and the rule
 * in words in a tooltip and, for screen readers, as visually hidden text.
 */
@Component({
  selector: 'app-privacy-badge',
  imports: [MatTooltip],
  // The app's only tooltip; its timings live here so that dialogs (created from the root injector)
  // get them too and the initial bundle does not carry the tooltip.
  providers: [{ provide: MAT_TOOLTIP_DEFAULT_OPTIONS, useValue: { showDelay: 300, hideDelay: 0, touchendHideDelay: 1500 } }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="badge"
      [class.open-ended]="!privacy().retainUntil"
      data-testid="privacy-badge"
      tabindex="0"
      [matTooltip]="details()"
      matTooltipClass="privacy-tooltip"
    >
      <span class="basis" data-testid="legal-basis">{{ legalBasis() }}</span>
      <span class="dot" aria-hidden="true">·</span>
      <span class="until" data-testid="retain-until">{{ retainUntil() }}</span>
      <span class="cdk-visually-hidden">({{ details() }})</span>
    </span>
  `,
  styles: `
    :host {
      display: inline-block;
      max-width: 100%;
    }
    .badge {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.3em;
      padding: 0.1em 0.6em;
      border-radius: 1em;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
      line-height: 1.6;
      white-space: nowrap;
      cursor: help;
    }
    .badge.open-ended {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .badge:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .basis {
      font-weight: 600;
    }
  `,
})
export class PrivacyBadge {
  private readonly i18n = inject(I18n);

  readonly privacy = input.required<Privacy>();

  readonly legalBasis = computed(() => {
    const labels = LEGAL_BASIS_LABELS[this.privacy().legalBasis];
    return labels ? labels[this.i18n.lang()] : this.privacy().legalBasis;
  });

  readonly retainUntil = computed(() => {
    const date = this.privacy().retainUntil;
    return date ? this.i18n.t('privacy.keptUntil', { date }) : this.i18n.t('privacy.keptWhileAgreement');
  });

  readonly purpose = computed(() => {
    const code = this.privacy().purpose;
    const policy = seededPolicy(code);
    return policy ? `${code} ${policy.purpose[this.i18n.lang()]}` : code;
  });

  readonly rule = computed(() => (this.i18n.lang() === 'sv' ? this.privacy().ruleSv : this.privacy().rule));

  readonly details = computed(
    () =>
      `${this.i18n.t('privacy.purpose')}: ${this.purpose()}. ` +
      `${this.i18n.t('privacy.legalBasis')}: ${this.legalBasis()}. ` +
      `${this.i18n.t('privacy.rule')}: ${this.rule()}.`,
  );
}
