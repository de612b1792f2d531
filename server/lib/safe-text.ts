/**
 * Characters no person types and that the two databases do not store alike: PostgreSQL refuses
 * NUL outright (`invalid byte sequence for encoding "UTF8": 0x00`), and a lone UTF-16 surrogate
 * becomes U+FFFD on its way to either database, so what is stored would differ from what was
 * sent. Tab, newline and carriage return stay allowed: notes and addresses have lines.
 */
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a control character (other than tab, newline, CR) or a lone surrogate. */
export const isUnsafeText = (text: string): boolean => unsafe.test(text);

const unsafeAll = new RegExp(unsafe.source, 'g');

/** The text without those characters: for text Cartera receives from elsewhere (a register's answer, a public file), not from a user. */
export const withoutUnsafeText = (text: string): string => text.replace(unsafeAll, '');
