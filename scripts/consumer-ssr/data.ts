import { Component } from '@angular/core';
import { load, otherOriginUrl, relativeUrl } from './two-requests';

/** Anonymous: renders the answers of a request to another origin and one to its own server. */
@Component({
  selector: 'app-data',
  template: `
    <p id="other">other origin: {{ other() }}</p>
    <p id="relative">relative: {{ relative() }}</p>
  `,
})
export class Data {
  protected readonly other = load(otherOriginUrl());
  protected readonly relative = load(relativeUrl);
}
