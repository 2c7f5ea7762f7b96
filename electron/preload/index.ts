import { contextBridge, ipcRenderer } from 'electron';
import { PRINT_TO_PDF_CHANNEL, type AllianceBridge } from '../../shared/bridge';
import { failedInvoke, isAllowedChannel, refusedChannel } from './channel-filter';

/**
 * The renderer's only door to the main process: one `invoke` per contract call, and
 * printing the page to PDF (desktop only). No ipcRenderer, no Node, no events are exposed, so a compromised page can do nothing the
 * contract does not already allow (and the main process checks the sender and the input).
 */
const bridge: AllianceBridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isAllowedChannel(channel)) return Promise.resolve(refusedChannel(channel));
    try {
      return ipcRenderer.invoke(channel, input).catch(() => failedInvoke());
    } catch {
      return Promise.resolve(failedInvoke());
    }
  },
  printToPdf(suggestedName: string): Promise<unknown> {
    return ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, typeof suggestedName === 'string' ? suggestedName.slice(0, 80) : '').catch(() => failedInvoke());
  },
};

contextBridge.exposeInMainWorld('alliance', bridge);
