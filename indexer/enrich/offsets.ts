/**
 * JavaScript strings count UTF-16 units; the CLI reports offsets in characters (code points), as other
 * tools count them. The two differ only after a character outside the BMP (an emoji), so the common
 * case costs one scan.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}
