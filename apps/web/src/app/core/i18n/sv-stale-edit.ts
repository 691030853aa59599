/**
 * Swedish texts of the notice a form shows when someone else saved the record first (409
 * `stale_version`). Spread into `sv`.
 */
export const svStaleEdit = {
  'staleEdit.title': 'Någon annan sparade posten medan du redigerade',
  'staleEdit.theirs': 'De här fälten ändrades av den andra och står nu i formuläret:',
  'staleEdit.none': 'Inget av fälten här ändrades, bara andra delar av posten.',
  'staleEdit.clash': 'ni ändrade båda – ditt värde behålls, kontrollera det',
  'staleEdit.explain': 'Dina ändringar finns kvar. Inget är sparat förrän du sparar igen.',
  'staleEdit.saveAgain': 'Spara mina ändringar igen',
  'staleEdit.discard': 'Släng mina och använd deras',
  'staleEdit.empty': '(tomt)',
  'staleEdit.quickAction': 'Någon annan hade ändrat posten under tiden. Ditt val sparades inte – sidan visar nu det som gäller, välj igen.',
};

export type StaleEditKey = keyof typeof svStaleEdit;
