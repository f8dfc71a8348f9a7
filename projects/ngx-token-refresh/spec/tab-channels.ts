// Helpers for the specs of the cross-tab parts on the real platform APIs (BroadcastChannel, Web
// Locks, localStorage): a fresh key for each spec, and its channels, locks and markers cleaned up.
import { TabChannel } from '../src/tab-channel';
import { uniqueKey } from './spec-helpers';

/** A promise the spec settles by hand; the fixture settles any it left open. */
export interface Gate {
  readonly promise: Promise<void>;
  release(): void;
}

export interface TabChannels {
  /** This spec's key, fresh for each spec. */
  key: string;
  /** Opens a channel of this spec's key (or of `key`), closed after the spec. */
  open(key?: string): TabChannel;
  /** A gate, released after the spec if the spec left it closed. */
  gate(): Gate;
}

/**
 * Call in a `describe`: each spec gets a fresh key; after it, its gates are released, its channels
 * closed and the key's markers removed from localStorage.
 */
export function useTabChannels(): TabChannels {
  let opened: TabChannel[] = [];
  let gates: Gate[] = [];
  const fixture: TabChannels = {
    key: '',
    open(key = fixture.key) {
      const channel = TabChannel.open(key);
      if (!channel) throw new Error('this browser should have BroadcastChannel and Web Locks');
      opened.push(channel);
      return channel;
    },
    gate() {
      let release!: () => void;
      const promise = new Promise<void>((resolve) => (release = resolve));
      gates.push({ promise, release });
      return { promise, release };
    },
  };
  beforeEach(() => {
    fixture.key = uniqueKey();
    opened = [];
    gates = [];
  });
  afterEach(() => {
    gates.forEach((gate) => gate.release());
    opened.forEach((channel) => channel.close());
    localStorage.removeItem(markerKey(fixture.key));
    localStorage.removeItem(`${markerKey(fixture.key)}:session`);
  });
  return fixture;
}

/** Where the channels of `key` keep their revision marker (shared by every tab of the origin). */
export function markerKey(key: string): string {
  return `ngx-token-refresh:${key}`;
}

export function neverAborted(): AbortSignal {
  return new AbortController().signal;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
