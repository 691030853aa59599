import { Injectable, signal } from '@angular/core';

/**
 * The last URL of each list (with its filters, search and page), so that a record's "back" link
 * returns to the list as the user left it.
 */
@Injectable({ providedIn: 'root' })
export class ListMemory {
  private readonly urls = signal<Readonly<Record<string, string>>>({});

  remember(list: string, url: string): void {
    this.urls.update((urls) => ({ ...urls, [list]: url }));
  }

  /** The remembered URL, or the list's plain path. */
  url(list: string): string {
    return this.urls()[list] ?? list;
  }
}
