// What a service answers when it will not do what was asked: a code (for logs and tests) and, in
// this one table, the text a member reads, in bokmål and English. `{name}` marks a value the
// refusal carries. A test keeps codes and texts unique, and the placeholders the same in both.
import type { Language } from './answer/types.ts';

export const REFUSALS = {
  unknown_action: {
    nb: 'Denne handlingen kjenner jeg ikke igjen, så ingenting ble endret.',
    en: 'I do not recognise this action, so nothing was changed.',
  },
  meeting_not_found: {
    nb: 'Jeg finner ingen møteinnkalling for «{label}» i dokumentene.',
    en: 'I find no meeting invitation for "{label}" in the documents.',
  },
  sak_not_on_agenda: {
    nb: 'Sak {sak} står ikke på agendaen for møte {meeting}. Ingenting ble lagret.',
    en: 'Item {sak} is not on the agenda of meeting {meeting}. Nothing was saved.',
  },

  poll_create_moderators_only: {
    nb: 'Her er det bare sekretariatet og møtearrangøren som kan lage avstemninger.',
    en: 'Here only the secretariat and the meeting organiser can create polls.',
  },
  poll_not_found: {
    nb: 'Denne avstemningen finner jeg ikke, så ingenting ble endret.',
    en: 'I cannot find this poll, so nothing was changed.',
  },
  poll_none_open: {
    nb: 'Det er ingen åpen avstemning i denne samtalen.',
    en: 'There is no open poll in this conversation.',
  },
  poll_closed: {
    nb: 'Avstemningen er lukket, så svaret ble ikke registrert.',
    en: 'The poll is closed, so your answer was not recorded.',
  },
  poll_already_closed: {
    nb: 'Avstemningen var allerede lukket.',
    en: 'The poll was already closed.',
  },
  poll_close_not_allowed: {
    nb: 'Bare den som laget avstemningen, sekretariatet og møtearrangøren kan lukke den.',
    en: 'Only whoever created the poll, the secretariat and the meeting organiser can close it.',
  },
  poll_question_missing: {
    nb: 'Skriv spørsmålet, for eksempel «avstemning Hva er viktigst? | A | B».',
    en: 'Write the question, for example "poll What matters most? | A | B".',
  },
  poll_too_few_options: {
    nb: 'Gi minst to alternativer, skilt med «|»: «avstemning Hva er viktigst? | A | B».',
    en: 'Give at least two options, separated by "|": "poll What matters most? | A | B".',
  },
  poll_too_many_options: {
    nb: 'Høyst {max} alternativer.',
    en: 'At most {max} options.',
  },
  poll_form_options: {
    nb: 'Gi mellom 2 og {max} alternativer, ett per linje.',
    en: 'Give between 2 and {max} options, one per line.',
  },
  vote_pick_option: {
    nb: 'Velg et av alternativene. Ingenting ble endret.',
    en: 'Pick one of the options. Nothing was changed.',
  },
  vote_pick_one: {
    nb: 'Velg ett alternativ. Ingenting ble endret.',
    en: 'Pick a single option. Nothing was changed.',
  },
  vote_too_many_picks: {
    nb: 'Du kan velge høyst {max}. Ingenting ble endret.',
    en: 'You can pick at most {max}. Nothing was changed.',
  },
  vote_rating_range: {
    nb: 'Gi en vurdering fra 1 til 5. Ingenting ble endret.',
    en: 'Give a rating from 1 to 5. Nothing was changed.',
  },
  vote_rank_all: {
    nb: 'Ranger alle alternativene. Ingenting ble endret.',
    en: 'Rank all the options. Nothing was changed.',
  },
  vote_rank_twice: {
    nb: 'Hvert alternativ kan bare stå på én plass. Ingenting ble endret.',
    en: 'Each option can hold only one place. Nothing was changed.',
  },
  vote_text_missing: {
    nb: 'Skriv et svar. Ingenting ble endret.',
    en: 'Write an answer. Nothing was changed.',
  },
  vote_words_missing: {
    nb: 'Skriv ett til tre ord. Ingenting ble endret.',
    en: 'Write one to three words. Nothing was changed.',
  },
  vote_too_many_words: {
    nb: 'Høyst tre ord. Ingenting ble endret.',
    en: 'At most three words. Nothing was changed.',
  },

  innspill_which_sak: {
    nb: 'Hvilken sak? Skriv «innspill», saksnummeret og teksten, for eksempel «innspill N/ÅÅ: …».',
    en: 'Which item? Write "input", the item number and the text, for example "input N/YY: …".',
  },
  innspill_sak_unknown: {
    nb: 'Jeg finner ingen møteinnkalling med sak {sak} i dokumentene.',
    en: 'I find no meeting invitation with item {sak} in the documents.',
  },
  innspill_no_meeting: {
    nb: 'Jeg finner ingen møteinnkalling å gi innspill til ennå.',
    en: 'I find no meeting invitation to give input to yet.',
  },
  innspill_meeting_over: {
    nb: 'Møtet {meeting} er over, så det tar ikke imot flere innspill.',
    en: 'Meeting {meeting} is over, so it takes no more input.',
  },
  innspill_gone: {
    nb: 'Dette innspillet finnes ikke lenger, så ingenting ble endret.',
    en: 'This input no longer exists, so nothing was changed.',
  },
  innspill_not_author: {
    nb: 'Bare den som ga innspillet, kan endre eller trekke det tilbake.',
    en: 'Only whoever gave the input can change or withdraw it.',
  },
  innspill_locked: {
    nb: 'Møtet {meeting} er over, så innspillet kan ikke endres lenger.',
    en: 'Meeting {meeting} is over, so the input can no longer be changed.',
  },
  action_moderators_only: {
    nb: 'Bare sekretariatet og møtearrangøren kan legge til aksjonspunkter eller markere dem som utført.',
    en: 'Only the secretariat and the meeting organiser can add action points or mark them done.',
  },
  action_which_sak: {
    nb: 'Hvilken sak? Skriv for eksempel «aksjonspunkt N/ÅÅ: hva som skal gjøres ansvarlig: hvem frist: dato».',
    en: 'Which item? Write for example "action point N/YY: what is to be done owner: who due: date".',
  },
  action_text_missing: {
    nb: 'Skriv hva som skal gjøres, for eksempel «aksjonspunkt N/ÅÅ: hva som skal gjøres ansvarlig: hvem».',
    en: 'Write what is to be done, for example "action point N/YY: what is to be done owner: who".',
  },
  action_sak_unknown: {
    nb: 'Jeg finner ingen møteinnkalling med sak {sak} i dokumentene, så aksjonspunktet ble ikke lagret.',
    en: 'I find no meeting invitation with item {sak} in the documents, so the action point was not saved.',
  },
  action_not_found: {
    nb: 'Jeg finner ikke aksjonspunkt {id}, så ingenting ble endret.',
    en: 'I cannot find action point {id}, so nothing was changed.',
  },
  action_already_done: {
    nb: 'Aksjonspunkt {id} var allerede markert som utført.',
    en: 'Action point {id} was already marked done.',
  },

  export_moderators_only: {
    nb: 'Bare sekretariatet og møtearrangøren kan eksportere innspill.',
    en: 'Only the secretariat and the meeting organiser can export input.',
  },

  question_not_found: {
    nb: 'Dette spørsmålet finner jeg ikke, så ingenting ble endret.',
    en: 'I cannot find this question, so nothing was changed.',
  },
  question_moderators_only: {
    nb: 'Bare sekretariatet og møtearrangøren kan markere spørsmål som besvart eller skjule dem.',
    en: 'Only the secretariat and the meeting organiser can mark questions answered or hide them.',
  },

  meeting_set_not_allowed: {
    nb: 'Bare sekretariatet eller møtearrangøren kan knytte samtalen til et møte.',
    en: 'Only the secretariat or the meeting organiser can tie the conversation to a meeting.',
  },
  sak_which: {
    nb: 'Hvilken sak? Skriv «sak» og saksnummeret, for eksempel «sak N/ÅÅ».',
    en: 'Which item? Write "item" and its number, for example "item N/YY".',
  },
  sak_needs_meeting: {
    nb: 'Knytt først samtalen til et møte med «møte» og møtets nummer, for eksempel «møte N/ÅÅÅÅ».',
    en: 'First tie the conversation to a meeting with "meeting" and its number, for example "meeting N/YYYY".',
  },
  sak_change_not_allowed: {
    nb: 'Bare sekretariatet og møtearrangøren kan bytte sak.',
    en: 'Only the secretariat and the meeting organiser can change the item.',
  },
  sak_no_more: {
    nb: 'Det er ingen flere saker på agendaen.',
    en: 'There are no more items on the agenda.',
  },

  subscription_which: {
    nb: 'Hvilket utvalg? Skriv for eksempel «abonner NUIT» eller «abonner NUFA».',
    en: 'Which committee? Write for example "subscribe NUIT" or "subscribe NUFA".',
  },
  unsubscription_which: {
    nb: 'Hvilket utvalg? Skriv for eksempel «avslutt abonnement NUIT».',
    en: 'Which committee? Write for example "unsubscribe NUIT".',
  },
  subscription_not_allowed: {
    nb: 'Bare sekretariatet eller den som la Møtebot til i samtalen (i et møte: møtearrangøren) kan endre abonnementene her.',
    en: 'Only the secretariat or whoever added Møtebot to this conversation (in a meeting: the organiser) can change its subscriptions.',
  },
  subscription_exists: {
    nb: 'Denne samtalen følger allerede {committee}.',
    en: 'This conversation already follows {committee}.',
  },
  subscription_missing: {
    nb: 'Denne samtalen følger ikke {committee}.',
    en: 'This conversation does not follow {committee}.',
  },

  upload_unsupported_type: {
    nb: 'Jeg kan ikke lese inn «{file}»: filtypen støttes ikke. Send møtedokumenter som {types}.',
    en: 'I cannot add «{file}»: that file type is not supported. Send meeting documents as {types}.',
  },

  upload_unreachable: {
    nb: 'Jeg fikk ikke tak i filen «{file}». Prøv å sende den på nytt.',
    en: 'I could not get hold of the file «{file}». Please send it again.',
  },
  download_too_large: {
    nb: '«{file}» er for stor; største tillatte størrelse er {mb} MB.',
    en: '«{file}» is too large; the largest allowed is {mb} MB.',
  },
  download_failed: {
    nb: 'Jeg klarte ikke å laste ned «{file}». Prøv å sende den på nytt.',
    en: 'I could not download «{file}». Please send it again.',
  },
  download_timed_out: {
    nb: '«{file}» ble ikke lastet ned innen {seconds} sekunder. Prøv å sende den på nytt.',
    en: '«{file}» did not download within {seconds} seconds. Please send it again.',
  },
  download_stopped: {
    nb: 'Møtebot ble stoppet mens «{file}» ble lastet ned. Prøv å sende den på nytt om litt.',
    en: 'Møtebot was stopped while «{file}» was downloading. Please send it again in a moment.',
  },

  upload_secretariat_only: {
    nb: 'Beklager, bare sekretariatet kan legge inn møtedokumenter. Send gjerne dokumentet til sekretariatet, så legger de det inn.',
    en: 'Sorry, only the secretariat can add meeting documents. Send the document to the secretariat and they will add it.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type RefusalCode = keyof typeof REFUSALS;
export type RefusalParams = Record<string, string | number>;

export interface Refusal {
  code: RefusalCode;
  params?: RefusalParams;
}

/** What a service returns: the view model it was asked for, or why not (`refusal` only then). */
export type Result<T> = { ok: true; value: T; refusal?: never } | { ok: false; refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (code: RefusalCode, params?: RefusalParams): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: params ? { code, params } : { code },
});

/** The refusal as a member reads it. */
export function refusalText(refusal: Refusal, lang: Language = 'nb'): string {
  return REFUSALS[refusal.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(refusal.params?.[name] ?? whole),
  );
}
