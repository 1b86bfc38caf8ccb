// A schema change: applied once per store, in version order, and never edited once released.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
