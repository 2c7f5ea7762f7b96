/**
 * How versions of one record combine, whatever order they arrive in. Each version carries its
 * clock (an HLC string) and the clocks of the versions it was made from. The versions no other
 * known version descends from form the record's frontier; the record shows the frontier's
 * winner — an edit beats a deletion, then the later clock (the clock ends with the installation
 * id, a deterministic tie-break) — and the others wait in the conflicts list. Installations
 * that have seen the same versions hold the same frontier, hence the same record.
 */

export interface Version {
  hlc: string;
  ancestors: readonly string[];
  deleted: boolean;
}

/** At most this many ancestor clocks travel with a version (an older one arriving counts as concurrent). */
export const MAX_ANCESTORS = 50;

export interface Merged<V extends Version> {
  /** The incoming version was already known, or an ancestor of a known one: nothing changes. */
  known: boolean;
  frontier: V[];
  winner: V;
}

export function isKnown(frontier: readonly Version[], incoming: Version): boolean {
  return frontier.some((v) => v.hlc === incoming.hlc || v.ancestors.includes(incoming.hlc));
}

/** Orders concurrent versions: the winner first. */
export function beats(a: Version, b: Version): boolean {
  if (a.deleted !== b.deleted) return !a.deleted;
  return a.hlc > b.hlc;
}

export function winnerOf<V extends Version>(frontier: readonly V[]): V {
  return frontier.reduce((best, v) => (beats(v, best) ? v : best));
}

/** The frontier after `incoming` arrives (frontier must not be empty). */
export function mergeVersion<V extends Version>(frontier: readonly V[], incoming: V): Merged<V> {
  if (isKnown(frontier, incoming)) return { known: true, frontier: [...frontier], winner: winnerOf(frontier) };
  const next = [...frontier.filter((v) => !incoming.ancestors.includes(v.hlc)), incoming];
  return { known: false, frontier: next, winner: winnerOf(next) };
}

/** A new local version made from `base`: it descends from it and from what base descends from. */
export function ancestorsAfter(base: Version | null): string[] {
  return base ? [base.hlc, ...base.ancestors].slice(0, MAX_ANCESTORS) : [];
}
