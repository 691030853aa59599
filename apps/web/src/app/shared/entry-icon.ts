import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TicketEntryKind } from '@privdesk/domain';

/** Material Symbols paths (Apache 2.0), inline: no icon font may be loaded. */
const PATHS: Record<TicketEntryKind, string> = {
  // sticky note
  note: 'M5 21q-.825 0-1.412-.587Q3 19.825 3 19V5q0-.825.588-1.413Q4.175 3 5 3h14q.825 0 1.413.587Q21 4.175 21 5v10l-6 6Zm9-2v-5h5V5H5v14Zm-7-6h4v-2H7Zm0-4h10V7H7Z',
  // mail
  message: 'M4 20q-.825 0-1.412-.587Q2 18.825 2 18V6q0-.825.588-1.412Q3.175 4 4 4h16q.825 0 1.413.588Q22 5.175 22 6v12q0 .825-.587 1.413Q20.825 20 20 20Zm8-7L4 8v10h16V8Zm0-2 8-5H4Z',
  // schedule
  time: 'm15.3 16.7 1.4-1.4-3.7-3.7V7h-2v5.4ZM12 22q-2.075 0-3.9-.788-1.825-.787-3.175-2.137-1.35-1.35-2.137-3.175Q2 14.075 2 12t.788-3.9q.787-1.825 2.137-3.175 1.35-1.35 3.175-2.137Q9.925 2 12 2t3.9.788q1.825.787 3.175 2.137 1.35 1.35 2.137 3.175Q22 9.925 22 12t-.788 3.9q-.787 1.825-2.137 3.175-1.35 1.35-3.175 2.137Q14.075 22 12 22Zm0-2q3.325 0 5.663-2.337Q20 15.325 20 12t-2.337-5.663Q15.325 4 12 4T6.338 6.337Q4 8.675 4 12t2.338 5.663Q8.675 20 12 20Z',
  // build (wrench)
  part: 'M21.7 18.6 13 9.9q.35-.95.313-2.025Q13.275 6.8 12.8 5.8 12.05 4.2 10.425 3.45 8.8 2.7 7.1 3.1L10 6 8 8 5.1 5.1q-.4 1.7.35 3.325t2.35 2.375q1 .475 2.075.512 1.075.038 2.025-.312l8.7 8.7q.3.3.7.3.4 0 .7-.3l.7-.7q.3-.3.3-.7 0-.4-.3-.7Z',
};

/** The icon of a ticket entry's kind; decorative (the kind is also written next to it). */
@Component({
  selector: 'app-entry-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" [attr.d]="paths[kind()]" /></svg>`,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
})
export class EntryIcon {
  readonly kind = input.required<TicketEntryKind>();
  protected readonly paths = PATHS;
}
