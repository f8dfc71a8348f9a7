// Runs a command in a pseudo-terminal (util-linux `script`), as a user at a terminal runs it, and
// answers its prompts: for the consumer checks of what the Angular CLI asks interactively.
import { spawn } from 'node:child_process';

/** The output as a user reads it: without the terminal's colour and cursor sequences. */
const plain = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

/**
 * Runs `command` in `cwd` at a terminal and, for each `[question, keys]` of `answers` in turn,
 * waits until the output shows `question` (a RegExp), then types `keys`. Resolves with the plain
 * output when the command exits 0; rejects when it fails, or when a question has not shown up
 * (or the command has not ended) within `timeout` ms, then kills it.
 */
export function answerPrompts(
  command,
  cwd,
  answers,
  { env = process.env, timeout = 120_000 } = {},
) {
  const started = Date.now();
  // -e: the command's exit status; -f: flush at once, so each prompt shows before it waits.
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...env, NG_CLI_ANALYTICS: 'false' },
  });
  let output = '';
  let asked = 0; // answers[0..asked) typed
  let seen = 0; // where the next question is looked for
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(deadline);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {} // already gone
      reject(new Error(`\`${command}\` ${why}:\n${plain(output).slice(-3000)}`));
    };
    const deadline = setTimeout(() => {
      const waiting = answers[asked]?.[0];
      fail(waiting ? `never asked ${waiting} within ${timeout / 1000} s` : 'did not end in time');
    }, timeout);
    const onData = (chunk) => {
      output += chunk;
      while (asked < answers.length) {
        const [question, keys] = answers[asked];
        const text = plain(output).slice(seen);
        const match = question.exec(text);
        if (!match) return;
        seen += match.index + match[0].length;
        asked++;
        child.stdin.write(keys);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      if (code !== 0) return fail(`exited with ${code}`);
      clearTimeout(deadline);
      if (asked < answers.length) return fail(`ended without asking ${answers[asked][0]}`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[prompts] $ ${command}  (${seconds} s, exit 0, ${asked} answers)`);
      resolve(plain(output));
    });
  });
}
