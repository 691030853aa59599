import { ChangeDetectorRef, inject, Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AbstractControl } from '@angular/forms';
import { switchMap } from 'rxjs';

/**
 * An OnPush component that renders a form group it got from its parent does not notice when the
 * parent marks the group touched (submit) or puts server errors on it. This re-renders it on any
 * of the group's events. Call in an injection context.
 */
export function refreshOnFormEvents(group: Signal<AbstractControl>): void {
  const changeDetector = inject(ChangeDetectorRef);
  toObservable(group)
    .pipe(
      switchMap((control) => control.events),
      takeUntilDestroyed(),
    )
    .subscribe(() => changeDetector.markForCheck());
}
