/** Whether `value` is a string with something other than whitespace in it. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
