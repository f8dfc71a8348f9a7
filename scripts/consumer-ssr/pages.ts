import { Component } from '@angular/core';

@Component({ selector: 'app-home', template: `<p>home</p>` })
export class Home {}
