import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '../core/i18n';

/**
 * The states above a list: the progress slot (a bar while loading), the load error with a Retry
 * button, and the empty message. The page projects its own texts:
 *
 * ```html
 * <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && rows().length === 0" (retry)="load()">
 *   <ng-container listStateError>{{ 'rows.loadError' | t }}</ng-container>
 *   <ng-container listStateEmpty>{{ 'rows.empty' | t }}</ng-container>
 * </app-list-state>
 * ```
 *
 * The host takes no box of its own (`display: contents`), so the page lays the states out as if
 * they were its own; their look comes from `.progress-slot`, `.error-state` and `.empty-state` in
 * the global styles.
 */
@Component({
  selector: 'app-list-state',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
      }
    </div>
    @if (error()) {
      <div class="error-state" role="alert">
        <p><ng-content select="[listStateError]" /> {{ errorText() }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
      </div>
    }
    @if (empty()) {
      <div class="empty-state">
        <p><ng-content select="[listStateEmpty]" /></p>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ListState {
  /** Shows the indeterminate bar; the slot keeps its height either way, so nothing jumps. */
  readonly loading = input(false);
  /** The load error, if any: anything truthy shows the error state. */
  readonly error = input<unknown>(null);
  /** The described error, after the projected `[listStateError]` text. */
  readonly errorText = input('');
  /** Shows the projected `[listStateEmpty]` message. */
  readonly empty = input(false);
  /** The Retry button in the error state. */
  readonly retry = output();
}
