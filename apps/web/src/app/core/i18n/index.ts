export * from './i18n.service';
export * from './sv';
export * from './t.pipe';
export * from './title-strategy';
