import { Injectable } from '@angular/core';
import { BehaviorSubject } from 'rxjs';

/**
 * The shared state of pattern (b): the `isRefreshing` flag and the `BehaviorSubject` that
 * requests waiting for the refresh subscribe to (`null` while a refresh is running).
 */
@Injectable({ providedIn: 'root' })
export class RefreshQueue {
  isRefreshing = false;
  readonly accessToken$ = new BehaviorSubject<string | null>(null);
}
