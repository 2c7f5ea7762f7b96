/** Fields every shared record carries, so installations can later exchange records. */
export interface RecordMeta {
  id: string; // ULID: globally unique and sortable by creation time
  ownerZoneId: string | null;
  createdAt: string; // ISO 8601 UTC
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  version: number; // +1 on every change; updates must name the version they read
  deletedAt: string | null; // soft delete
  isDemo: boolean; // 示例数据: labelled in the UI, removable in one action
}

export type Role = 'secretariat' | 'member';
export const ROLES = ['secretariat', 'member'] as const;
