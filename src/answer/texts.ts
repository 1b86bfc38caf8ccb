// The sentences answers are made of, in bokmål and English. Decisions and proposals are always
// quoted verbatim in Norwegian; only the frame around them follows the asker's language.
import type { Language } from './types.ts';
import type { Case } from './cases.ts';

export function formatDate(iso: string | null, lang: Language): string {
  if (!iso) return lang === 'en' ? 'date unknown' : 'ukjent dato';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** "sak 9/24 «Evaluering av prismodeller» (NUIT, møte 1/2024, 15.02.2024)" */
export function caseRef(c: Case, lang: Language): string {
  const meeting = c.meeting.includes('/')
    ? lang === 'en'
      ? `meeting ${c.meeting}`
      : `møte ${c.meeting}`
    : c.meeting;
  const labelled = c.meeting.startsWith(c.committee);
  const when =
    labelled && c.meeting.endsWith(formatDate(c.date, lang)) ? '' : `, ${formatDate(c.date, lang)}`;
  return `sak ${c.item.sak} «${c.item.title}» (${labelled ? '' : `${c.committee}, `}${meeting}${when})`;
}

const T = {
  nb: {
    adopted: 'Vedtak',
    proposed: 'Forslag til vedtak',
    outcomeUnknown:
      'Utfallet er ikke i dokumentene: referatet fra dette møtet er ikke lest inn ennå, så bare forslaget er kjent.',
    noDecisionRecorded: 'Dokumentene har verken forslag til vedtak eller vedtak for denne saken.',
    alsoAdopted: 'Vedtatt',
    presentedBy: 'Lagt fram av',
    owner: 'Sakseier',
    handler: 'Saksbehandler',
    type: 'Sakstype',
    time: 'Tidspunkt',
    duration: 'Satt av',
    minutes: 'min',
    day: 'Dag',
    place: 'Sted',
    when: 'Tid',
    present: 'Til stede',
    absent: 'Ikke til stede',
    noneRecorded: 'ingen oppført',
    actionPointsOf: 'Aksjonspunkter i referatet fra',
    noActionPoints: 'Referatet har ingen aksjonspunkter.',
    minutesNotIngested: 'Referatet fra dette møtet er ikke lest inn, så aksjonspunktene er ikke kjent.',
    attendanceUnknown:
      'Dokumentene sier ikke hvem som var til stede eller hadde forfall på dette møtet: referatet med fremmøtet er ikke lest inn.',
    membersUnknown: 'Dokumentene har ingen liste over medlemmene for dette møtet.',
    substitutes: 'Stedfortredere',
    standingInFor: 'for',
    fromSak: 'fra',
    secretariat: 'Sekretariat',
    lastItem: 'Siste sak',
    firstItem: 'Første sak',
    dayEnds: 'Dagen slutter',
    dayStarts: 'Dagen starter',
    agendaOf: 'Dagsorden for',
    itemsWord: 'saker',
    ofType: 'av typen',
    outOf: 'av',
    members: 'Medlemmer',
    meeting: 'Møte',
    history: 'Behandlinger i dokumentene, eldst først:',
    quotedEarlier: 'Tidligere behandlinger slik saksnotatet til',
    prompts: 'Spørsmål og stikkord lagt fram for drøfting i',
    raised: 'Innspill og spørsmål fra møtet, ifølge referatet, i',
    noPrompts: 'Jeg finner ingen egne drøftingsspørsmål for denne saken. Det nærmeste i dokumentene:',
    from: 'Fra',
    standsFor: 'står for',
    usedIn: 'brukt i',
    abbreviationTable: 'etter Møtebots liste over forkortelser',
    abstain: 'Jeg finner ikke svaret på dette i møtedokumentene.',
    noMeetingThen: 'Dokumentene har ikke noe møte',
    meetingsHeld: 'Møtene i dokumentene, eldst først',
    noMeetingAhead: 'Dokumentene har ikke noe {committee}møte etter i dag;',
    latestHeld: 'det siste er',
    nothingThen: 'Dokumentene fra møtet {when} sier ikke noe om dette',
    byEndOf: 'ved utgangen av',
    afterRecord: 'Dokumentene går ikke lenger enn til møtet {last}, og kan ikke si hva som skjedde {when}',
    onDate: 'den',
    inTime: 'i',
    neverMentioned: 'Møtedokumentene nevner ikke',
    nearest: 'Det nærmeste jeg finner er',
    nothing:
      'Ingen møtedokumenter er lest inn ennå. Be sekretariatet lese inn et møtedokument (motebot ingest).',
    innspill: 'Innspill',
    innspillGiven: 'Innspill i møtet',
    named: 'Nevnt i saken',
    notInRecord: 'dokumentene har ikke selve saken',
    nothingSettled:
      'Ingen av vedtakene over tar stilling i saken: de tar den til orientering eller drøfting. Dokumentene viser altså ikke at noe er vedtatt.',
    noneAdopted: 'Dokumentene har ikke noe vedtak om dette, bare forslag.',
    mentionedIn: 'Den omtales i',
  },
  en: {
    adopted: 'Decision (Vedtak)',
    proposed: 'Proposed decision (Forslag til vedtak)',
    outcomeUnknown:
      'The outcome is not in the documents: the minutes of this meeting have not been ingested yet, so only the proposal is known.',
    noDecisionRecorded: 'The documents hold neither a proposed nor an adopted decision for this sak.',
    alsoAdopted: 'Adopted',
    presentedBy: 'Presented by',
    owner: 'Case owner (sakseier)',
    handler: 'Case handler (saksbehandler)',
    type: 'Type (sakstype)',
    time: 'Time',
    duration: 'Time allotted',
    minutes: 'min',
    day: 'Day',
    place: 'Place',
    when: 'Time',
    present: 'Present',
    absent: 'Absent',
    noneRecorded: 'none recorded',
    actionPointsOf: 'Action points in the minutes of',
    noActionPoints: 'The minutes record no action points.',
    minutesNotIngested:
      'The minutes of this meeting have not been ingested, so its action points are not known.',
    attendanceUnknown:
      'The documents do not say who attended this meeting or sent apologies: the minutes with the attendance have not been ingested.',
    membersUnknown: 'The documents hold no list of the members for this meeting.',
    substitutes: 'Substitutes (stedfortredere)',
    standingInFor: 'for',
    fromSak: 'from',
    secretariat: 'Secretariat',
    lastItem: 'Last item',
    firstItem: 'First item',
    dayEnds: 'The day ends at',
    dayStarts: 'The day starts at',
    agendaOf: 'Agenda of',
    itemsWord: 'items',
    ofType: 'of type',
    outOf: 'of',
    members: 'Members',
    meeting: 'Meeting',
    history: 'How the documents record it, oldest first:',
    quotedEarlier: 'Earlier treatments as quoted in the memo of',
    prompts: 'Questions and prompts put to the committee in',
    raised: 'Input and questions from the meeting, as the minutes record them, in',
    noPrompts: 'I find no separate discussion prompts for this sak. The nearest in the documents:',
    from: 'From',
    standsFor: 'stands for',
    usedIn: 'used in',
    abbreviationTable: 'per Møtebot’s list of abbreviations',
    abstain: 'I cannot find the answer to this in the meeting documents.',
    noMeetingThen: 'The documents hold no meeting',
    meetingsHeld: 'The meetings in the documents, oldest first',
    noMeetingAhead: 'The documents hold no {committee}meeting after today;',
    latestHeld: 'the latest is',
    nothingThen: 'The documents of the meeting {when} say nothing on this',
    byEndOf: 'by the end of',
    afterRecord:
      'The documents go no further than the meeting of {last}, so they cannot tell what happened {when}',
    onDate: 'on',
    inTime: 'in',
    neverMentioned: 'The meeting documents never mention',
    nearest: 'The nearest I find is',
    nothing:
      'No meeting documents have been ingested yet. Ask the secretariat to ingest a meeting package (motebot ingest).',
    innspill: 'Input (innspill)',
    innspillGiven: 'Input given in the meeting',
    named: 'Named in the sak',
    notInRecord: 'the documents do not hold sak',
    nothingSettled:
      'None of the decisions above settles the matter: they take it to orientation or discussion. So the documents do not show that anything was adopted.',
    noneAdopted: 'The documents hold no adopted decision on this, only proposals.',
    mentionedIn: 'It is referred to in',
  },
} as const;

export type TextKey = keyof (typeof T)['nb'];

export function t(lang: Language, key: TextKey): string {
  return T[lang][key];
}
