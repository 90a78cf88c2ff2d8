// C0 controls other than tab, line feed and carriage return, DEL, and lone surrogates: HTML cannot hold them.
const UNREPRESENTABLE =
  // eslint-disable-next-line no-control-regex -- these are the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for HTML element content and for a double-quoted attribute
 * value: `&`, `<`, `>`, `"` and `'` become character references, so text
 * from the input (deal, owner, team, account names, KPI ids, file names)
 * shows as text and never as markup. Characters HTML cannot hold (C0
 * controls other than tab, line feed and carriage return, lone surrogates)
 * are dropped.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(UNREPRESENTABLE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
