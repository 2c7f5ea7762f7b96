/** What the preload script exposes to the renderer as `window.alliance`: the contract, nothing else. */
export interface AllianceBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}
