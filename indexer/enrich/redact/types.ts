/** Kinds of personal data the depersonaliser masks. */
export type EntityType = 'iin' | 'bin' | 'phone' | 'email' | 'address' | 'account' | 'plate' | 'handle' | 'name';

/** A span of the input to be replaced, with offsets in characters of the input. */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  /** Text that replaces the span. */
  replacement: string;
}

/** A candidate span before overlap resolution; `priority` breaks ties between overlapping finders. */
export interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  /** For names: the identity key (normalised surname stem) so one person gets one placeholder. */
  person?: string;
}
