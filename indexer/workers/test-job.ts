/** A job for pool.test.ts: fails (or ends its thread) on request, and returns bytes so moving them is exercised. */
export function testJob(init: { salt: string }): (input: { text: string; fail?: boolean | 'exit' }) => { text: string; bytes: Uint8Array } {
  return ({ text, fail }) => {
    if (fail === 'exit') process.exit(3);
    if (fail) throw new Error(`refused ${text}`);
    return { text: `${init.salt}:${text.toUpperCase()}`, bytes: new TextEncoder().encode(text) };
  };
}
