// The innspill port: input members register on a sak during a meeting.
import type { Innspill, NewInnspill } from '../../innspill/types.ts';

export interface InnspillPort {
  addInnspill(i: NewInnspill): Promise<Innspill>;
  getInnspill(id: number): Promise<Innspill | null>;
  /** Changes an innspill's text (and organisation); only its author's, and not once withdrawn. */
  editInnspill(
    id: number,
    authorId: string,
    change: { text: string; organisation: string | null },
  ): Promise<Innspill | null>;
  withdrawInnspill(id: number, authorId: string): Promise<boolean>;
  /** Innspill not withdrawn, oldest first. */
  listInnspill(filter: { committee: string; meeting: string; sak?: string }): Promise<Innspill[]>;
}
