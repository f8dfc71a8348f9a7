import { ChangeDetectionStrategy, Component } from '@angular/core';

/** A short walkthrough of what to try on the dashboard. */
@Component({
  selector: 'app-guide-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" data-testid="guide-card">
      <header class="card__header">
        <h2 class="card__title">Try it</h2>
      </header>
      <ol class="steps">
        <li>Wait until the access token has expired (or is within 5 s of it).</li>
        <li><strong>Fire 20 requests</strong>: the server counts a single refresh.</li>
        <li>Switch on a fault and fire again: the refresh fails, you stay signed in.</li>
        <li>Call the partner API: it never receives your token.</li>
        <li>
          Open the dashboard in a second tab: it joins this session. Sign out there: this tab shows
          the session ended.
        </li>
      </ol>
    </article>
  `,
  styles: `
    .steps {
      margin: 0;
      padding-left: 1.2rem;
      display: grid;
      gap: 0.55rem;
      color: var(--muted);
    }
    .steps strong {
      color: var(--text);
    }
  `,
})
export class GuideCard {}
