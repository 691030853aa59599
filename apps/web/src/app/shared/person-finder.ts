import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PersonSearchResult } from '@privdesk/domain';
import { catchError, debounceTime, filter, map, of, switchMap } from 'rxjs';
import { PeopleApi, PERSON_SEARCH_MIN_LENGTH } from '../core/api/people.api';
import { TranslatePipe, TranslationKey } from '../core/i18n';

/**
 * "Find the person": type a name, e-mail, phone or personnummer and pick from the people Privdesk
 * holds data about (admin only, the People search). Emits the picked person; the box then clears.
 */
@Component({
  selector: 'app-person-finder',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="finder">
      <mat-label>{{ label() | t }}</mat-label>
      <input matInput type="search" [formControl]="text" [matAutocomplete]="auto" autocomplete="off" spellcheck="false" data-testid="person-finder" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="choose($event)" [displayWith]="display">
        @for (option of options(); track option.person.id) {
          <mat-option [value]="option">
            <span class="name">{{ option.person.fullName }}</span>
            <span class="sub"
              >{{ option.person.email ?? '' }}{{ option.person.phone ? ' · ' + option.person.phone : '' }} ·
              {{ 'finder.records' | t: { n: option.records.length } }}</span
            >
          </mat-option>
        }
        @if (searched() && !options().length) {
          <mat-option disabled>{{ (suppressed() ? 'finder.suppressed' : 'finder.none') | t }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'finder.hint' | t }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .finder {
      width: 100%;
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PersonFinder {
  private readonly api = inject(PeopleApi);

  readonly label = input<TranslationKey>('finder.label');
  readonly picked = output<PersonSearchResult>();

  protected readonly text = new FormControl<string | PersonSearchResult>('', { nonNullable: true });
  protected readonly options = signal<PersonSearchResult[]>([]);
  protected readonly searched = signal(false);
  protected readonly suppressed = signal(false);
  protected readonly display = (value: string | PersonSearchResult | null) => (typeof value === 'string' || !value ? (value ?? '') : value.person.fullName);

  constructor() {
    this.text.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        // Every settled value searches, the same name typed again after a pick too (a refused link is chosen again).
        debounceTime(250),
        switchMap((q) =>
          q.length < PERSON_SEARCH_MIN_LENGTH
            ? of(null)
            : this.api.search(q).pipe(catchError(() => of({ people: [] as PersonSearchResult[], suppressed: false }))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((response) => {
        this.options.set(response?.people ?? []);
        this.suppressed.set(response?.suppressed ?? false);
        this.searched.set(response !== null);
      });
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as PersonSearchResult);
    this.text.setValue('', { emitEvent: false });
    this.options.set([]);
    this.searched.set(false);
  }
}
