import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

/**
 * A field people never see and bots fill in (`website`): moved off-screen rather than
 * `display: none`, which many bots skip; out of the tab order and hidden from screen readers.
 */
@Component({
  selector: 'app-honeypot',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="honeypot" aria-hidden="true">
      <label for="website-field">Website</label>
      <input id="website-field" type="text" name="website" [formControl]="control()" tabindex="-1" autocomplete="off" />
    </div>
  `,
  styles: `
    .honeypot {
      position: absolute;
      left: -10000px;
      top: auto;
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
  `,
})
export class Honeypot {
  readonly control = input.required<FormControl<string>>();
}
