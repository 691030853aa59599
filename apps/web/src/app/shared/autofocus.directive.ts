import { afterNextRender, Directive, ElementRef, inject, input } from '@angular/core';

/** Focuses its element once it is rendered (the first field of a form). */
@Directive({ selector: '[appAutofocus]' })
export class AutofocusDirective {
  readonly appAutofocus = input<boolean | ''>(true);

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => {
      if (this.appAutofocus() !== false) element.nativeElement.focus();
    });
  }
}
