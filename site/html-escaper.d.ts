// html-escaper (the escaper Astro itself uses) ships no types; the one function the site calls.
declare module 'html-escaper' {
  export function escape(text: string): string;
}
