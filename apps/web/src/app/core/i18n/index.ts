export * from './i18n.service';
export * from './paginator-intl';
export * from './sv';
export * from './t.pipe';
export * from './title-strategy';
