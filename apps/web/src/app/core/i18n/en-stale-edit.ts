import type { StaleEditKey } from './sv-stale-edit';

/** English texts of the notice a form shows when someone else saved the record first. Spread into `en`. */
export const enStaleEdit: Record<StaleEditKey, string> = {
  'staleEdit.title': 'Someone else saved this record while you were editing',
  'staleEdit.theirs': 'They changed these fields; their values are now in the form:',
  'staleEdit.none': 'None of the fields here changed, only other parts of the record.',
  'staleEdit.clash': 'you both changed it – your value is kept, check it',
  'staleEdit.explain': 'Your changes are kept. Nothing is saved until you save again.',
  'staleEdit.saveAgain': 'Save my changes again',
  'staleEdit.discard': 'Discard mine and use theirs',
  'staleEdit.empty': '(empty)',
  'staleEdit.quickAction': 'Someone else had changed this record in the meantime. Your choice was not applied – the page now shows what is saved, choose again.',
};
