import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import type { Transport } from './transport';

/** A failed call, carrying the core's code, Chinese message and per-field messages. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly fields: Record<string, string>;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.fields = shape.fields ?? {};
  }
}

export interface ApiClient {
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/** The renderer's one way to reach the core, the same over IPC or HTTP. */
export function createClient(transport: Transport): ApiClient {
  return {
    async call(channel, input) {
      const result = await transport(channel, input ?? {});
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
  };
}
