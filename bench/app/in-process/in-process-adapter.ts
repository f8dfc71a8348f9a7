import { AxiosAdapter, AxiosError, AxiosResponse } from 'axios';
import { FakeAuthServer } from './fake-auth-server';

/** An axios adapter answered by the in-process server (axios settles adapters in promises). */
export function inProcessAdapter(server: FakeAuthServer): AxiosAdapter {
  return (config) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const authorization = config.headers?.get('Authorization');
      const data = typeof config.data === 'string' ? JSON.parse(config.data) : config.data;
      const method = (config.method ?? 'get').toUpperCase();
      const answer = server.answer(
        method,
        config.url ?? '',
        typeof authorization === 'string' ? authorization : null,
        data,
      );
      const response: AxiosResponse = {
        data: answer.body,
        status: answer.status,
        statusText: '',
        headers: {},
        config,
        request: {},
      };
      if (answer.status >= 200 && answer.status < 300) return resolve(response);
      const message = `Request failed with status code ${answer.status}`;
      reject(new AxiosError(message, AxiosError.ERR_BAD_REQUEST, config, {}, response));
    });
}
