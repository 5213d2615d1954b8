import type { SignalApi } from '@backstage/plugin-signals-react';
import { act } from '@testing-library/react';

type Message = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/**
 * A signals API the test pushes messages through, as the app's would from
 * the backend's websocket (jsdom cannot run the real signals backend).
 */
export function mockSignals() {
  const subscribers = new Map<string, Set<(message: Message) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      const listener = onMessage as (message: Message) => void;
      set.add(listener);
      return { unsubscribe: () => set.delete(listener) };
    },
  };
  const send = (channel: string, message: Message) =>
    act(() => subscribers.get(channel)?.forEach(listener => listener(message)));
  return { api, send };
}

/** A signal's message about request `requestId`, as the backend sends it. */
export const accessRequestSignal = (requestId: string, change = 'create') => ({
  requestId,
  change,
  status: 'pending',
});
