// The meeting record: what a meeting package says, in the shape the rest of Møtebot reads.
// A package holds the invited meeting (role "innkalling": agenda and proposals) and, attached,
// the minutes of the previous meeting (role "referat": adopted decisions and innspill).

export type MeetingRole = 'innkalling' | 'referat';

/** Where a piece of text stands in its source, so a citation can point at it. */
export interface Locator {
  /** 1-based line in the extracted text where the text starts. */
  line: number;
  /** 1-based line where the text ends (passages). */
  endLine?: number;
  /** 1-based page, for paged sources (PDF; a slide deck's slide is a page). */
  page?: number;
  /** Headings the text stands under (passages): the sak, then its section ("Hensikt med saken"). */
  headingPath?: string[];
}

/** One heading + text section of a toppnotat (case memo), e.g. "Hensikt med saken". */
export interface MemoSection {
  heading: string;
  text: string;
}

export interface AgendaItem {
  /** Sak id as printed, normalised to `N/YY` (e.g. "12/24"). Unique only within (committee, meeting). */
  sak: string;
  title: string;
  /** Godkjenning, Orientering, Drøfting, Tilslutning, Anbefaling; null for Eventuelt. */
  sakstype: string | null;
  /** ISO date of the day the sak is handled (multi-day meetings), else the meeting date. */
  day: string | null;
  /** "HH:MM" Europe/Oslo. */
  start_time: string | null;
  /** "HH:MM"; derived from the next agenda row when only a start is printed. */
  end_time: string | null;
  /** Minutes set aside, when printed or derivable. */
  duration_minutes: number | null;
  /** Who presents the sak (persons and/or organisation, as printed). */
  presenter: string | null;
  /** Sakseier / "Fra" in the toppnotat. */
  case_owner: string | null;
  /** Saksbehandler. */
  case_handler: string | null;
  /** Forslag til vedtak, verbatim (lines joined, markup removed). */
  proposed_decision: string | null;
  /** The adopted Vedtak (only in a referat), verbatim. */
  adopted_decision: string | null;
  /** Short description of the sak in the agenda/detail table. */
  description: string | null;
  /** Discussion text of the referat for this sak. */
  minutes: string | null;
  /** Innspill bullets recorded in the referat. */
  innspill: string[];
  /** Aksjonspunkt recorded in the referat. */
  action_points: string[];
  /** Discussion prompts put to the committee (NUFA: "Spørsmål til NUFA", "Stikkord", "Drøftingstema"). */
  discussion_prompts: string[];
  /** Things the sak names on lines of their own in guillemets: scenarios, trials, concepts. */
  named_items: string[];
  /** Toppnotat sections for this sak. */
  memo: MemoSection[];
  /** Slide text for this sak (NUFA decks), cleaned, in reading order. */
  slides: string | null;
  /** Attachments listed for the sak ("Vedlegg 1: …"). */
  attachments: string[];
  locator: Locator;
}

/** A member's substitute as the referat names them: "Maren Krogh for Anne-Lise Härter". */
export interface Substitute {
  name: string;
  /** The member stood in for, as printed. */
  for?: string;
  /** From when, when printed: "sak 5/24", "kl. 13.00". */
  from?: string;
}

export interface Meeting {
  /** "NUIT" | "NUFA" (other committees pass through as printed, upper-cased). */
  committee: string;
  /** Meeting number "N/YYYY" when printed (NUIT); null for meetings named only by date (NUFA). */
  meeting: string | null;
  /** ISO date of the (first) day. */
  date: string | null;
  /** All ISO dates for multi-day meetings (first = date). */
  dates: string[];
  /** Time as printed, e.g. "11:00 – 14:00". */
  time: string | null;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  role: MeetingRole;
  /** "ekstramøte" and similar, when printed. */
  meeting_kind: string | null;
  members_invited: string[];
  members_present: string[];
  members_absent: string[];
  members_substitutes: Substitute[];
  /** The secretariat's people at the meeting (Direktoratet for e-helse, later Helsedirektoratet). */
  secretariat: string[];
  items: AgendaItem[];
  locator: Locator;
}

/** A parsed document: all meetings found in one file. */
export interface ParsedDocument {
  meetings: Meeting[];
}

/** Kinds of searchable passage (the `kind` of a citation). Innspill registered in Teams come later. */
export type PassageKind = 'adopted' | 'proposed' | 'minutes' | 'memo' | 'agenda' | 'slides' | 'innspill';

/** A citable unit of text derived from the record. */
export interface Passage {
  /** Stable within a store: `${documentId}:${n}`. */
  id: string;
  committee: string;
  /** "N/YYYY", or a label like "NUFA 27.10.2021" when the meeting has no number. */
  meeting: string;
  date: string | null;
  sak: string | null;
  title: string | null;
  kind: PassageKind;
  text: string;
  /** File name of the source document. */
  source: string;
  locator: Locator;
}
