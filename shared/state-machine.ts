import { AppError } from './errors';
import type { Role } from './domain/record';

/**
 * The one state-machine helper: each record family (resources, scenarios, events, requests)
 * declares its states and allowed transitions once; the core asks it before every change,
 * the renderer asks it which buttons to show.
 */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  /** Who may take it: the secretariat, the record's owner zone, or both. */
  by: readonly ('secretariat' | 'owner')[];
  /** A reason the user must give (e.g. returning a submission). */
  requiresComment?: boolean;
}

export interface Actorish {
  role: Role | null;
  zoneId: string | null;
}

export interface Machine<S extends string, A extends string> {
  states: readonly S[];
  transitions: readonly Transition<S, A>[];
  /** Actions this actor may take on a record in `state` owned by `ownerZoneId`. */
  allowed(state: S, actor: Actorish, ownerZoneId: string | null): A[];
  /** The next state, or an AppError in Chinese saying why not. */
  next(state: S, action: A, actor: Actorish, ownerZoneId: string | null, comment?: string): S;
}

export function defineMachine<S extends string, A extends string>(options: {
  states: readonly S[];
  transitions: readonly Transition<S, A>[];
  stateLabels: Record<S, string>;
  actionLabels: Record<A, string>;
}): Machine<S, A> {
  const { transitions, stateLabels, actionLabels } = options;
  const mayAct = (t: Transition<S, A>, actor: Actorish, ownerZoneId: string | null) =>
    (t.by.includes('secretariat') && actor.role === 'secretariat') || (t.by.includes('owner') && actor.zoneId !== null && actor.zoneId === ownerZoneId);

  return {
    states: options.states,
    transitions,
    allowed(state, actor, ownerZoneId) {
      return transitions.filter((t) => t.from.includes(state) && mayAct(t, actor, ownerZoneId)).map((t) => t.action);
    },
    next(state, action, actor, ownerZoneId, comment) {
      const candidates = transitions.filter((t) => t.action === action);
      const transition = candidates.find((t) => t.from.includes(state));
      if (!transition) {
        throw new AppError('CONFLICT', `当前状态为「${stateLabels[state]}」，不能「${actionLabels[action]}」。`);
      }
      if (!mayAct(transition, actor, ownerZoneId)) {
        const who = transition.by.includes('owner') ? '所属高新区或秘书长单位' : '秘书长单位';
        throw new AppError('FORBIDDEN', `只有${who}可以「${actionLabels[action]}」。`);
      }
      if (transition.requiresComment && !comment?.trim()) {
        throw new AppError('VALIDATION', `「${actionLabels[action]}」必须填写理由。`, { comment: '必填' });
      }
      return transition.to;
    },
  };
}
