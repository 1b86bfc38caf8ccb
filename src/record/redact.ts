// Personal data removed at ingest: Norwegian national identity numbers (fødselsnummer/D-nummer,
// only when both check digits are valid), personal phone numbers and personal e-mail addresses.
// Role and system addresses (postmottak@, nasjonalt.portefoljekontor@, NILAR-internet@ …) are kept:
// they are how the public reaches an organisation. Personal ones look like names or initials
// (ola.nordmann@, bet@); a role word or a hyphenated system name marks a functional address.

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const r = 11 - (weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11);
  return r === 11 ? 0 : r;
}

/** True for an 11-digit number whose two mod-11 check digits are valid and whose date part is plausible. */
export function isNationalId(s: string): boolean {
  const d = s.replace(/\D/g, '').split('').map(Number);
  if (d.length !== 11) return false;
  const day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  // D-numbers add 4 to the first digit; H-numbers and synthetic numbers add 40/80 to the month.
  const realDay = day > 40 ? day - 40 : day;
  const realMonth = month % 40;
  if (realDay < 1 || realDay > 31 || realMonth < 1 || realMonth > 12) return false;
  const k1 = checkDigit(d, W1);
  if (k1 === 10 || k1 !== d[9]) return false;
  const k2 = checkDigit(d, W2);
  return k2 !== 10 && k2 === d[10];
}

// Not inside a longer number, a decimal ("2,5") or a sak id ("12/24"); punctuation after is fine.
const NATIONAL_ID = /(?<!\d|\d[.,/])(\d{6})[ ]?(\d{5})(?!\d|[.,/]\d)/g;
// +47 / 0047 and 8 digits grouped as phone numbers are: 12 34 56 78, 123 45 678, 1234 5678.
const PHONE_GROUPED =
  /(?<!\d|\d[.,/])(?:(?:\+|00)47[ ]?)?(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{4} \d{4})(?!\d| \d|[.,/]\d)/g;
// A bare 8-digit run counts only behind a phone word or a country code.
const PHONE_CONTEXT =
  /\b((?:tlf|telefon|mobil|mob|tel|phone)\.?:?\s*)((?:\+|00)47[ ]?)?(\d{8})\b|(?:\+|00)47[ ]?\d{8}\b/gi;
const EMAIL = /\b[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[a-z]{2,}\b/giu;
const ROLE_ADDRESS =
  /^([\w.-]*(postmottak|post|kontakt|kontor|servicedesk|service|support|info|sekretariat|personvern|noreply)[\w.-]*|[\w.]*-[\w.-]*|nuit|nufa)@/i;

export interface Redaction {
  text: string;
  counts: { nationalId: number; phone: number; email: number };
}

export function redact(text: string): Redaction {
  const counts = { nationalId: 0, phone: 0, email: 0 };
  let out = text.replace(NATIONAL_ID, (m) =>
    isNationalId(m) ? (counts.nationalId++, '[fødselsnummer fjernet]') : m,
  );
  out = out.replace(EMAIL, (m) => (ROLE_ADDRESS.test(m) ? m : (counts.email++, '[e-post fjernet]')));
  out = out.replace(
    PHONE_CONTEXT,
    (m, word?: string) => (counts.phone++, `${word ?? ''}[telefonnummer fjernet]`),
  );
  out = out.replace(PHONE_GROUPED, (m) => {
    // Money and counts are grouped like phone numbers too ("2 400 000"); real numbers start 2–9.
    const digits = m.replace(/\D/g, '').replace(/^(00)?47/, '');
    if (digits.length !== 8 || !/^[2-9]/.test(digits)) return m;
    counts.phone++;
    return '[telefonnummer fjernet]';
  });
  return { text: out, counts };
}
