import { createContext, useContext } from 'react';

/** Cross-page links: a record on one page opens a record of another module (e.g. a resource's matching listings). */
export interface Navigator {
  openResource(id: string): void;
  openScenario(id: string): void;
  /** Opens an event's drawer on the 创新活动 page (optional: nested navigators may omit it). */
  openEvent?(id: string): void;
  /** Opens the 创新活动 form pre-filled with a roadshow for this listing (events.roadshowDraft). */
  planRoadshow?(scenarioId: string): void;
  /** Opens the 年度计划 page of `year` at one key work item (重点工作). */
  openWorkItem?(id: string, year: number): void;
  /** Opens 共享申请 at 收到的申请: the requests waiting for this zone's answer. */
  openRequestsToMine?(): void;
}

export const NavigationContext = createContext<Navigator | null>(null);

/** The Shell's navigator; null outside the Shell (links are then not offered). */
export function useNavigator(): Navigator | null {
  return useContext(NavigationContext);
}
