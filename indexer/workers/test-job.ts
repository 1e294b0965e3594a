/** A job for pool.test.ts: fails on request, and returns bytes so moving them is exercised. */
export function testJob(init: { salt: string }): (input: { text: string; fail?: boolean }) => { text: string; bytes: Uint8Array } {
  return ({ text, fail }) => {
    if (fail) throw new Error(`refused ${text}`);
    return { text: `${init.salt}:${text.toUpperCase()}`, bytes: new TextEncoder().encode(text) };
  };
}
