// Innspill (input) members register for a sak during a meeting, with who gave it and for whom.
export interface Innspill {
  id: number;
  committee: string;
  meeting: string;
  sak: string;
  conversationId: string;
  /** aadObjectId of the author, from the authenticated activity. */
  authorId: string;
  authorName: string;
  /** "på vegne av": the organisation the innspill is given for, if any. */
  organisation: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the author withdrew it; a withdrawn innspill is kept but never shown or exported. */
  withdrawnAt: string | null;
}

export type NewInnspill = Pick<
  Innspill,
  'committee' | 'meeting' | 'sak' | 'conversationId' | 'authorId' | 'authorName' | 'organisation' | 'text'
>;
