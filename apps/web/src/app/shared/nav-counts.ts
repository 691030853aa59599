import { Injector } from '@angular/core';
import { InquiryCount, RequestCount } from './rights-counts';
import { TaskCount } from './task-count';

/** The menu's count badges. Loaded by the app shell only once someone is signed in. */
export interface NavCounts {
  task: TaskCount;
  request: RequestCount;
  inquiry: InquiryCount;
}

export function navCounts(injector: Injector): NavCounts {
  return { task: injector.get(TaskCount), request: injector.get(RequestCount), inquiry: injector.get(InquiryCount) };
}
