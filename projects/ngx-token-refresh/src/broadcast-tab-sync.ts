import { DestroyRef, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { lockedRefresh } from './locked-refresh';
import { toStored } from './session';
import { SessionStore } from './session-store';
import { TabChannel, TabMessage } from './tab-channel';
import type { TabNews, TabSync } from './tab-sync';
import { TokenPair } from './token-pair';

/**
 * How long a new tab waits at most for an open tab to answer its hello. It waits at all only when
 * another tab is open and the newest news was a session, and a signed-in tab answers within a few
 * ms; the bound is for tabs that cannot answer (frozen, or a machine under load, where 150 ms sent
 * a new tab to the login page just before the session arrived).
 */
const JOIN_MS = 1000;

/**
 * Shares the session between the tabs of one origin over a `TabChannel`: numbers every change
 * with a revision (so late news never undoes newer news), lets a new tab join the session of
 * the open tabs, and runs refreshes one tab at a time. Created by `createTabSync()` in an
 * injection context.
 */
export class BroadcastTabSync implements TabSync {
  private readonly _store = inject(SessionStore);
  private _handler: (news: TabNews) => void = () => undefined;
  /**
   * The newest revision this tab has applied; 0 (unknown) until the join settles when the tab
   * starts with a stored session, which may be older than what open tabs hold.
   */
  private _revision: number;
  /**
   * The `rank()` of the news of `_revision`, or `null` while only its number is known (read from
   * storage): then news of that revision is still news.
   */
  private _rank: number | null = null;
  private _joining: Promise<void> | null;
  private _joined: () => void = () => undefined;

  constructor(private readonly _channel: TabChannel) {
    const stored = this._store.session() !== null;
    this._revision = stored ? 0 : _channel.readRevision();
    _channel.listen((message) => this._receive(message));
    inject(DestroyRef).onDestroy(() => _channel.close());
    // Without a session of its own, a tab has nothing to join unless the newest news was one:
    // it starts at once, and its first requests go out without waiting.
    if (!stored && !_channel.sessionAnnounced()) {
      this._joining = null;
      return;
    }
    this._joining = new Promise<void>((resolve) => (this._joined = resolve)).then(() => {
      const stored = this._channel.readRevision();
      if (stored > this._revision) this._rank = null;
      this._revision = Math.max(this._revision, stored);
      this._joining = null;
    });
    _channel.post({ type: 'hello' });
    setTimeout(() => this._joined(), JOIN_MS);
    void _channel.othersOpen().then((others) => {
      if (others) return;
      // Alone and without a session: the mark was left by tabs that are gone.
      if (this._joining && !this._store.session()) _channel.forgetSessionMark();
      this._joined();
    });
  }

  joining(): Promise<void> | null {
    return this._joining;
  }

  announce(news: TabNews): void {
    this._joined(); // this tab's own news is the newest: nothing left to join
    this._revision = Math.max(this._revision, this._channel.readRevision()) + 1;
    this._rank = rank(news);
    this._channel.writeRevision(this._revision, news.type === 'tokens');
    this._channel.post({ ...news, revision: this._revision });
  }

  listen(handler: (news: TabNews) => void): void {
    this._handler = handler;
  }

  locked(refresh: () => Observable<TokenPair>, timeoutMs: number): Observable<TokenPair> {
    return lockedRefresh(this._channel, timeoutMs, { revision: () => this._revision, refresh });
  }

  /** Applies what another tab announced, when it is newer than what this tab knows. */
  private _receive(message: TabMessage): void {
    if (message.type === 'hello') return this._answerHello();
    if (message.type === 'none') return this._joined();
    // At this tab's own revision: news when only the number is known, or when it outranks.
    const mayEqual = this._rank === null || rank(message) > this._rank;
    if (message.revision < this._revision || (message.revision === this._revision && !mayEqual)) {
      return;
    }
    this._revision = message.revision;
    this._rank = rank(message);
    this._handler(
      message.type === 'tokens'
        ? { type: 'tokens', tokens: message.tokens }
        : { type: message.type },
    );
    if (message.type === 'tokens') this._joined();
  }

  /** A joined tab tells a new one its session, or that it has none. */
  private _answerHello(): void {
    if (this._joining) return;
    const session = this._store.session();
    this._channel.post(
      session
        ? { type: 'tokens', revision: this._revision, tokens: toStored(session) }
        : { type: 'none', revision: this._revision },
    );
  }
}

/**
 * Which of two news that two tabs numbered alike (both read the revision before either's write
 * showed) every tab keeps: an end (logout, expiry) over a sign-in, a sign-in over a refresh's
 * tokens (or a hello's answer, which is never news to a tab that has news of its revision).
 */
function rank(news: TabNews | TabMessage): number {
  return news.type !== 'tokens' ? 2 : news.signIn ? 1 : 0;
}
