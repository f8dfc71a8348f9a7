// One color per option, shared by every panel of the chart.
export const COLORS = {
  library: '#1b7f3b',
  'library-single-tab': '#8fcf9f',
  naive: '#d62728',
  queued: '#ff7f0e',
  'ngx-auth': '#9467bd',
  'axios-auth-refresh': '#1f77b4',
  jwt: '#8c564b',
  'jwt-skip-expired': '#c49c94',
  bare: '#7f7f7f',
  'floor-bearer': '#4d4d4d',
  axios: '#aec7e8',
  floor: '#333333',
  baseline: '#7f7f7f',
};
