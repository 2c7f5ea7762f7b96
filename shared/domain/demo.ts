export interface DemoSummary {
  /** How many demo records of each entity were added or removed. */
  counts: Record<string, number>;
}
