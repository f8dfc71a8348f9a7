import {
  HttpBackend,
  HttpErrorResponse,
  HttpEvent,
  HttpEventType,
  HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { Observable } from 'rxjs';
import { FakeAuthServer } from './fake-auth-server';

/**
 * An `HttpBackend` answered by the in-process server: synchronously (the steady-state measure:
 * no network, no event loop, only the interceptors' CPU cost) or in a microtask (the refresh
 * cycles, where the order of events must look like a network's).
 */
export class InProcessBackend implements HttpBackend {
  constructor(
    private readonly _server: FakeAuthServer,
    private readonly _async: boolean,
  ) {}

  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return new Observable<HttpEvent<unknown>>((observer) => {
      let live = true;
      const respond = () => {
        if (!live) return;
        const authorization = req.headers.get('Authorization');
        const answer = this._server.answer(req.method, req.url, authorization, req.body);
        if (answer.status >= 200 && answer.status < 300) {
          observer.next(
            new HttpResponse({ status: answer.status, body: answer.body, url: req.url }),
          );
          observer.complete();
        } else {
          observer.error(
            new HttpErrorResponse({ status: answer.status, error: answer.body, url: req.url }),
          );
        }
      };
      observer.next({ type: HttpEventType.Sent });
      if (this._async) queueMicrotask(respond);
      else respond();
      return () => {
        live = false;
      };
    });
  }
}
