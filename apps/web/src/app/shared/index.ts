export * from './autofocus.directive';
export * from './confirm-dialog';
export * from './customer-forms';
export * from './error-text.pipe';
export * from './organisation-fields';
export * from './person-fields';
export * from './privacy-badge';
export * from './refresh-on-form-events';
