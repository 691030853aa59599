import { CookieCategory, TransferMechanism } from '@privdesk/domain';

/**
 * What the company's published privacy notice says, written down from the notice itself (not
 * from the seed): the web site's cookie table and the services behind it. The notice rendered
 * from the registers must say the same.
 */
export const NOTICE_COOKIES: Array<{ name: string; provider: RegExp; durationSv: string; category: CookieCategory; ipAnonymised?: true }> = [
  { name: 'cookieyes-consent', provider: /CookieYes/, durationSv: '1 år', category: 'necessary' },
  { name: '__cf_bm', provider: /Cloudflare/, durationSv: '1 timme', category: 'necessary' },
  { name: '_GRECAPTCHA', provider: /Google/, durationSv: '6 månader', category: 'necessary' },
  { name: 'aka_debug', provider: /Vimeo/, durationSv: 'Sessionen (tills webbläsaren stängs)', category: 'optional' },
  { name: '_ga', provider: /Google Analytics.*MonsterInsights/, durationSv: '1 år, 1 månad och 4 dagar', category: 'optional', ipAnonymised: true },
  { name: '_gid', provider: /Google Analytics.*MonsterInsights/, durationSv: '1 dag', category: 'optional', ipAnonymised: true },
  { name: '_gat_gtag_UA_*', provider: /Google Analytics.*MonsterInsights/, durationSv: '1 minut', category: 'optional', ipAnonymised: true },
  { name: '_ga_*', provider: /Google Analytics.*MonsterInsights/, durationSv: '1 år, 1 månad och 4 dagar', category: 'optional', ipAnonymised: true },
  { name: 'vuid', provider: /Vimeo/, durationSv: '1 år, 1 månad och 4 dagar', category: 'optional' },
];

/** Recipients the notice names or implies, where they process and on what ground data leaves the EU/EEA. */
export const NOTICE_RECIPIENTS: Array<{ name: RegExp; countries: string[]; inEu: boolean; transferMechanism: TransferMechanism | null }> = [
  { name: /^Google/, countries: ['IE', 'US'], inEu: false, transferMechanism: 'dpf' },
  { name: /^Vimeo/, countries: ['US'], inEu: false, transferMechanism: 'dpf' },
  { name: /^Cloudflare/, countries: ['US'], inEu: false, transferMechanism: 'dpf' },
  { name: /^CookieYes/, countries: ['GB'], inEu: false, transferMechanism: 'adequacy' },
  { name: /^Klarna$/, countries: ['SE'], inEu: true, transferMechanism: null },
  { name: /^Reklambyrå/, countries: ['SE'], inEu: true, transferMechanism: null },
  { name: /^Tryckeri$/, countries: ['SE'], inEu: true, transferMechanism: null },
  { name: /^IT-partner/, countries: ['SE'], inEu: true, transferMechanism: null },
];

/** Cookies the notice does not list and the web site does not set. */
export const NOT_IN_NOTICE = ['CookieConsent', 'VISITOR_INFO1_LIVE'];
