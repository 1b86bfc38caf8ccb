// The action points port: tasks a meeting gave someone, open until marked done.
import type { ActionPoint, ActionStatus, NewActionPoint } from '../../actions/types.ts';

export interface ActionPointsPort {
  addActionPoint(a: NewActionPoint): Promise<ActionPoint>;
  /**
   * Keeps the record's action points not kept yet, by their record key; one already kept stays as
   * it is (done stays done). Safe when several processes import the same points at once.
   */
  importActionPoints(points: NewActionPoint[]): Promise<void>;
  getActionPoint(id: number): Promise<ActionPoint | null>;
  /** Marks an open action point done; null when there is none or it was done already. */
  completeActionPoint(id: number, by: string): Promise<ActionPoint | null>;
  /** Oldest first; every filter given must hold. */
  listActionPoints(filter: ActionPointFilter): Promise<ActionPoint[]>;
}

/** Which action points a list holds: every field given must hold. */
export interface ActionPointFilter {
  committee?: string;
  meeting?: string;
  status?: ActionStatus;
  conversationId?: string;
}
