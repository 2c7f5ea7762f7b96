/**
 * seq → small integer (a position or a slot), -1 when absent. seqs are INTEGER PRIMARY KEY
 * values, normally dense from 1, so a typed array indexed by seq is the fast path (a Map
 * lookup costs ~10× more in the hot loops); a Map takes over if they are very sparse.
 */
export class SeqIndex {
  private table: Int32Array | null;
  private map: Map<number, number> | null = null;

  constructor(maxSeq: number, count: number) {
    this.table = maxSeq <= count * 4 + 1024 ? new Int32Array(maxSeq + 1).fill(-1) : null;
    if (!this.table) this.map = new Map();
  }

  get(seq: number): number {
    if (this.table) return seq >= 0 && seq < this.table.length ? (this.table[seq] as number) : -1;
    return (this.map as Map<number, number>).get(seq) ?? -1;
  }

  set(seq: number, value: number): void {
    if (this.table && seq >= 0 && seq < this.table.length * 4 + 1024) {
      if (seq >= this.table.length) {
        const grown = new Int32Array(Math.max(seq + 1, this.table.length * 2)).fill(-1);
        grown.set(this.table);
        this.table = grown;
      }
      this.table[seq] = value;
      return;
    }
    if (!this.map) {
      // Too sparse for the table after all: move what it holds into a Map.
      this.map = new Map();
      const table = this.table as Int32Array;
      for (let s = 0; s < table.length; s++) if ((table[s] as number) >= 0) this.map.set(s, table[s] as number);
      this.table = null;
    }
    this.map.set(seq, value);
  }
}
